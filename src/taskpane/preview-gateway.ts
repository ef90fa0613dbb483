import type { CellValue } from '../core/cell';
import type { ReadOptions, SourceData, TableInfo, WorkbookGateway } from './gateway';

/** A table held in memory by the preview gateway. */
export interface PreviewTable {
  readonly name: string;
  readonly address: string;
  readonly values: CellValue[][];
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

/** A few orders, enough for the preview to show a real read. Dates are Excel serials (2025). */
export const PREVIEW_TABLES: readonly PreviewTable[] = [
  {
    name: 'Orders',
    address: 'Orders!A1:F9',
    values: [
      ['Order ID', 'Date', 'Customer', 'Region', 'Rep', 'Amount'],
      ['SO-1001', 45659, 'Arunika Coffee', 'West', 'Dewi', 1250],
      ['SO-1002', 45662, 'Northwind Traders', 'East', 'Sam', 830.5],
      ['SO-1003', 45670, 'Arunika Coffee', 'West', 'Dewi', 460],
      ['SO-1004', 45688, 'Blue Harbor', 'North', 'Lee', 2100],
      ['SO-1005', 45695, 'Northwind Traders', 'East', 'Sam', -120],
      ['SO-1006', 45701, 'Kopi Kita', 'West', 'Dewi', 975],
      ['SO-1007', 45712, 'Blue Harbor', 'North', 'Lee', 1540],
      ['SO-1008', 45720, 'Sumber Rejeki', 'South', 'Budi', 690],
    ],
  },
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
