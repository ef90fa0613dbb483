/**
 * Tables read by name for the custom functions, inside the shared runtime: the table's header and
 * body (never its totals row) in chunks sized under Excel on the web's 5 MB request limit, dates
 * by their number formats in the workbook's date system (all through `ExcelWorkbookPort`), the
 * column mapping saved in `_sales_metrics` when the configuration names this table as the orders,
 * and the table's `onChanged` event to hear about edits.
 */
import type { IngestOptions } from '../core/ingest';
import type { CellValue } from '../core/cell';
import { ExcelWorkbookPort } from './port';

/** A table that cannot be read as it is; the custom functions show the message with `#VALUE!`. */
export class TableNotReadable extends Error {
  // The functions' TableSource contract recognises the person's errors by this name.
  override readonly name = 'TableReadError';
}

/** Runs a batch against the workbook (`Excel.run` in the add-in, the recording fake in tests). */
export type BatchRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelTableSourceOptions {
  readonly run: BatchRunner;
  /** Runs a batch in an earlier request's context: event handlers are removed where they were added. */
  readonly runIn: <T>(
    context: Excel.RequestContext,
    batch: (context: Excel.RequestContext) => Promise<T>,
  ) => Promise<T>;
}

/** What the functions need to read a table: its rows and how to ingest them. */
export interface ExcelTableRows {
  readonly rows: CellValue[][];
  readonly ingest: IngestOptions;
  readonly fallback?: IngestOptions;
}

/**
 * The workbook's tables by name.
 * @example
 * const tables = new ExcelTableSource({ run: Excel.run, runIn: (context, batch) => Excel.run(context, batch) });
 * const { rows, ingest } = await tables.read('Orders', { aborted: false });
 */
export class ExcelTableSource {
  constructor(private readonly options: ExcelTableSourceOptions) {}

  async read(name: string, signal: { readonly aborted: boolean }): Promise<ExcelTableRows> {
    const port = new ExcelWorkbookPort({
      label: 'this workbook',
      render: () => Promise.resolve(),
      run: this.options.run,
      signal,
    });
    const sources = await port.listSources();
    const wanted = name.trim().toLowerCase();
    const tables = sources.filter((s) => s.kind === 'table');
    const source = tables.find((s) => s.name.toLowerCase() === wanted);
    if (!source) {
      const names = tables.map((t) => `"${t.name}"`).join(', ');
      throw new TableNotReadable(`no table named "${name}" in this workbook (tables: ${names || 'none'})`);
    }
    const { config } = await port.readConfig();
    const rows = await source.rows();
    const detected: IngestOptions = source.date1904 ? { dateSystem: '1904' } : {};
    const saved = config.mappings.sources?.orders === source.name ? config.mappings.orders : undefined;
    // A saved mapping that no longer fits (columns renamed) falls back to detecting the columns.
    return saved
      ? { rows, ingest: { ...detected, mapping: saved }, fallback: detected }
      : { rows, ingest: detected };
  }

  async watch(name: string, onChange: () => void): Promise<() => Promise<void>> {
    const handler = await this.options.run(async (context) => {
      const table = context.workbook.tables.getItemOrNullObject(name.trim());
      await context.sync();
      if (table.isNullObject) return undefined;
      const added = table.onChanged.add(async () => onChange());
      await context.sync();
      return added;
    });
    if (!handler) throw new TableNotReadable(`no table named "${name}" in this workbook`);
    return () =>
      this.options.runIn(handler.context as Excel.RequestContext, async (context) => {
        handler.remove();
        await context.sync();
      });
  }
}
