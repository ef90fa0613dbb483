import type { CellValue } from '../core/cell';
import type { SheetPlan } from '../sheets/plan';
import { configSheetPlan, type SalesMetricsConfig } from '../sheets/config';
import { latestOpenActions, MemoryWorkbookPort, runSavedJob, type OpenActionRow } from '../workflows';
import type {
  JobKind,
  JobRequest,
  JobResult,
  ReadOptions,
  SavedState,
  SourceData,
  TableInfo,
  WorkbookGateway,
} from './gateway';
import { PREVIEW_ORDERS } from './preview-sample';

/** A table held in memory by the preview gateway. */
export interface PreviewTable {
  readonly name: string;
  readonly address: string;
  readonly values: readonly (readonly CellValue[])[];
}

/**
 * A `WorkbookGateway` over tables held in memory: the pane runs on it when opened outside Excel
 * (a browser preview) and in tests. The "selection" is the first table.
 *
 * @example
 * const gateway = new PreviewWorkbookGateway([{ name: 'Orders', address: 'Sheet1!A1:B2', values }]);
 * await gateway.readTable('Orders');
 */
export class PreviewWorkbookGateway implements WorkbookGateway {
  private readonly port: MemoryWorkbookPort;
  /** The sheet last shown with `goToSheet`, for the preview's sheet view. */
  shown?: SheetPlan;
  private readonly watchers = new Set<(sheet: SheetPlan | undefined) => void>();

  watchShownSheet(listener: (sheet: SheetPlan | undefined) => void): () => void {
    this.watchers.add(listener);
    return () => this.watchers.delete(listener);
  }

  private show(sheet: SheetPlan | undefined): void {
    this.shown = sheet;
    for (const listener of this.watchers) listener(sheet);
  }

  constructor(
    private readonly tables: readonly PreviewTable[],
    /** The preview's "today": the sample's last order day, so every sheet has data to show. */
    private readonly now: Date = new Date(2026, 2, 27, 9, 0),
  ) {
    this.port = new MemoryWorkbookPort(
      'Preview workbook',
      tables.map((t) => ({ name: t.name, rows: t.values })),
    );
  }

  /** A sheet the preview's jobs wrote, as a plan. */
  sheet(name: string): SheetPlan | undefined {
    return this.port.sheet(name);
  }

  async runJob(kind: JobKind, request: JobRequest = {}): Promise<JobResult> {
    try {
      const done = await runSavedJob(this.port, kind, {
        now: this.now,
        ...(request.source ? { source: request.source } : {}),
        ...(request.onStage ? { report: request.onStage } : {}),
      });
      return { ok: true, sheets: done.sheets, summary: done.summary };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  }

  async goToSheet(name: string): Promise<void> {
    this.show(this.port.sheet(name));
  }

  async readConfig(): Promise<SalesMetricsConfig> {
    return (await this.port.readConfig()).config;
  }

  async writeConfig(config: SalesMetricsConfig): Promise<void> {
    await this.port.render([configSheetPlan(config)]);
  }

  async openActions(): Promise<OpenActionRow[]> {
    return latestOpenActions(this.port);
  }

  async goToCell(sheet: string): Promise<void> {
    this.show(this.port.sheet(sheet));
  }

  async peek(name: string | undefined, rows: number): Promise<SourceData> {
    const table = name === undefined ? this.tables[0] : this.tables.find((t) => t.name === name);
    if (!table) throw new Error(`There is no table named "${name}" in this workbook.`);
    return { address: table.address, values: table.values.slice(0, rows).map((row) => [...row]) };
  }

  async savedState(): Promise<SavedState> {
    const { warning } = await this.port.readConfig();
    const reviews = (await this.port.sheetNames()).filter((n) => /^Review \d{4}-W\d{2}$/.test(n)).sort();
    return {
      configured: warning === undefined,
      ...(reviews.length ? { latestReview: reviews[reviews.length - 1].slice(7) } : {}),
    };
  }

  async listTables(): Promise<TableInfo[]> {
    return this.tables.map(({ name, address }) => ({ name, address }));
  }

  async readTable(name: string, options?: ReadOptions): Promise<SourceData> {
    const table = this.tables.find((t) => t.name === name);
    if (!table) throw new Error(`There is no table named "${name}" in this workbook.`);
    return this.read(table, options);
  }

  async readSelection(options?: ReadOptions): Promise<SourceData> {
    if (this.tables.length === 0) throw new Error('The selected cells are empty. Select your data first.');
    return this.read(this.tables[0], options);
  }

  private read(table: PreviewTable, options?: ReadOptions): SourceData {
    const values = table.values.map((row) => [...row]);
    options?.onProgress?.({ rowsRead: values.length, totalRows: values.length });
    return { address: table.address, values };
  }
}

/** The preview workbook: three months of orders (see `preview-sample.ts`) and a small pipeline. */
export const PREVIEW_TABLES: readonly PreviewTable[] = [
  { name: 'Orders', address: `Orders!A1:F${PREVIEW_ORDERS.length}`, values: PREVIEW_ORDERS },
  {
    name: 'Pipeline',
    address: 'Pipeline!A1:D4',
    values: [
      ['Opportunity', 'Created', 'Status', 'Value'],
      ['OP-1', 45650, 'Won', 5000],
      ['OP-2', 45668, 'Open', 3200],
      ['OP-3', 45690, 'Lost', 1800],
    ],
  },
];
