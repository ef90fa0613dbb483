/**
 * `sales-metrics rfm`: RFM scores and segments, with the at-risk and loyalty-candidate lists.
 */
import type { AtRiskCustomer } from '../../core/analyses/customer-lists';
import { loyaltyCandidates, silentCustomers } from '../../core/analyses/customer-lists';
import type { RfmCustomer, RfmResult } from '../../core/analyses/rfm';
import { rfm } from '../../core/analyses/rfm';
import { isMetricError } from '../../core/errors';
import { formatDay } from '../../core/periods';
import type { ParsedArgs } from '../args';
import { booleanFlag, givenAsOf, integerFlag, numberFlag } from '../args';
import { ordersAsOf } from '../as-of';
import type { Command } from '../command';
import { CliError } from '../errors';
import { formatNumber, formatTable, jsonValue, toJson } from '../format';
import { INPUT_HELP, INPUT_OPTIONS, ordersLoadOptions, ordersPath } from '../inputs';
import type { CliIO } from '../io';
import { progressOn } from '../io';
import { loadTable } from '../load';
import { SQL_ROUTE_HELP, SQL_ROUTE_OPTIONS, sqlRouteWanted } from '../sql-route';
import { runRfmSql } from './rfm-sql';

const HELP = `Usage: sales-metrics rfm ORDERS_FILE [options]
       sales-metrics rfm big.parquet --engine duckdb [options]
       sales-metrics rfm --db postgres://user@host:5432/db --table orders [options]

Recency (days since the last order), frequency (orders) and monetary (net revenue) per customer,
quintile scores 1-5 (ties share the score of their first rank), the named segments (Champions,
Loyal, Potential Loyalist, New, Promising, Need Attention, About to Sleep, At Risk, Can't Lose,
Hibernating, Lost), customers at risk (silent for more than --risk-factor times their usual gap
between orders), customers lost (silent for more than --lost-factor usual gaps or more than
--lost-after days, whichever comes first) and loyalty-programme candidates (Champions and Loyal,
biggest spenders first).

Options:
  --as-of YYYY-MM-DD        the day recency is measured at (default: the latest date in the data);
                            orders after it are not counted
  --risk-factor X           at risk after X usual gaps without an order (default 2)
  --lost-factor X           lost after X usual gaps without an order (default 3)
  --lost-after DAYS         lost after this many days without an order, whatever the gap (default 365)
  --top N                   rows of each customer list in the text output (default 10)
  --json                    print {asOf, segments, rules, customers, atRisk, lost, loyaltyCandidates,
                            refundOnlyCustomers, asOfSource, dataRange, afterAsOf}
  -q, --quiet               no progress on stderr
${INPUT_HELP}
${SQL_ROUTE_HELP}
                            rfm then scores the customers and finds the silent ones in the
                            database, with the same output

Examples:
  sales-metrics rfm sales.csv --as-of 2026-11-28 --json
  sales-metrics rfm --db postgres://analyst@db.local:5432/sales --table orders --top 20`;

export function rfmJson(
  result: RfmResult,
  atRisk: readonly AtRiskCustomer[],
  loyalty: readonly RfmCustomer[],
  lost: readonly AtRiskCustomer[] = [],
): unknown {
  return {
    asOf: formatDay(result.asOf),
    segments: result.segments.map((s) => ({ ...s, revenueShare: jsonValue(s.revenueShare) })),
    rules: result.rules.map((rule) => ({ segment: rule.segment, r: rule.r, fm: rule.fm })),
    customers: result.customers,
    atRisk,
    lost,
    loyaltyCandidates: loyalty,
    refundOnlyCustomers: result.refundOnlyCustomers,
  };
}

function silentTable(list: readonly AtRiskCustomer[], top: number): string {
  return formatTable(
    ['customer', 'last order', 'days silent', 'usual gap', 'revenue'],
    list
      .slice(0, top)
      .map((c) => [
        c.id,
        c.lastOrder,
        String(c.daysSinceLastOrder),
        formatNumber(c.usualGapDays),
        formatNumber(c.revenue, 'currency'),
      ]),
  );
}

function rfmText(
  result: RfmResult,
  atRisk: readonly AtRiskCustomer[],
  loyalty: readonly RfmCustomer[],
  top: number,
  lost: readonly AtRiskCustomer[] = [],
  preface: readonly string[] = [],
): string {
  const out: string[] = [
    ...preface,
    `RFM segments at ${formatDay(result.asOf)} (${result.customers.length.toLocaleString('en-US')} customers)`,
  ];
  out.push(
    formatTable(
      ['segment', 'customers', 'revenue', 'revenue share'],
      result.segments.map((s) => [
        s.segment,
        s.customers.toLocaleString('en-US'),
        formatNumber(s.revenue, 'currency'),
        isMetricError(s.revenueShare) ? s.revenueShare.error : formatNumber(s.revenueShare, 'ratio'),
      ]),
    ),
  );
  out.push(
    `At risk: ${atRisk.length.toLocaleString('en-US')} customers${atRisk.length > top ? ` (top ${top} by revenue)` : ''}`,
  );
  out.push(silentTable(atRisk, top));
  out.push(
    `Lost: ${lost.length.toLocaleString('en-US')} customers${lost.length > top ? ` (top ${top} by revenue)` : ''}`,
  );
  out.push(silentTable(lost, top));
  out.push(
    `Loyalty candidates: ${loyalty.length.toLocaleString('en-US')} customers${loyalty.length > top ? ` (top ${top} by revenue)` : ''}`,
  );
  out.push(
    formatTable(
      ['customer', 'segment', 'R', 'F', 'M', 'orders', 'revenue'],
      loyalty
        .slice(0, top)
        .map((c) => [
          c.id,
          c.segment,
          String(c.r),
          String(c.f),
          String(c.m),
          String(c.frequency),
          formatNumber(c.monetary, 'currency'),
        ]),
      ['left', 'left'],
    ),
  );
  if (result.refundOnlyCustomers > 0)
    out.push(`${result.refundOnlyCustomers} customers with only refunds are not scored.\n`);
  return out.join('\n');
}

async function run(args: ParsedArgs, io: CliIO): Promise<void> {
  const sql = sqlRouteWanted(args);
  const path = sql ? undefined : ordersPath(args, 'rfm')!;
  givenAsOf(args); // a bad --as-of stops before the file is read
  const factor = numberFlag(args, 'risk-factor', 0.01, 1000) ?? 2;
  const lostFactor = numberFlag(args, 'lost-factor', 0.01, 1000) ?? Math.max(3, factor);
  const lostAfterDays = numberFlag(args, 'lost-after', 1, 100_000) ?? 365;
  const top = integerFlag(args, 'top', 1, 1_000_000) ?? 10;
  if (sql || path === undefined)
    return runRfmSql(args, io, {
      thresholds: { factor, lostFactor, lostAfterDays },
      text: (lists, preface) => rfmText(lists.result, lists.atRisk, lists.loyalty, top, lists.lost, preface),
      json: (lists) => rfmJson(lists.result, lists.atRisk, lists.loyalty, lists.lost),
    });
  const progress = progressOn(io, booleanFlag(args, 'quiet'));
  const orders = await loadTable('orders', path, ordersLoadOptions(args), io, progress);
  if (!orders.table.customer)
    throw new CliError('rfm needs a customer column (use --map customer=Header or --columns)');
  const asOfOf = ordersAsOf(args, io, `orders ${path}`, orders);
  const asOf = asOfOf.day;
  progress.stage('scoring customers');
  const result = rfm(orders.table, { asOf });
  if (isMetricError(result)) throw new CliError(`cannot score customers: ${result.reason} (${result.error})`);
  if (lostFactor < factor)
    throw new CliError(`--lost-factor (${lostFactor}) must be at least --risk-factor (${factor})`, 2);
  const silent = silentCustomers(orders.table, { asOf, factor, lostFactor, lostAfterDays });
  const loyalty = loyaltyCandidates(orders.table, { asOf });
  const risk = isMetricError(silent) ? [] : silent.atRisk;
  const lost = isMetricError(silent) ? [] : silent.lost;
  const loyal = isMetricError(loyalty) ? [] : loyalty;
  io.stdout(
    booleanFlag(args, 'json')
      ? toJson({ ...(rfmJson(result, risk, loyal, lost) as object), ...asOfOf.json })
      : rfmText(result, risk, loyal, top, lost, asOfOf.lines),
  );
}

export const rfmCommand: Command = {
  name: 'rfm',
  summary: 'RFM scores, segments, at-risk customers and loyalty candidates',
  help: HELP,
  options: {
    ...INPUT_OPTIONS,
    ...SQL_ROUTE_OPTIONS,
    orders: { type: 'string' },
    'as-of': { type: 'string' },
    'risk-factor': { type: 'string' },
    'lost-factor': { type: 'string' },
    'lost-after': { type: 'string' },
    top: { type: 'string' },
    json: { type: 'boolean' },
  },
  run,
};
