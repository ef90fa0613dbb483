import type { CellValue } from '../core/cell';
import { configSheetPlan, type SalesMetricsConfig } from '../sheets/config';
import { latestOpenActions, type OpenActionRow } from '../workflows';
import { runJob, savedState, type JobKind } from './jobs';
import { ExcelWorkbookPort, type PlanRenderer } from './port';
import { readRangeInChunks } from './read-range';

/** Why a workbook read failed; the message is written for the person using the task pane. */
export type WorkbookReadErrorCode = 'table-not-found' | 'empty-selection' | 'multi-area-selection';

/** A read the user can fix (wrong table, empty selection); other failures are Office's own errors. */
export class WorkbookReadError extends Error {
  override readonly name = 'WorkbookReadError';
  constructor(
    readonly code: WorkbookReadErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Shapes the task pane's `WorkbookGateway` uses; declared here so `excel` does not import `taskpane`. */
export interface ExcelTableInfo {
  readonly name: string;
  readonly address: string;
}
export interface ExcelSourceData {
  readonly address: string;
  readonly values: CellValue[][];
}
export interface ExcelReadOptions {
  readonly onProgress?: (progress: { rowsRead: number; totalRows: number }) => void;
}
export interface ExcelJobRequest extends ExcelReadOptions {
  readonly source?: string;
  readonly onStage?: (message: string) => void;
  readonly signal?: { readonly aborted: boolean };
}
export type ExcelJobResult =
  | { readonly ok: true; readonly sheets: readonly string[]; readonly summary: string }
  | { readonly ok: false; readonly message: string };

/** Whether the host has an ExcelApi version (false where Office cannot be asked). */
function supports(version: string): boolean {
  try {
    return typeof Office !== 'undefined' && Office.context.requirements.isSetSupported('ExcelApi', version);
  } catch {
    return false;
  }
}

function progressCallback(options?: ExcelReadOptions) {
  const report = options?.onProgress;
  return report ? (rowsRead: number, totalRows: number) => report({ rowsRead, totalRows }) : undefined;
}

/**
 * The task pane's `WorkbookGateway` over Office.js: the only place the pane's reads call
 * `Excel.run`. Large ranges are read in chunks (see `readRangeInChunks`).
 *
 * @example
 * const gateway = new ExcelWorkbookGateway();
 * const tables = await gateway.listTables(); // [{ name: 'Orders', address: 'Sheet1!A1:H1201' }]
 */
export class ExcelWorkbookGateway {
  /**
   * @param jobs what the product's jobs need from the host: the plan renderer, the workbook's
   *   name for the sheets' header line, and the clock
   */
  constructor(
    private readonly jobs?: {
      readonly render: PlanRenderer;
      readonly label: string;
      readonly now?: () => Date;
      /** After a job wrote the sheets (the ribbon's refresh buttons follow). */
      readonly onWritten?: () => Promise<void>;
    },
  ) {}

  async runJob(kind: JobKind, request: ExcelJobRequest = {}): Promise<ExcelJobResult> {
    if (!this.jobs) return { ok: false, message: 'Building sheets is not available here.' };
    const onProgress = request.onProgress;
    const outcome = await runJob(kind, {
      now: (this.jobs.now ?? (() => new Date()))(),
      label: this.jobs.label,
      render: this.jobs.render,
      ...(request.source ? { source: request.source } : {}),
      ...(request.onStage ? { onStage: request.onStage } : {}),
      ...(request.signal ? { signal: request.signal } : {}),
      ...(onProgress
        ? { onRows: (rowsRead: number, totalRows: number) => onProgress({ rowsRead, totalRows }) }
        : {}),
    });
    if (outcome.ok) await this.jobs.onWritten?.().catch(() => undefined);
    return outcome.ok
      ? { ok: true, sheets: outcome.sheets, summary: outcome.summary }
      : { ok: false, message: outcome.message };
  }

  async savedState(): Promise<{ configured: boolean; latestReview?: string }> {
    const port = new ExcelWorkbookPort({ label: this.jobs?.label ?? '', render: async () => undefined });
    return savedState(port);
  }

  private port(): ExcelWorkbookPort {
    return new ExcelWorkbookPort({
      label: this.jobs?.label ?? '',
      render: this.jobs?.render ?? (async () => undefined),
    });
  }

  async readConfig(): Promise<SalesMetricsConfig> {
    return (await this.port().readConfig()).config;
  }

  async writeConfig(config: SalesMetricsConfig): Promise<void> {
    if (!this.jobs) throw new Error('Saving settings is not available here.');
    await this.port().render([configSheetPlan(config)]);
  }

  async openActions(): Promise<OpenActionRow[]> {
    return latestOpenActions(this.port());
  }

  async goToCell(sheet: string, ref: string): Promise<void> {
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(ref).select();
      await context.sync();
    });
  }

  async peek(name: string | undefined, rows: number): Promise<ExcelSourceData> {
    return Excel.run(async (context) => {
      const range =
        name === undefined
          ? context.workbook.getSelectedRange().getUsedRangeOrNullObject(true)
          : context.workbook.tables.getItem(name).getRange();
      range.load('address,rowCount');
      await context.sync();
      if (range.isNullObject) return { address: '', values: [] };
      const top = range.getRow(0).getResizedRange(Math.max(0, Math.min(rows, range.rowCount) - 1), 0);
      top.load('values');
      await context.sync();
      return { address: range.address, values: top.values as CellValue[][] };
    });
  }

  async goToSheet(name: string): Promise<void> {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(name).activate();
      await context.sync();
    });
  }

  async listTables(): Promise<ExcelTableInfo[]> {
    return Excel.run(async (context) => {
      const tables = context.workbook.tables;
      tables.load('items/name');
      await context.sync();
      const ranges = tables.items.map((table) => table.getRange().load('address'));
      await context.sync();
      return tables.items.map((table, i) => ({ name: table.name, address: ranges[i].address }));
    });
  }

  async readTable(name: string, options?: ExcelReadOptions): Promise<ExcelSourceData> {
    return Excel.run(async (context) => {
      const table = context.workbook.tables.getItemOrNullObject(name);
      await context.sync();
      if (table.isNullObject) {
        throw new WorkbookReadError('table-not-found', `There is no table named "${name}" in this workbook.`);
      }
      const { address, values } = await readRangeInChunks(
        context,
        table.getRange(),
        progressCallback(options),
      );
      return { address, values };
    });
  }

  async readSelection(options?: ExcelReadOptions): Promise<ExcelSourceData> {
    return Excel.run(async (context) => {
      // Several blocks selected (Ctrl+click) are not one table: say so rather than read one of them.
      if (supports('1.9')) {
        const areas = context.workbook.getSelectedRanges().load('areaCount');
        await context.sync();
        if (areas.areaCount > 1)
          throw new WorkbookReadError(
            'multi-area-selection',
            `${areas.areaCount} separate blocks of cells are selected. Select one block that holds your data, its header row first.`,
          );
      }
      // Selecting whole columns selects a million rows; only the used part holds data.
      const used = context.workbook.getSelectedRange().getUsedRangeOrNullObject(true);
      await context.sync();
      if (used.isNullObject) {
        throw new WorkbookReadError(
          'empty-selection',
          'The selected cells are empty. Select your data first.',
        );
      }
      const { address, values } = await readRangeInChunks(context, used, progressCallback(options));
      return { address, values };
    });
  }
}
