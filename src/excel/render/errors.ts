/**
 * Why a render stopped, with a message written for the person using the workbook. Office errors
 * are translated by their code and where they happened (`debugInfo.errorLocation`).
 */

export type ExcelRenderErrorCode =
  | 'workbook-protected'
  | 'name-taken'
  | 'table-name-taken'
  | 'sheet-name-taken'
  | 'payload-too-large'
  | 'failed';

export class ExcelRenderError extends Error {
  override readonly name = 'ExcelRenderError';
  constructor(
    readonly code: ExcelRenderErrorCode,
    message: string,
    /** The Office error behind it, when there is one. */
    readonly officeError?: unknown,
  ) {
    super(message);
  }
}

const PROTECTED =
  'The workbook structure is protected, so its sheets cannot be added or changed. Unprotect it (Review > Protect Workbook), then refresh.';

const quoted = (name?: string): string => (name ? ` "${name}"` : '');

export const messages = {
  workbookProtected: (): string => PROTECTED,
  sheetProtected: (): string =>
    'A Sales Metrics sheet is protected with a password, so it cannot be refreshed. Unprotect it (Review > Unprotect Sheet), then refresh. Nothing was changed.',
  nameTaken: (name?: string): string =>
    `The name${quoted(name)} is already used in this workbook for something else. Rename or delete it (Formulas > Name Manager), then refresh.`,
  tableNameTaken: (name?: string): string =>
    `A table or name${quoted(name)} that this refresh needs already exists in the workbook. Rename it, then refresh.`,
  sheetNameTaken: (sheet?: string): string =>
    `This workbook already has a sheet${quoted(sheet)} that Sales Metrics did not make. Rename that sheet, then refresh.`,
  payload: (): string =>
    'The update was too large for Excel to take at once. Refresh again; if it keeps failing, refresh one sheet at a time.',
};

interface OfficeLike {
  readonly code?: string;
  readonly message?: string;
  readonly debugInfo?: { readonly errorLocation?: string };
}

/**
 * The typed error for whatever stopped a render. `applied` says whether product sheets may
 * already have changed (an error while applying, after the trial passed).
 * @example toRenderError(error, false).code // 'table-name-taken' for an ItemAlreadyExists on Table.name
 */
export function toRenderError(error: unknown, applied: boolean): ExcelRenderError {
  if (error instanceof ExcelRenderError) return error;
  const office = (error ?? {}) as OfficeLike;
  const code = office.code ?? '';
  const where = office.debugInfo?.errorLocation ?? '';
  if (code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded')
    return new ExcelRenderError('payload-too-large', messages.payload(), error);
  if (code === 'ItemAlreadyExists') {
    if (/Table/.test(where))
      return new ExcelRenderError('table-name-taken', messages.tableNameTaken(), error);
    if (/Name/.test(where)) return new ExcelRenderError('name-taken', messages.nameTaken(), error);
    if (/Worksheet/.test(where))
      return new ExcelRenderError('sheet-name-taken', messages.sheetNameTaken(), error);
  }
  // Unprotecting comes first when applying: a password stops the refresh before anything changed.
  if (/WorksheetProtection\.unprotect/.test(where))
    return new ExcelRenderError('failed', messages.sheetProtected(), error);
  if (code === 'AccessDenied' && /Worksheet(Collection)?\.|WorkbookProtection/.test(where))
    return new ExcelRenderError('workbook-protected', PROTECTED, error);
  const detail = [code, office.message].filter(Boolean).join(': ') || String(error);
  return new ExcelRenderError(
    'failed',
    applied
      ? `Excel stopped part-way through the refresh (${detail}). Some sheets may be incomplete: refresh again.`
      : `Excel could not refresh the sheets (${detail}). Nothing was changed.`,
    error,
  );
}
