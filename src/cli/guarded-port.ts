/**
 * The file port as `build` and `review` hand it to a job: sources kept outside the workbook (the
 * CSV a large dashboard was built from) added to the workbook's own, and a stop before writing
 * over a sheet that is named like the product's but was not written by it.
 */
import type { SheetPlan } from '../sheets/plan';
import type { SourceSheet, WorkbookPort } from '../workflows/port';
import type { FileWorkbookPort } from '../xlsx/file-port';
import { foreignSheets } from '../xlsx/product-sheets';
import { CliError } from './errors';

export interface GuardOptions {
  /** Sources read from files outside the workbook. */
  readonly extraSources?: readonly SourceSheet[];
  /** Replace sheets named like the product's even when the product did not write them. */
  readonly force?: boolean;
  /** What `--force` is called in the message (the command's own words). */
  readonly forceHint?: string;
}

/**
 * @example const port = guardedPort(await FileWorkbookPort.open(path, label), { force: false });
 */
export function guardedPort(inner: FileWorkbookPort, options: GuardOptions = {}): WorkbookPort {
  const extra = options.extraSources ?? [];
  return {
    get label() {
      return inner.label;
    },
    listSources: async () => [...(await inner.listSources()), ...extra],
    sheetNames: () => inner.sheetNames(),
    readPeopleArea: (sheet, area) => inner.readPeopleArea(sheet, area),
    readConfig: () => inner.readConfig(),
    async render(plans: readonly SheetPlan[]) {
      if (!options.force) {
        const foreign = foreignSheets(await inner.sheetNames(), inner.existing, plans);
        if (foreign.length > 0) {
          const quoted = foreign.map((n) => `"${n}"`).join(', ');
          throw new CliError(
            `${inner.label} has ${foreign.length === 1 ? 'a sheet' : 'sheets'} ${quoted} that Sales Metrics did not write; ` +
              `rename ${foreign.length === 1 ? 'it' : 'them'} and run again, or pass ${options.forceHint ?? '--force'} to replace ${foreign.length === 1 ? 'it' : 'them'}`,
          );
        }
      }
      await inner.render(plans);
    },
  };
}
