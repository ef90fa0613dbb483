/**
 * A recording fake of the Excel JavaScript API subset the plan renderer uses (see
 * `test/support/excel-fake/`): proxies whose properties are readable only after `load` and `sync`,
 * batches applied in order and not rolled back, Excel's parsing of written text, names, tables,
 * charts, conditional formats, protection and page setup. It counts syncs, measures every batch
 * (UTF-8 bytes of operations and arguments, and of the response) and fails on request.
 *
 * @example
 * const fake = createExcelFake();
 * fake.addSheet('Data');
 * await renderPlansInExcel(fake.context, [plan], { capabilities: { notes: true, pageLayout: true } });
 * expect(fake.dump('Dashboard').cells.A1).toEqual({ value: 'Sales dashboard', font: { … } });
 */
import { fromA1 } from '../../src/sheets/a1';
import { dumpNames, dumpSheet, type DumpedSheet } from './excel-fake/dump';
import { FakeContext, type BatchRecord, type OpInfo } from './excel-fake/proxy';
import { FakeApplication, FakeWorkbook } from './excel-fake/objects-sheet';
import { WorkbookState, type SheetState } from './excel-fake/state';
import { typeText } from './excel-fake/typing';
import './excel-fake/objects-reads';

export type { BatchRecord, OpInfo } from './excel-fake/proxy';
export type { DumpedSheet, DumpedCell } from './excel-fake/dump';
export { PAYLOAD_LIMIT } from './excel-fake/proxy';
export { FakeOfficeError } from './excel-fake/state';

export interface ExcelFakeOptions {
  /** The ExcelApi requirement set the host supports (default `'1.18'`). */
  readonly api?: string;
}

export interface ExcelFake {
  readonly context: Excel.RequestContext;
  readonly state: WorkbookState;
  readonly batches: readonly BatchRecord[];
  /** How many times `context.sync()` was called. */
  syncs(): number;
  /** Makes the first operation matching `match` fail with `code` (an Office error code). */
  failOn(match: (op: OpInfo) => boolean, code?: string, options?: { times?: number; message?: string }): void;
  /** Makes a whole batch fail before any of it runs (as a request over the size limit does). */
  rejectBatch(
    match: (batch: { batch: number; ops: readonly OpInfo[] }) => boolean,
    code?: string,
    options?: { times?: number },
  ): void;
  addSheet(name: string): SheetState;
  /** What a person typing `text` into a cell gets (Excel's parsing). */
  typeInto(sheet: string, ref: string, text: string): void;
  /** Sets a cell's number format directly, as a person formatting it. */
  formatCell(sheet: string, ref: string, numberFormat: string): void;
  dump(sheet: string): DumpedSheet;
  names(): Record<string, string | undefined>;
  sheetNames(): string[];
}

/**
 * A fresh fake workbook (no sheets) and a request context over it.
 * @example const fake = createExcelFake({ api: '1.17' }); // a host without worksheet notes
 */
export function createExcelFake(options: ExcelFakeOptions = {}): ExcelFake {
  const state = new WorkbookState();
  const context = new FakeContext(state, options.api ?? '1.18');
  const workbook = new FakeWorkbook(context, 'workbook', () => state);
  context.workbook = workbook;
  context.application = new FakeApplication(context, 'application', () => state);
  const sheet = (name: string): SheetState => {
    const found = state.sheet(name);
    if (!found)
      throw new Error(
        `The fake workbook has no sheet "${name}" (sheets: ${state.sheets.map((s) => s.name).join(', ')})`,
      );
    return found;
  };
  const cellOf = (name: string, ref: string) => {
    const pos = fromA1(ref);
    if (!pos) throw new Error(`Not a cell: ${ref}`);
    return sheet(name).cell(pos.row, pos.column);
  };
  return {
    context: context as unknown as Excel.RequestContext,
    state,
    batches: context.batches,
    syncs: () => context.batches.length,
    failOn(match, code = 'GeneralException', opts = {}) {
      context.addFault({
        scope: 'op',
        match,
        code,
        message: opts.message ?? `Injected ${code}`,
        times: opts.times,
      });
    },
    rejectBatch(match, code = 'RequestPayloadSizeLimitExceeded', opts = {}) {
      context.addFault({
        scope: 'batch',
        match: (i) => match({ batch: i.batch, ops: i.ops }),
        code,
        message: `Injected ${code}`,
        times: opts.times,
      });
    },
    addSheet: (name) => state.addSheet(name),
    typeInto(name, ref, text) {
      const cell = cellOf(name, ref);
      const typed = typeText(text);
      cell.format.quotePrefix = false;
      if (typed.kind === 'clear') Object.assign(cell, { value: undefined, formula: undefined });
      else if (typed.kind === 'formula') Object.assign(cell, { value: undefined, formula: typed.formula });
      else {
        Object.assign(cell, { value: typed.value, formula: undefined });
        if (typed.format && !cell.numberFormat) cell.numberFormat = typed.format;
        if (typed.quotePrefix) cell.format.quotePrefix = true;
      }
    },
    formatCell(name, ref, numberFormat) {
      cellOf(name, ref).numberFormat = numberFormat;
    },
    dump: (name) => dumpSheet(state, sheet(name)),
    names: () => dumpNames(state),
    sheetNames: () => state.sheets.map((s) => s.name),
  };
}
