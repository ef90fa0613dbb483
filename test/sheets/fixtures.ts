/**
 * A deterministic small orders data set for plan tests: ~14 months of orders with customers,
 * regions, reps, products and a few refunds, as the cells of a `Data` sheet and as an
 * ingested table, plus where it sits (for native formulas).
 */
import { ingestOrders } from '../../src/core/ingest';
import type { OrdersTable } from '../../src/core/table';
import { daysFromCivil } from '../../src/core/periods';
import { emptyPlan, textCell, valueCell, FORMATS, type CellPlan, type SheetPlan } from '../../src/sheets/plan';
import type { OrdersSource } from '../../src/sheets/sources';

export const AS_OF = daysFromCivil(2026, 11, 18);
const HEADER = ['Date', 'Customer', 'Amount', 'Region', 'Rep', 'Product'];

/** Park–Miller PRNG: repeatable without a library. */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}

export interface SampleOrders {
  readonly rows: (string | number)[][];
  readonly table: OrdersTable;
  readonly source: OrdersSource;
  readonly dataPlan: SheetPlan;
}

export function sampleOrders(count = 600, seed = 7): SampleOrders {
  const next = random(seed);
  const regions = ['West', 'East', 'North', 'South'];
  const reps = ['Dewi', 'Rudi', 'Sari', 'Budi', 'Ayu'];
  const products = ['Basic', 'Pro', 'Team'];
  const first = daysFromCivil(2025, 9, 1);
  const span = AS_OF - first + 10; // a few rows after the as-of day, which must be ignored
  const rows: (string | number)[][] = [];
  for (let i = 0; i < count; i++) {
    const day = first + Math.floor(next() * span);
    const customer = `C${String(1 + Math.floor(next() ** 2 * 120)).padStart(3, '0')}`;
    const refund = next() < 0.03;
    const amount = Math.round((refund ? -1 : 1) * (20 + next() * 480) * 100) / 100;
    rows.push([day + 25569, customer, amount, regions[Math.floor(next() * 4)], reps[Math.floor(next() * 5)], products[Math.floor(next() * 3)]]);
  }
  rows.sort((a, b) => (a[0] as number) - (b[0] as number));
  const { table } = ingestOrders([HEADER, ...rows]);
  if (!table) throw new Error('fixture did not ingest');
  const cells: CellPlan[] = HEADER.map((h, i) => textCell(`${'ABCDEF'[i]}1`, h, 'header'));
  rows.forEach((row, i) => {
    const r = i + 2;
    cells.push(valueCell(`A${r}`, row[0] as number, FORMATS.date), textCell(`B${r}`, row[1] as string), valueCell(`C${r}`, row[2] as number, FORMATS.money2),
      textCell(`D${r}`, row[3] as string), textCell(`E${r}`, row[4] as string), textCell(`F${r}`, row[5] as string));
  });
  const source: OrdersSource = {
    sheet: 'Data', firstRow: 2, lastRow: rows.length + 1, formulaReady: true, label: 'sample.xlsx — Data',
    columns: { date: 'A', customer: 'B', amount: 'C', region: 'D', rep: 'E', product: 'F' },
  };
  return { rows, table: table as OrdersTable, source, dataPlan: { ...emptyPlan('Data'), cells, columns: [{ index: 1, width: 12 }] } };
}
