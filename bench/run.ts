/**
 * `npm run bench`: every case in `bench/cases/*.ts` at 10k, 100k and 1,048,576 rows (Excel's
 * maximum). Per case and size: median wall time of a few runs after a warm-up (and the median
 * process CPU time, which other work on a shared machine inflates less), heap in use right
 * after a run (before any collection, so it approximates the peak including the input array),
 * and the process's largest RSS. Prints one table.
 *
 *   npm run bench                         all cases, all sizes
 *   npm run bench -- --rows 10000,100000  chosen sizes
 *   npm run bench -- --only metrics       cases whose name contains "metrics"
 *   npm run bench -- --only command line: build    several words, quoted or not (up to the next --flag)
 *   npm run bench -- --runs 7             timed runs per case (default 5)
 *
 * Run with `node --expose-gc --import tsx bench/run.ts` to collect garbage between cases (the
 * heap figures are then per case rather than cumulative).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { BenchCase } from './case';
import { isBenchCase } from './case';

const SIZES = [10_000, 100_000, 1_048_576];

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The words after `--name` up to the next `--flag`, joined by spaces (a name with spaces, unquoted). */
function words(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return undefined;
  let end = i + 1;
  while (end < process.argv.length && !process.argv[end].startsWith('--')) end++;
  return end > i + 1 ? process.argv.slice(i + 1, end).join(' ') : undefined;
}

function loadCases(): BenchCase[] {
  const dir = path.join(__dirname, 'cases');
  const cases: BenchCase[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const module = require(path.join(dir, file)) as Record<string, unknown>;
    for (const value of Object.values(module)) if (isBenchCase(value) && !cases.includes(value)) cases.push(value);
  }
  return cases;
}

interface Row {
  name: string;
  rows: string;
  median: number;
  min: number;
  cpu: number;
  target?: number;
  heapMb: number;
  rssMb: number;
  /** Peak RSS of a child process the case ran (end-to-end command cases), largest over the runs. */
  childMb?: number;
  /** Name of the case this one is compared with (its median at the same size). */
  peer?: string;
}

const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => bytes / 1_048_576;

async function measure(c: BenchCase, rows: number | null, runs: number): Promise<Row> {
  gc?.();
  // Cases may be asynchronous (a database answers later): their setup and runs are awaited.
  const state = await (rows === null ? (c.setup as () => unknown)() : c.setup(rows));
  await c.run(state); // warm-up
  const times: number[] = [];
  const cpu: number[] = [];
  let heap = 0;
  let rss = 0;
  let child: number | undefined;
  for (let r = 0; r < runs; r++) {
    gc?.();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const out = (await c.run(state)) as { childRssMb?: unknown } | undefined;
    times.push(performance.now() - t0);
    if (typeof out?.childRssMb === 'number') child = Math.max(child ?? 0, out.childRssMb);
    const used = process.cpuUsage(c0);
    cpu.push((used.user + used.system) / 1000);
    const usage = process.memoryUsage();
    heap = Math.max(heap, usage.heapUsed);
    rss = Math.max(rss, usage.rss);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    name: c.name, rows: rows === null ? 'fixed' : rows.toLocaleString('en-US'), median: times[times.length >> 1], min: times[0], cpu: cpu[cpu.length >> 1],
    target: rows === null || rows === SIZES[SIZES.length - 1] ? c.targetMs : undefined, heapMb: mb(heap), rssMb: mb(rss),
    ...(child === undefined ? {} : { childMb: child }),
    ...(c.peer === undefined ? {} : { peer: c.peer }),
  };
}

function printTable(rows: Row[]): void {
  const header = ['case', 'rows', 'median ms', 'min ms', 'cpu ms', 'target ms', 'heap MB', 'rss MB', 'child MB', '× peer'];
  const ratio = (r: Row) => {
    const peer = rows.find((p) => p.name === r.peer && p.rows === r.rows);
    return peer ? `${(r.median / peer.median).toFixed(2)}` : '';
  };
  const cells = rows.map((r) => [
    r.name, r.rows, r.median.toFixed(1), r.min.toFixed(1), r.cpu.toFixed(1), r.target === undefined ? '' : `${r.target}${r.median <= r.target ? ' ok' : ' MISSED'}`,
    r.heapMb.toFixed(0), r.rssMb.toFixed(0), r.childMb === undefined ? '' : r.childMb.toFixed(0), ratio(r),
  ]);
  const widths = header.map((h, k) => Math.max(h.length, ...cells.map((row) => row[k].length)));
  const line = (row: string[]) => row.map((cell, k) => (k === 0 ? cell.padEnd(widths[k]) : cell.padStart(widths[k]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of cells) console.log(line(row));
}

async function main(): Promise<void> {
  const sizes = argument('rows')?.split(',').map(Number).filter((n) => n > 0) ?? SIZES;
  const only = words('only');
  const runs = Math.max(1, Number(argument('runs') ?? 5));
  const cases = loadCases().filter((c) => !only || c.name.includes(only));
  const results: Row[] = [];
  console.error(`bench: ${cases.length} cases, sizes ${sizes.join(', ')}, ${runs} runs${gc ? '' : ' (no --expose-gc: heap figures are cumulative)'}`);
  for (const size of sizes) {
    for (const c of cases) {
      if (c.setup.length === 0) continue;
      if (c.sizes && !c.sizes.includes(size)) continue;
      console.error(`  ${c.name} @ ${size}`);
      results.push(await measure(c, size, runs));
    }
  }
  for (const c of cases.filter((k) => k.setup.length === 0)) {
    console.error(`  ${c.name}`);
    results.push(await measure(c, null, runs));
  }
  printTable(results);
}

void main();
