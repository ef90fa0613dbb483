/**
 * One statement computing the orders and marketing metrics of every window of every run, per
 * group (a breakdown key, or '' for the whole business). Each metric is a column holding its value
 * (NULL when it cannot be computed) and a column `<id>__why` holding why not (see `results.ts`).
 */
import type { MarketingMetricId, OrderMetricId } from '../core/metrics';
import type { Calendar } from '../core/periods';
import type { Dialect } from './dialect';
import { historyCtes } from './history';
import type { GroupBy } from './orders-rows';
import { EMPTY_GROUP, ordersRowCtes, stagedRowCtes } from './orders-rows';
import type { OrdersSource, SpendSource } from './source';
import { spendCtes } from './spend';
import { adjacentWindows, stagedGroupCtes, stagedHistoryCtes, stagedWindowCtes } from './staged-query';
import type { StagedOrders } from './staging';
import type { PlannedWindow } from './windows';
import { endsTable, historyEnds, longestWindow, windowsTable } from './windows';

export interface OrdersQuery {
  readonly dialect: Dialect;
  readonly orders: OrdersSource;
  readonly spend?: SpendSource;
  readonly asOf: number;
  readonly calendar: Calendar;
  readonly ids: readonly (OrderMetricId | MarketingMetricId)[];
  readonly windows: readonly PlannedWindow[];
  /** A breakdown: orders grouped by their key, spend by the same key (folded to lower case). */
  readonly group?: { readonly orders: GroupBy; readonly spend?: GroupBy };
  readonly lifespanCapYears?: number;
  /** Period keys of the spend table's `period` column, read into spans [start, end). */
  readonly spendPeriods?: ReadonlyMap<string, readonly [number, number]>;
  /** The orders' staged tables to read instead of the source (see `staging.ts`). */
  readonly staged?: StagedOrders;
}

const HISTORY: ReadonlySet<string> = new Set(['active_ratio', 'days_between_orders', 'clv']);

/** The metric columns `results.ts` reads: value and why-not per metric. */
export function metricColumns(id: string): { value: string; why: string } {
  return { value: id, why: `${id}__why` };
}

/** CTEs read by several others, computed once where the dialect can be told so. */
const SHARED_CTES = ['b', 'bc', 'ow', 'cw', 'hd', 'hf', 'hg', 'hv', 'hdb', 'aw', 'daily', 'sp', 'spk', 'sps'];

export function materialized(d: Dialect, ctes: readonly string[]): string[] {
  if (!d.materialize) return [...ctes];
  return ctes.map((cte) => {
    const name = /^(\w+) AS \(/.exec(cte)?.[1];
    return name && SHARED_CTES.includes(name) ? cte.replace(/^(\w+) AS \(/, '$1 AS MATERIALIZED (') : cte;
  });
}

/** The days any window reads: [first start, last to-date end). */
function spanOf(windows: readonly PlannedWindow[]): readonly [number, number] | undefined {
  if (windows.length === 0) return undefined;
  return [
    Math.min(...windows.map((x) => x.start)),
    Math.max(...windows.map((x) => Math.max(x.start, x.toDate))),
  ];
}

export function ordersQuerySql(q: OrdersQuery): string {
  const d = q.dialect;
  const ids = new Set<string>(q.ids);
  const wants = (...list: string[]) => list.some((id) => ids.has(id));
  const marketing = wants('cac', 'marketing_roi', 'ltv_cac', 'cac_payback_months') && q.spend !== undefined;
  const customer = q.orders.columns.customer !== undefined;
  const needs = {
    everBefore: customer && wants('active_ratio'),
    daysBetween: customer && wants('days_between_orders'),
    clv: customer && (wants('clv') || (marketing && wants('ltv_cac'))),
  };
  // Retention and churn compare each window's customers with the window before: a window function.
  const retention = customer && wants('retention_rate', 'churn_rate');
  const hasCost = q.orders.columns.cost !== undefined || q.orders.columns.profit !== undefined;
  const hasOrderId = q.orders.columns.order_id !== undefined;
  const cap = q.lifespanCapYears ?? 10;
  const ends = historyEnds(q.windows);
  const double = (x: string) => `CAST(${x} AS ${d.double})`;
  // Without history metrics only the rows of the windows are added up (lifecycles still read all).
  const historyNeeded = needs.everBefore || needs.daysBetween || needs.clv;
  // The whole business over staged orders adds up the staged days instead of the rows.
  const totals = q.staged && !q.group && adjacentWindows(q.windows) ? q.staged.totals : undefined;
  const win = `win AS (SELECT * FROM ${windowsTable(d, q.windows)})`;
  const dw = `dw AS (\n  SELECT win.s, win.w, win.ws, win.wt, win.ws + k.k AS day\n  FROM win CROSS JOIN ${d.series('k', longestWindow(q.windows))}\n  WHERE k.k < win.wt - win.ws\n)`;
  // A breakdown over staged orders without history metrics or retention reads the lines themselves.
  const lines = q.staged && q.group && !historyNeeded && !retention ? q.staged : undefined;
  // The window before each run is read only for retention and churn: without them the lines of
  // the windows after it are enough.
  const before = wants('retention_rate', 'churn_rate');
  const span = spanOf(lines && !before ? q.windows.filter((x) => x.w > 0) : q.windows);
  const ctes: string[] = totals
    ? [win, dw, ...stagedWindowCtes(d, totals, retention)]
    : lines && span
      ? [
          win,
          ...stagedRowCtes(d, lines, q.group?.orders),
          dw,
          ...stagedGroupCtes(d, hasOrderId, span, EMPTY_GROUP, {
            firstTimers: wants('returning_customers'),
            repeatCustomers: wants('repeat_rate'),
            windowBefore: before,
          }),
        ]
      : [
          win,
          ...ordersRowCtes(
            d,
            q.orders,
            q.asOf,
            q.group?.orders,
            customer && wants('repeat_rate'),
            historyNeeded ? undefined : spanOf(q.windows),
            q.staged,
          ),
          dw,
          `bw AS (SELECT dw.s, dw.w, b.* FROM b JOIN dw ON b.day = dw.day WHERE b.g IS NOT NULL)`,
          `agg AS (\n  SELECT g, s, w, SUM(n) AS nrows, SUM(revenue) AS revenue, SUM(units) AS units,\n` +
            `    SUM(rwc) AS revenue_with_cost, SUM(cost) AS cost,\n` +
            (hasOrderId
              ? `    COUNT(DISTINCT CASE WHEN pos > 0 THEN okey END) AS orders,\n    COUNT(DISTINCT CASE WHEN pos > 0 AND cust IS NOT NULL THEN okey END) AS orders_with_customer,\n`
              : `    SUM(pos) AS orders,\n    SUM(CASE WHEN cust IS NOT NULL THEN pos ELSE 0 END) AS orders_with_customer,\n`) +
            `    SUM(CASE WHEN cust IS NOT NULL THEN revenue END) AS revenue_with_customer\n` +
            `  FROM bw GROUP BY g, s, w\n)`,
          `aw AS (\n  SELECT bc.g, dw.s, dw.w, bc.cid, SUM(bc.is_first) AS nf,\n` +
            `    CASE WHEN MIN(bc.first_day) >= MIN(dw.ws) THEN 1 ELSE 0 END AS ft, CASE WHEN MIN(bc.second_day) < MIN(dw.wt) THEN 1 ELSE 0 END AS rp\n` +
            `  FROM bc JOIN dw ON bc.day = dw.day GROUP BY bc.g, dw.s, dw.w, bc.cid\n)`,
          ...(retention
            ? [
                `rt AS (\n  SELECT a.g, a.s, a.w, COUNT(*) AS retained\n  FROM aw a JOIN aw p ON p.g = a.g AND p.s = a.s AND p.cid = a.cid AND p.w = a.w - 1\n  GROUP BY a.g, a.s, a.w\n)`,
              ]
            : []),
          `cw AS (\n  SELECT g, s, w, COUNT(*) AS customers, SUM(nf) AS new_customers, SUM(ft) AS first_timers, SUM(rp) AS repeat_customers\n  FROM aw GROUP BY g, s, w\n)`,
          q.group
            ? `gs AS (SELECT DISTINCT g FROM bw UNION ALL SELECT ${d.str(EMPTY_GROUP)} AS g)`
            : `gs AS (SELECT CAST('' AS ${d.text}) AS g)`,
        ];
  if (historyNeeded) ctes.push(`ends AS (SELECT * FROM ${endsTable(d, ends)})`);
  const endDays = ends.map((x) => x.e);
  ctes.push(
    ...(totals
      ? stagedHistoryCtes(d, totals, needs, endDays)
      : historyCtes(
          d,
          needs,
          hasOrderId,
          endDays,
          // The whole business's order days are staged; a breakdown's are its keys' own.
          q.staged && !q.group
            ? {
                table: q.staged.days,
                g: `CAST('' AS ${d.text})`,
                inline: d.materialize ? 'AS NOT MATERIALIZED' : 'AS',
              }
            : undefined,
        )),
  );
  if (marketing)
    ctes.push(...spendCtes(d, q.spend!, q.asOf, q.calendar, q.spendPeriods ?? new Map(), q.group?.spend));

  // m: every aggregate of a (group, run, window), zeros where nothing happened.
  const z = (x: string) => `COALESCE(${x}, 0)`;
  const mColumns = [
    'gs.g, win.s, win.w, win.ws, win.we, win.wt',
    `${z('agg.nrows')} AS nrows`,
    `${z('agg.revenue')} AS revenue`,
    `${z('agg.units')} AS units`,
    `${z('agg.revenue_with_cost')} AS revenue_with_cost`,
    `${z('agg.cost')} AS cost`,
    `${z('agg.orders')} AS orders`,
    `${z('agg.orders_with_customer')} AS orders_with_customer`,
    `${z('agg.revenue_with_customer')} AS revenue_with_customer`,
    `${z('cw.new_customers')} AS new_customers`,
    `${z('cw.customers')} AS customers`,
    `${z('cw.first_timers')} AS first_timers`,
    `${z('cw.repeat_customers')} AS repeat_customers`,
    retention ? `${z('rt.retained')} AS retained` : '0 AS retained',
    `${z('cwp.customers')} AS prev_customers`,
  ];
  const joins = [
    `FROM gs CROSS JOIN win`,
    `LEFT JOIN agg ON agg.g = gs.g AND agg.s = win.s AND agg.w = win.w`,
    `LEFT JOIN cw ON cw.g = gs.g AND cw.s = win.s AND cw.w = win.w`,
    `LEFT JOIN cw cwp ON cwp.g = gs.g AND cwp.s = win.s AND cwp.w = win.w - 1`,
  ];
  if (retention) joins.push(`LEFT JOIN rt ON rt.g = gs.g AND rt.s = win.s AND rt.w = win.w`);
  if (needs.everBefore) {
    mColumns.push(`${z('ev.ever')} AS ever`);
    joins.push(`LEFT JOIN ev ON ev.g = gs.g AND ev.e = win.wt`);
  }
  if (needs.daysBetween) {
    mColumns.push(`dbo.dbo AS dbo`);
    joins.push(`LEFT JOIN dbo ON dbo.g = gs.g AND dbo.e = win.wt`);
  }
  if (needs.clv) {
    mColumns.push(
      `${z('clvp.active')} AS clv_active`,
      `${z('clvp.previous')} AS clv_previous`,
      `${z('clvp.active')} + ${z('clvp.previous')} - ${z('clvp.uni')} AS clv_retained`,
      `${z('yr.revenue')} AS clv_revenue`,
      `${z('yr.rwc')} AS clv_rwc`,
      `${z('yr.cost')} AS clv_cost`,
    );
    joins.push(
      `LEFT JOIN clvp ON clvp.g = gs.g AND clvp.e = win.wt`,
      `LEFT JOIN yr ON yr.g = gs.g AND yr.e = win.wt`,
    );
  }
  if (marketing) {
    mColumns.push(`${z('sw.spend')} AS spend`);
    const key = q.group?.spend ? 'lower(gs.g)' : 'gs.g';
    joins.push(`LEFT JOIN sw ON sw.g = ${key} AND sw.s = win.s AND sw.w = win.w`);
  }
  ctes.push(`m AS (\n  SELECT ${mColumns.join(',\n    ')}\n  ${joins.join('\n  ')}\n  WHERE win.w > 0\n)`);

  // Scalar pieces shared by several metrics.
  const ratio = (num: string, den: string) =>
    `CASE WHEN ${den} = 0 THEN NULL ELSE ${double(num)} / (${den}) END`;
  const margin = hasCost
    ? `CASE WHEN revenue_with_cost = 0 THEN 1 ELSE ${double('revenue_with_cost - cost')} / revenue_with_cost END`
    : '1';
  const clvWhy = `CASE WHEN clv_active = 0 THEN 'clv:active' WHEN clv_previous = 0 THEN 'clv:previous'${hasCost ? ` WHEN clv_rwc = 0 THEN 'clv:margin'` : ''} END`;
  const churn = `(1 - ${double('clv_retained')} / clv_previous)`;
  const lifespan = `CASE WHEN ${churn} = 0 THEN ${cap} ELSE LEAST(1 / ${churn}, ${cap}) END`;
  const clvMargin = hasCost ? `${double('clv_rwc - clv_cost')} / clv_rwc` : '1';
  const clvValue = `CASE WHEN (${clvWhy}) IS NULL THEN ${double('clv_revenue')} / clv_active * 1 * ${clvMargin} * ${lifespan} END`;
  const cacWhy = `CASE WHEN new_customers = 0 THEN 'none:new customers' END`;
  const cacValue = ratio('spend', 'new_customers');
  const monthly = `(${double('revenue_with_customer')} / customers * (${double('365.2425')} / 12)) / (wt - ws)`;
  const metric: Record<string, [value: string, why: string]> = {
    revenue: ['revenue', 'NULL'],
    orders: ['orders', 'NULL'],
    aov: [ratio('revenue', 'orders'), `CASE WHEN orders = 0 THEN 'none:orders' END`],
    units: ['units', 'NULL'],
    avg_price: [ratio('revenue', 'units'), `CASE WHEN units = 0 THEN 'none:units sold' END`],
    customers: ['customers', 'NULL'],
    sales_per_customer: [
      ratio('revenue_with_customer', 'customers'),
      `CASE WHEN customers = 0 THEN 'none:customers' END`,
    ],
    new_customers: ['new_customers', 'NULL'],
    returning_customers: ['customers - first_timers', 'NULL'],
    purchase_frequency: [
      ratio('orders_with_customer', 'customers'),
      `CASE WHEN customers = 0 THEN 'none:customers' END`,
    ],
    repeat_rate: [
      ratio('repeat_customers', 'customers'),
      `CASE WHEN customers = 0 THEN 'none:customers' END`,
    ],
    retention_rate: [
      ratio('retained', 'prev_customers'),
      `CASE WHEN prev_customers = 0 THEN 'previous:customers' END`,
    ],
    churn_rate: [
      `1 - ${ratio('retained', 'prev_customers')}`,
      `CASE WHEN prev_customers = 0 THEN 'previous:customers' END`,
    ],
    active_ratio: [ratio('customers', 'ever'), `CASE WHEN ever = 0 THEN 'none:customers to date' END`],
    days_between_orders: ['dbo', `CASE WHEN dbo IS NULL THEN 'gaps' END`],
    gross_margin: [
      ratio('revenue_with_cost - cost', 'revenue_with_cost'),
      `CASE WHEN revenue_with_cost = 0 THEN 'none:revenue with a cost' END`,
    ],
    clv: [clvValue, clvWhy],
    cac: [cacValue, cacWhy],
    marketing_roi: [
      `CASE WHEN spend = 0 THEN NULL ELSE (revenue * ${margin} - spend) / ${double('spend')} END`,
      `CASE WHEN spend = 0 THEN 'none:marketing spend' END`,
    ],
    ltv_cac: [
      `CASE WHEN new_customers = 0 OR (${clvWhy}) IS NOT NULL OR spend = 0 THEN NULL ELSE (${clvValue}) / (${cacValue}) END`,
      `CASE WHEN new_customers = 0 THEN 'none:new customers' WHEN (${clvWhy}) IS NOT NULL THEN ${clvWhy} WHEN spend = 0 THEN 'cac:zero' END`,
    ],
    cac_payback_months: [
      `CASE WHEN new_customers = 0 OR customers = 0 OR ${monthly} * ${margin} = 0 THEN NULL ELSE (${cacValue}) / (${monthly} * ${margin}) END`,
      `CASE WHEN new_customers = 0 THEN 'none:new customers' WHEN customers = 0 THEN 'none:customers' WHEN ${monthly} * ${margin} = 0 THEN 'payback:zero' END`,
    ],
  };
  const computable = q.ids.filter(
    (id) =>
      (!HISTORY.has(id) || customer) &&
      metric[id] !== undefined &&
      (!['cac', 'marketing_roi', 'ltv_cac', 'cac_payback_months'].includes(id) || marketing),
  );
  const select = [
    'g, s, w',
    `${double('nrows')} AS nrows`,
    ...computable.flatMap((id) => {
      const [value, why] = metric[id];
      const cols = metricColumns(id);
      return [`${double(value)} AS ${d.ident(cols.value)}`, `${why} AS ${d.ident(cols.why)}`];
    }),
  ];
  return `WITH\n${materialized(d, ctes).join(',\n')}\nSELECT ${select.join(',\n  ')}\nFROM m\nORDER BY g, s, w`;
}
