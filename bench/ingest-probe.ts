/**
 * Quick timing probe for ingestion on synthetic data shaped like a big orders sheet:
 * 1,048,576 rows × 10 columns (serial dates, ids, short strings, numbers).
 * Run: node --expose-gc --max-old-space-size=600 --import tsx bench/ingest-probe.ts [rows] [runs]
 * Under load, the CPU time printed is a steadier figure than wall time.
 */
import { ingestOrders } from '../src/core/ingest';
import type { CellValue } from '../src/core/cell';

const rows = Number(process.argv[2] ?? 1_048_576);
const pick = <T>(list: readonly T[], i: number): T => list[i % list.length];
const products = Array.from({ length: 50 }, (_, i) => `Product ${i}`);
const categories = [
  'Audio',
  'Video',
  'Books',
  'Games',
  'Toys',
  'Garden',
  'Home',
  'Kitchen',
  'Sport',
  'Office',
];
const regions = ['North', 'South', 'East', 'West', 'Jakarta', 'Bandung', 'Surabaya', 'Medan'];
const reps = Array.from({ length: 30 }, (_, i) => `Rep ${i}`);
const channels = ['Web', 'Store', 'Marketplace', 'Phone', 'Partner'];

function build(): CellValue[][] {
  const values: CellValue[][] = new Array(rows + 1);
  values[0] = [
    'Order Date',
    'Order ID',
    'Customer',
    'Product',
    'Category',
    'Region',
    'Sales Rep',
    'Channel',
    'Qty',
    'Amount',
  ];
  let seed = 12345;
  const rand = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  for (let i = 1; i <= rows; i++) {
    const r = rand();
    values[i] = [
      45292 + Math.floor(r * 730),
      100000 + i,
      `C${Math.floor(rand() * 50000)}`,
      pick(products, i * 7),
      pick(categories, i * 3),
      pick(regions, i),
      pick(reps, i * 11),
      pick(channels, i * 13),
      1 + (i % 5),
      Math.round(rand() * 100000) / 100,
    ];
  }
  // Excel hands Range.values over as JSON; parsing it back gives strings the identity they have
  // in the add-in (short equal strings shared, long ones separate objects).
  return JSON.parse(JSON.stringify(values)) as CellValue[][];
}

const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const before = process.memoryUsage().heapUsed;
const values = build();
gc?.();
const input = process.memoryUsage().heapUsed - before;
let peak = 0;
const timer = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().heapUsed);
}, 5);
for (let run = 0; run < Number(process.argv[3] ?? 3); run++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = ingestOrders(values);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  console.log(
    `run ${run + 1}: ${rows} rows in ${ms.toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU; used ${result.report.rowsUsed}, skipped ${result.report.rowsSkipped}; ` +
      `heap now ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`,
  );
}
clearInterval(timer);
console.log(
  `input array ≈ ${(input / 2 ** 20).toFixed(0)} MB; peak sampled heap ${(peak / 2 ** 20).toFixed(0)} MB`,
);
