import { isBlank, type CellValue } from '../core/cell';

/** What the pane shows after a read: where the data came from and its shape. */
export interface ReadSummary {
  /** The table name, or the selection label. */
  readonly label: string;
  readonly address: string;
  /** Data rows, not counting the header row. */
  readonly rowCount: number;
  /** Header texts; unnamed columns are called `Column N`. */
  readonly columns: readonly string[];
}

/**
 * Summarises values read from a source whose first row is the header row.
 *
 * @example
 * summarizeRead('Orders', 'Sheet1!A1:B3', [['Date', 'Amount'], [45000, 10], [45001, 12]]);
 * // { label: 'Orders', address: 'Sheet1!A1:B3', rowCount: 2, columns: ['Date', 'Amount'] }
 */
export function summarizeRead(label: string, address: string, values: readonly CellValue[][]): ReadSummary {
  const header = values[0] ?? [];
  const columns = header.map((cell, i) => (isBlank(cell) ? `Column ${i + 1}` : String(cell).trim()));
  return { label, address, rowCount: Math.max(0, values.length - 1), columns };
}
