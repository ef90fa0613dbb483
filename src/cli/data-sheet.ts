/**
 * A CSV's rows as the `Data` sheet of a built workbook, typed so native formulas see what the
 * engine sees.
 */
import type { CellValue } from '../core/cell';
import type { IngestOptions } from '../core/ingest';
import { detectHeaderRow, makeHeaders } from '../core/ingest';
import type { OrdersTable } from '../core/table';

/**
 * The rows of a CSV as the `Data` sheet of a built workbook: dates, amounts, quantities and
 * costs of the rows ingestion used become real dates and numbers (so native formulas see them);
 * every other cell, and every skipped row, stays as the text it was. A header-less file gets a
 * header row of role names.
 */
export function typedDataRows(
  rows: readonly (readonly CellValue[])[],
  table: OrdersTable,
  options: IngestOptions,
): CellValue[][] {
  const headerRow = options.headerRow === 'none' ? 'none' : detectHeaderRow(rows);
  const width = Math.max(0, ...rows.slice(0, 100).map((row) => row.length));
  const headers = makeHeaders(headerRow === 'none' ? undefined : rows[headerRow], width);
  const index = (role: 'date' | 'amount' | 'quantity' | 'cost') => {
    const header = table.mapping[role];
    return header === undefined ? -1 : headers.indexOf(header);
  };
  const out: CellValue[][] = rows.map((row) => [...row]);
  const typed: [number, Float64Array | undefined, boolean][] = [
    [index('date'), table.date, true],
    [index('amount'), table.amount, false],
    [index('quantity'), table.quantity, false],
    [index('cost'), table.cost, false],
  ];
  for (let i = 0; i < table.length; i++) {
    const row = out[table.sourceRow[i] - 1];
    if (!row) continue;
    for (const [column, values, isDate] of typed) {
      if (column < 0 || !values || !Number.isFinite(values[i])) continue;
      row[column] = isDate ? new Date(Math.round(values[i] * 86400000)) : values[i];
    }
  }
  if (headerRow === 'none') out.unshift(headers);
  return out;
}
