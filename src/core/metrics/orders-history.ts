/**
 * Orders metrics that look back over customers' histories rather than one window:
 * customers ever to date (active ratio) and historic CLV (the gaps between orders are in
 * `order-gaps.ts`).
 */
import { daysFromCivil, civilFromDays } from '../periods';
import type { MetricValue } from '../errors';
import { metricError } from '../errors';
import { grossMargin, historicClv, lifespanYears } from '../formulas';
import { countBelow, NO_DAY } from './orders-prep';
import type { CustomerHistory, OrdersPrep } from './orders-prep';

/** Customers with a first order before each `end` (ends ascending or not). */
export function customersEverBefore(history: CustomerHistory, ends: readonly number[]): number[] {
  return ends.map((end) => countBelow(history.sortedFirstDays, end));
}

/** The same calendar date a year earlier (29 Feb → 28 Feb). */
export function yearBefore(day: number): number {
  const { year, month, day: dom } = civilFromDays(day);
  return month === 2 && dom === 29 ? daysFromCivil(year - 1, 2, 28) : daysFromCivil(year - 1, month, dom);
}

/**
 * Historic CLV for the 12 months ending at `end` (exclusive, already capped at the as-of date).
 *
 * Choices: AOV × purchases per customer per year = revenue / active customers over the trailing
 * year; margin = gross margin over that year on rows with a cost (1 without a cost column); yearly
 * churn is customer-level: the share of the previous 12 months' customers with no order in the
 * trailing 12 months; lifespan = 1 / churn capped at `capYears`. `#N/A` when nobody bought in the
 * previous 12 months (churn cannot be measured).
 */
export function trailingYearClv(
  prep: OrdersPrep,
  history: CustomerHistory,
  end: number,
  capYears: number,
): MetricValue {
  return trailingYearClvSeries(prep, history, [end], capYears)[0];
}

/**
 * `trailingYearClv` for many window ends at once: one sweep over each customer's sorted order
 * days with three monotone pointers (window starts and ends only move forward as the ends do).
 */
export function trailingYearClvSeries(
  prep: OrdersPrep,
  history: CustomerHistory,
  ends: readonly number[],
  capYears: number,
): MetricValue[] {
  const order = Array.from({ length: ends.length }, (_, k) => k).sort((a, b) => ends[a] - ends[b]);
  const k = ends.length;
  const end = Float64Array.from(order, (j) => ends[j]);
  const start = end.map(yearBefore);
  const previousStart = start.map(yearBefore);
  const active = new Float64Array(k);
  const previous = new Float64Array(k);
  const retained = new Float64Array(k);
  const { offsets, days } = history;
  for (let c = 0; c + 1 < offsets.length; c++) {
    const from = offsets[c];
    const to = offsets[c + 1];
    if (to === from) continue;
    let a = from; // first day ≥ previousStart
    let b = from; // first day ≥ start
    let e = from; // first day ≥ end
    // Windows ending on or before the first order see none of this customer's days: skip them.
    // Starts never pass ends (start ≤ end), so once every day is before previousStart (a = to),
    // no later window (ends ascending) sees the customer either.
    const first = days[from];
    let j = 0;
    while (j < k && end[j] <= first) j++;
    for (; j < k; j++) {
      while (a < to && days[a] < previousStart[j]) a++;
      if (a === to) break;
      while (b < to && days[b] < start[j]) b++;
      while (e < to && days[e] < end[j]) e++;
      const inPrevious = b > a;
      const inCurrent = e > b;
      if (inPrevious) previous[j]++;
      if (inCurrent) active[j]++;
      if (inPrevious && inCurrent) retained[j]++;
    }
  }
  const out = new Array<MetricValue>(k);
  for (let j = 0; j < k; j++) {
    const { revenue, revenueWithCost, cost } = sumRange(prep, start[j], end[j]);
    out[order[j]] = clvFrom(
      prep,
      revenue,
      revenueWithCost,
      cost,
      active[j],
      previous[j],
      retained[j],
      end[j],
      start[j],
      capYears,
    );
  }
  return out;
}

function clvFrom(
  prep: OrdersPrep,
  revenue: number,
  revenueWithCost: number,
  cost: number,
  active: number,
  previous: number,
  retained: number,
  end: number,
  start: number,
  capYears: number,
): MetricValue {
  if (active === 0) return metricError('#DIV/0!', `no customers in the 12 months before ${dayKey(end)}`);
  if (previous === 0)
    return metricError(
      '#N/A',
      `needs orders in the 12 months before ${dayKey(start)} to measure yearly churn`,
    );
  const margin = prep.table.cost ? grossMargin(revenueWithCost, cost) : 1;
  if (typeof margin !== 'number') return margin;
  const lifespan = lifespanYears(1 - retained / previous, capYears);
  if (typeof lifespan !== 'number') return lifespan;
  return historicClv(revenue / active, 1, lifespan, margin);
}

function dayKey(day: number): string {
  const { year, month, day: d } = civilFromDays(day);
  return `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const DAILY = new WeakMap<
  OrdersPrep,
  { revenue: Float64Array; revenueWithCost: Float64Array; cost: Float64Array }
>();

/** Revenue (and revenue/cost of rows with a cost) over [start, end), from cached daily prefix sums. */
function sumRange(
  prep: OrdersPrep,
  start: number,
  end: number,
): { revenue: number; revenueWithCost: number; cost: number } {
  let prefix = DAILY.get(prep);
  const span = Number.isFinite(prep.minDay) ? prep.maxDay - prep.minDay + 1 : 0;
  if (!prefix) {
    const revenue = new Float64Array(span + 1);
    const revenueWithCost = new Float64Array(span + 1);
    const cost = new Float64Array(span + 1);
    const { amount } = prep.table;
    const costs = prep.table.cost;
    const unusable = NO_DAY; // a local: module bindings are property reads in some module formats
    const dayOf = prep.day;
    const shift = 1 - prep.minDay;
    if (costs) {
      for (let i = 0; i < dayOf.length; i++) {
        const d = dayOf[i];
        if (d === unusable) continue;
        const s = d + shift;
        const a = amount[i];
        revenue[s] += a;
        const c = costs[i];
        if (c === c) {
          revenueWithCost[s] += a;
          cost[s] += c;
        }
      }
    } else {
      for (let i = 0; i < dayOf.length; i++) {
        const d = dayOf[i];
        if (d !== unusable) revenue[d + shift] += amount[i];
      }
    }
    for (let s = 0; s < span; s++) {
      revenue[s + 1] += revenue[s];
      revenueWithCost[s + 1] += revenueWithCost[s];
      cost[s + 1] += cost[s];
    }
    prefix = { revenue, revenueWithCost, cost };
    DAILY.set(prep, prefix);
  }
  const at = (day: number) => Math.max(0, Math.min(span, day - prep.minDay));
  const a = at(start);
  const b = at(end);
  return {
    revenue: prefix.revenue[b] - prefix.revenue[a],
    revenueWithCost: prefix.revenueWithCost[b] - prefix.revenueWithCost[a],
    cost: prefix.cost[b] - prefix.cost[a],
  };
}
