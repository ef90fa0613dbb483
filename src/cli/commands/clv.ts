/**
 * `sales-metrics clv`: predictive customer lifetime value (BG/NBD + Gamma-Gamma) per customer.
 */
import type { CustomerValue, PredictiveClvReport } from '../../core/analyses/predictive-clv';
import { predictiveClvReport } from '../../core/analyses/predictive-clv';
import { isMetricError } from '../../core/errors';
import { formatDay } from '../../core/periods';
import type { ParsedArgs } from '../args';
import { booleanFlag, choiceFlag, dayFlag, integerFlag, numberFlag } from '../args';
import type { Command } from '../command';
import { CliError } from '../errors';
import { formatNumber, formatTable, formatValue, jsonValue, toJson } from '../format';
import { INPUT_HELP, INPUT_OPTIONS, ordersLoadOptions, ordersPath } from '../inputs';
import type { CliIO } from '../io';
import { progressOn } from '../io';
import { loadTable } from '../load';
import { ordersAsOf } from '../as-of';

const HELP = `Usage: sales-metrics clv ORDERS_FILE [options]

Predictive customer lifetime value: a BG/NBD model of repeat purchases and a Gamma-Gamma model of
spend per purchase, fitted by maximum likelihood on the orders up to the calibration end.
Needs customer, date and amount columns. Several orders of a customer on one day are one purchase.

Options:
  --calibration-end DATE    last day of the fitting period, YYYY-MM-DD (default: the latest date in
                            the data); later orders are not used for the fit
  --time-unit day|week|month  time unit of the model (default week)
  --horizon N               months ahead for expected purchases and CLV (default 12)
  --discount-rate R         annual discount rate, e.g. 0.1 (default 0.1)
  --top N                   customers listed in the text output, by CLV (default 20; JSON lists all)
  --json                    print {bgnbd, gammaGamma, customers, asOf, asOfSource, dataRange,
                            afterAsOf} as JSON (asOf: the calibration end)
  -q, --quiet               no progress on stderr
${INPUT_HELP}

Example:
  sales-metrics clv cdnow_sample.txt --columns customer,-,date,quantity,amount --calibration-end 1997-09-30`;

/** The JSON document of issue 4: parameters and one row per customer. */
export function clvJson(report: PredictiveClvReport): unknown {
  return {
    bgnbd: report.bgnbd,
    gammaGamma: report.gammaGamma,
    customers: report.customers.map((c) => ({
      id: c.id,
      frequency: c.frequency,
      recency: c.recency,
      T: c.T,
      monetary: c.monetary,
      pAlive: c.pAlive,
      expectedPurchases: c.expectedPurchases,
      expectedSpend: jsonValue(c.expectedSpend),
      clv: jsonValue(c.clv),
    })),
  };
}

function clvSortKey(c: CustomerValue): number {
  return isMetricError(c.clv) ? -Infinity : c.clv;
}

function clvText(report: PredictiveClvReport, top: number, header: string): string {
  const { bgnbd, gammaGamma } = report;
  const p = (x: number) => x.toFixed(3);
  const lines = [
    header,
    `BG/NBD        r=${p(bgnbd.r)} alpha=${p(bgnbd.alpha)} a=${p(bgnbd.a)} b=${p(bgnbd.b)} log-likelihood=${bgnbd.logLikelihood.toFixed(2)}`,
    gammaGamma
      ? `Gamma-Gamma   p=${p(gammaGamma.p)} q=${p(gammaGamma.q)} v=${p(gammaGamma.v)} log-likelihood=${gammaGamma.logLikelihood.toFixed(2)}`
      : 'Gamma-Gamma   not fitted (too few repeat buyers with positive spend); CLV is #N/A',
    `Customers     ${report.customers.length.toLocaleString('en-US')}`,
    '',
  ];
  const ranked = [...report.customers]
    .sort((x, y) => clvSortKey(y) - clvSortKey(x) || (x.id < y.id ? -1 : 1))
    .slice(0, top);
  const rows = ranked.map((c) => [
    c.id,
    String(c.frequency),
    formatNumber(c.recency),
    formatNumber(c.T),
    formatNumber(c.monetary),
    formatNumber(c.pAlive, 'ratio'),
    formatNumber(c.expectedPurchases),
    formatValue(c.expectedSpend),
    formatValue(c.clv),
  ]);
  const title = ranked.length < report.customers.length ? `Top ${ranked.length} customers by CLV\n` : '';
  return (
    lines.join('\n') +
    '\n' +
    title +
    formatTable(
      ['customer', 'repeat', 'recency', 'T', 'avg spend', 'P(alive)', 'exp. purchases', 'exp. spend', 'CLV'],
      rows,
    )
  );
}

async function run(args: ParsedArgs, io: CliIO): Promise<void> {
  const path = ordersPath(args, 'clv')!;
  dayFlag(args, 'calibration-end'); // a bad date stops before the file is read
  const timeUnit = choiceFlag(args, 'time-unit', ['day', 'week', 'month'] as const) ?? 'week';
  const horizon = integerFlag(args, 'horizon', 0, 1200) ?? 12;
  const discountRate = numberFlag(args, 'discount-rate', 0, 10) ?? 0.1;
  const top = integerFlag(args, 'top', 1, 1_000_000) ?? 20;
  const progress = progressOn(io, booleanFlag(args, 'quiet'));
  const orders = await loadTable('orders', path, ordersLoadOptions(args), io, progress);
  if (!orders.table.customer)
    throw new CliError('clv needs a customer column (use --map customer=Header or --columns)');
  const asOfOf = ordersAsOf(args, io, `orders ${path}`, orders, 'calibration-end');
  progress.stage('fitting BG/NBD and Gamma-Gamma');
  const report = predictiveClvReport(orders.table, {
    calibrationEnd: asOfOf.day,
    timeUnit,
    horizon,
    discountRate,
  });
  if (isMetricError(report))
    throw new CliError(`cannot fit the CLV models: ${report.reason} (${report.error})`);
  if (booleanFlag(args, 'json')) {
    io.stdout(toJson({ ...(clvJson(report) as object), ...asOfOf.json }));
    return;
  }
  const source = asOfOf.choice.source === 'given' ? 'given' : 'the latest date in the data';
  io.stdout(
    `${asOfOf.lines[0]}\n` +
      clvText(
        report,
        top,
        `Predictive CLV: calibration to ${formatDay(asOfOf.day)} (${source}), time in ${timeUnit}s, ${horizon}-month horizon, ${discountRate * 100}% annual discount`,
      ),
  );
}

export const clvCommand: Command = {
  name: 'clv',
  summary: 'predictive customer lifetime value (BG/NBD + Gamma-Gamma)',
  help: HELP,
  options: {
    ...INPUT_OPTIONS,
    orders: { type: 'string' },
    'calibration-end': { type: 'string' },
    'time-unit': { type: 'string' },
    horizon: { type: 'string' },
    'discount-rate': { type: 'string' },
    top: { type: 'string' },
    json: { type: 'boolean' },
  },
  run,
};
