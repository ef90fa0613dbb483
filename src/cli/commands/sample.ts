/**
 * `sales-metrics sample`: the benchmark's deterministic sales generator written as a workbook with
 * Orders, Pipeline, Spend and Targets sheets (for demos, tests and trying the product).
 */
import { resolve } from 'node:path';
import { generateOrders, generatePipeline, generateSpend, generateTargets } from '../../core/sample';
import { writeDataWorkbook } from '../../xlsx/write-data';
import { prepareOutput } from '../output';
import type { ParsedArgs } from '../args';
import { booleanFlag, integerFlag, stringFlag } from '../args';
import type { Command } from '../command';
import { CliError, usageError } from '../errors';
import type { CliIO } from '../io';
import { progressOn } from '../io';

const MAX_ROWS = 1_048_575; // a sheet's rows below the header

const HELP = `Usage: sales-metrics sample --out FILE.xlsx [options]

Writes a realistic, reproducible sales workbook: Orders (order id, date, customer, product,
category, region, rep, channel, segment, quantity, amount, cost; refunds and seasonality
included), Pipeline (opportunities), Spend (monthly marketing spend per channel) and Targets
(revenue per region, yearly and quarterly). The same seed gives the same workbook.

Options:
  --out FILE.xlsx           where to write (required)
  --rows N                  order rows (default 10000, at most ${MAX_ROWS.toLocaleString('en-US')})
  --seed S                  random seed (default 1)
  --start-year YYYY         first year of data (default 2023)
  --years N                 years of data (default 3)
  -q, --quiet               no progress on stderr

Example:
  sales-metrics sample --rows 100000 --seed 7 --out sample.xlsx`;

const DATE = 'yyyy-mm-dd';
const MONEY = '#,##0.00';

async function run(args: ParsedArgs, io: CliIO): Promise<void> {
  if (args.positionals.length > 0)
    throw usageError(`sample takes no input file (got ${args.positionals.join(' ')}); use --out FILE`);
  const out = stringFlag(args, 'out');
  if (!out) throw usageError('sample needs --out FILE.xlsx');
  if (!/\.xlsx$/i.test(out)) throw usageError(`--out must name an .xlsx file, got "${out}"`);
  const rows = integerFlag(args, 'rows', 1, MAX_ROWS) ?? 10_000;
  const seed = integerFlag(args, 'seed', 0, 2 ** 31 - 1) ?? 1;
  const startYear = integerFlag(args, 'start-year', 1950, 2150) ?? 2023;
  const years = integerFlag(args, 'years', 1, 20) ?? 3;
  const progress = progressOn(io, booleanFlag(args, 'quiet'));

  progress.stage(`generating ${rows.toLocaleString('en-US')} orders (seed ${seed})`);
  const orders = generateOrders({ rows, seed, startYear, years });
  // About one opportunity per ten orders, enough for every rep to have a pipeline.
  const pipeline = generatePipeline({
    rows: Math.min(MAX_ROWS, Math.max(200, Math.round(rows / 10))),
    seed,
    startYear,
    years,
  });
  const spend = generateSpend({ seed, startYear, years, scale: Math.max(0.01, rows / 100_000) });
  const targets = generateTargets({ seed, startYear, years, orders });
  const path = resolve(io.cwd, out);
  progress.stage(`writing ${path}`);
  await prepareOutput(path);
  try {
    await writeDataWorkbook(
      path,
      [
        { name: 'Orders', rows: orders, formats: { 'Order Date': DATE, Amount: MONEY, Cost: MONEY } },
        {
          name: 'Pipeline',
          rows: pipeline,
          formats: { Created: DATE, Closed: DATE, 'Expected Close': DATE, Value: MONEY },
        },
        { name: 'Spend', rows: spend, formats: { Month: 'yyyy-mm', Spend: MONEY } },
        { name: 'Targets', rows: targets, formats: { Target: MONEY } },
      ],
      { onProgress: (n) => progress.rows(out, n, 'written') },
    );
  } catch (error) {
    throw new CliError(`cannot write ${path}: ${(error as Error)?.message ?? error}`);
  }
  io.stdout(
    `wrote ${path}: Orders ${(orders.length - 1).toLocaleString('en-US')} rows, Pipeline ${(pipeline.length - 1).toLocaleString('en-US')}, ` +
      `Spend ${(spend.length - 1).toLocaleString('en-US')}, Targets ${(targets.length - 1).toLocaleString('en-US')}\n`,
  );
}

export const sampleCommand: Command = {
  name: 'sample',
  summary: 'write a reproducible sample sales workbook (Orders, Pipeline, Spend, Targets)',
  help: HELP,
  options: {
    out: { type: 'string' },
    rows: { type: 'string' },
    seed: { type: 'string' },
    'start-year': { type: 'string' },
    years: { type: 'string' },
  },
  run,
};
