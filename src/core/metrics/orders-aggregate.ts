/**
 * One pass over the rows of each bucket, accumulating everything the orders metrics of a window
 * need. Buckets are composite (`group × windowsPerGroup + window`) so breakdowns use the same
 * pass; window 0 of each group is the window before the first one (for retention).
 */
import { groupRows } from './buckets';
import type { OrdersPrep } from './orders-prep';

export interface OrderAggregates {
  readonly revenue: Float64Array;
  readonly units: Float64Array;
  /** Revenue of the rows that carry a cost, and their cost (gross margin uses these only). */
  readonly revenueWithCost: Float64Array;
  readonly cost: Float64Array;
  readonly orders: Float64Array;
  readonly customers: Float64Array;
  readonly newCustomers: Float64Array;
  /** Active customers with ≥ 2 orders to date. */
  readonly repeatCustomers: Float64Array;
  /** Active customers who were also active in the previous window of the same group. */
  readonly retained: Float64Array;
  /** Rows (lines) in the bucket, refunds included. */
  readonly rows: Float64Array;
}

/**
 * @param bucket composite bucket per row (−1 = skip), or per entry of `rowIds` when given
 * @param windowStarts, windowEnds start and to-date end of each window (index = bucket % windowsPerGroup)
 */
export function aggregateOrders(
  prep: OrdersPrep, bucket: Int32Array, bucketCount: number, windowsPerGroup: number,
  windowStarts: readonly number[], windowEnds: readonly number[], rowIds?: Int32Array,
): OrderAggregates {
  const { table, orderKey } = prep;
  const { amount, quantity, cost } = table;
  const customer = table.customer?.codes;
  const life = customer ? prep.lifecycle() : null;
  const firstDay = life?.firstDay;
  const secondDay = life?.secondDay;
  const make = () => new Float64Array(bucketCount);
  const agg: OrderAggregates = {
    revenue: make(), units: make(), revenueWithCost: make(), cost: make(), orders: make(), customers: make(),
    newCustomers: make(), repeatCustomers: make(), retained: make(), rows: make(),
  };
  const { rows, offsets } = groupRows(bucket, bucketCount, rowIds);
  const orderMark = orderKey ? new Int32Array(prep.orderKeyCount) : null;
  const customerMark = customer ? new Int32Array(prep.customerCount) : null;
  for (let b = 0; b < bucketCount; b++) {
    const stamp = b + 1;
    const w = b % windowsPerGroup;
    const start = windowStarts[w];
    const end = windowEnds[w];
    let revenue = 0, units = 0, revenueWithCost = 0, costSum = 0, orders = 0;
    let customers = 0, newCustomers = 0, repeat = 0, retained = 0;
    for (let t = offsets[b]; t < offsets[b + 1]; t++) {
      const i = rows[t];
      const a = amount[i];
      revenue += a;
      if (quantity) {
        const q = quantity[i];
        if (q === q) units += q;
      }
      if (cost) {
        const c = cost[i];
        if (c === c) {
          revenueWithCost += a;
          costSum += c;
        }
      }
      if (!(a >= 0)) continue;
      if (orderMark) {
        const k = orderKey![i];
        if (orderMark[k] !== stamp) {
          orderMark[k] = stamp;
          orders++;
        }
      } else {
        orders++;
      }
      if (customerMark) {
        const c = customer![i];
        if (c >= 0 && customerMark[c] !== stamp) {
          if (customerMark[c] === b && w > 0) retained++;
          customerMark[c] = stamp;
          customers++;
          if (firstDay![c] >= start) newCustomers++;
          if (secondDay![c] < end) repeat++;
        }
      }
    }
    agg.revenue[b] = revenue;
    agg.units[b] = units;
    agg.revenueWithCost[b] = revenueWithCost;
    agg.cost[b] = costSum;
    agg.orders[b] = orders;
    agg.customers[b] = customers;
    agg.newCustomers[b] = newCustomers;
    agg.repeatCustomers[b] = repeat;
    agg.retained[b] = retained;
    agg.rows[b] = offsets[b + 1] - offsets[b];
  }
  return agg;
}
