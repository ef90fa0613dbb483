import type { CellValue } from '../core/cell';
import type { ReadOptions, SourceData, TableInfo, WorkbookGateway } from './gateway';
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
  constructor(private readonly tables: readonly PreviewTable[]) {}

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
