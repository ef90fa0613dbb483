/**
 * What the Excel host can do beyond the add-in's floor (ExcelApi 1.8, declared in the manifest):
 * features a sheet can live without are used only where the host has them.
 */

/** Host features the sheet renderer uses when present. */
export interface ExcelCapabilities {
  /** Worksheet notes (ExcelApi 1.18); without them plan notes are left out and counted. */
  readonly notes: boolean;
  /** Page layout and page breaks (ExcelApi 1.9); without them sheets print with Excel's defaults. */
  readonly pageLayout: boolean;
}

/** Every optional feature on: what tests and the newest hosts have. */
export const ALL_CAPABILITIES: ExcelCapabilities = { notes: true, pageLayout: true };

/** Nothing beyond the floor: a safe answer where the host cannot be asked. */
export const NO_CAPABILITIES: ExcelCapabilities = { notes: false, pageLayout: false };

interface RequirementsLike {
  isSetSupported(name: string, version?: string): boolean;
}

function requirements(): RequirementsLike | undefined {
  if (typeof Office === 'undefined') return undefined;
  try {
    return Office.context?.requirements;
  } catch {
    // Office.context throws before Office.onReady has run.
    return undefined;
  }
}

/**
 * Asks the host which optional requirement sets it supports; without Office (tests, Node) the
 * answer is {@link NO_CAPABILITIES}.
 * @example
 * await renderPlansInExcel(context, plans, { capabilities: detectCapabilities() });
 */
export function detectCapabilities(): ExcelCapabilities {
  const req = requirements();
  if (!req) return NO_CAPABILITIES;
  const has = (version: string): boolean => {
    try {
      return req.isSetSupported('ExcelApi', version);
    } catch {
      return false;
    }
  };
  return { notes: has('1.18'), pageLayout: has('1.9') };
}
