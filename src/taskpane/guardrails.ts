/**
 * Checks before figures: what in the data read as orders would make the figures wrong without an
 * error — a table that is really a pipeline or marketing spend, a guess the add-in is unsure of, an
 * amount column of percentages, several currencies added up in one column.
 */
import type { CellValue } from '../core/cell';
import { ingestTable } from '../core/ingest';
import { currencyMarkerOf } from '../core/ingest/numbers';
import type { OrdersAnalysis } from './analysis';

export type DataWarning =
  | { readonly kind: 'looks-like'; readonly table: 'pipeline' | 'spend' }
  | { readonly kind: 'low-confidence'; readonly roles: readonly string[] }
  | { readonly kind: 'percent-amounts'; readonly share: number }
  | { readonly kind: 'mixed-currencies'; readonly markers: readonly string[] };

/** Required roles guessed with less confidence than this are pointed out. */
const UNSURE = 0.5;
/** Rows of the amount column looked at for percentages and currencies. */
const SAMPLE = 2000;

function amountColumn(values: readonly (readonly CellValue[])[], analysis: OrdersAnalysis): CellValue[] {
  const amount = analysis.rows.find((r) => r.role === 'amount')?.column;
  if (amount === null || amount === undefined) return [];
  return values.slice(1, SAMPLE + 1).map((row) => row?.[amount] ?? null);
}

/**
 * What to tell people about the data before they trust its figures.
 * @example dataWarnings(values, analysis) // [{ kind: 'looks-like', table: 'pipeline' }]
 */
export function dataWarnings(
  values: readonly (readonly CellValue[])[],
  analysis: OrdersAnalysis,
): DataWarning[] {
  const out: DataWarning[] = [];
  const head = values.slice(0, 300);
  // A status column with won/lost makes it a pipeline even when it also has a date and a value.
  const pipeline = ingestTable('pipeline', head);
  if (pipeline.table && pipeline.detection.roles.status) out.push({ kind: 'looks-like', table: 'pipeline' });
  else {
    const spend = ingestTable('spend', head);
    const spendHeader = spend.detection.roles.spend?.header ?? '';
    if (spend.table && /spend|biaya|budget|anggaran|cost/i.test(spendHeader))
      out.push({ kind: 'looks-like', table: 'spend' });
  }
  const unsure = analysis.rows
    .filter((r) => r.required && r.confidence !== null && r.confidence < UNSURE)
    .map((r) => r.role);
  if (unsure.length > 0) out.push({ kind: 'low-confidence', roles: unsure });
  const amounts = amountColumn(values, analysis).filter(
    (v) => typeof v === 'string' && v.trim() !== '',
  ) as string[];
  if (amounts.length > 0) {
    const percent = amounts.filter((v) => v.trim().endsWith('%')).length;
    if (percent * 2 >= amounts.length) out.push({ kind: 'percent-amounts', share: percent / amounts.length });
    const markers = [...new Set(amounts.map((v) => currencyMarkerOf(v)).filter((m): m is string => !!m))];
    const canonical = new Set(
      markers.map((m) => ({ IDR: 'Rp', USD: '$', US$: '$', EUR: '€', GBP: '£' })[m] ?? m),
    );
    if (canonical.size > 1) out.push({ kind: 'mixed-currencies', markers });
  }
  return out;
}
