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
  /** Revenue and orders of the rows that carry a customer (per-customer ratios use these). */
  readonly revenueWithCustomer: Float64Array;
  readonly ordersWithCustomer: Float64Array;
  readonly customers: Float64Array;
  /** Customers whose first order row ever is a row of the bucket (credited to its group). */
  readonly newCustomers: Float64Array;
  /** Active customers whose first order ever is in the window (in any group). */
  readonly firstTimers: Float64Array;
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
  prep: OrdersPrep,
  bucket: Int32Array,
  bucketCount: number,
  windowsPerGroup: number,
  windowStarts: readonly number[],
  windowEnds: readonly number[],
  rowIds?: Int32Array,
): OrderAggregates {
  const { table, orderKey } = prep;
  const life = table.customer ? prep.lifecycle() : null;
  const make = () => new Float64Array(bucketCount);
  const agg: OrderAggregates = {
    revenue: make(),
    units: make(),
    revenueWithCost: make(),
    cost: make(),
    orders: make(),
    revenueWithCustomer: make(),
    ordersWithCustomer: make(),
    customers: make(),
    newCustomers: make(),
    firstTimers: make(),
    repeatCustomers: make(),
    retained: make(),
    rows: make(),
  };
  const { rows, offsets } = groupRows(bucket, bucketCount, rowIds);
  const marks = prep.marks(bucketCount);
  // Absent columns are passed as empty arrays with a flag, so the hot loop sees one shape.
  const none64 = new Float64Array(0);
  const none32 = new Int32Array(0);
  const none8 = new Uint8Array(0);
  const columns: Columns = {
    amount: table.amount,
    quantity: table.quantity ?? none64,
    hasQuantity: table.quantity !== undefined,
    cost: table.cost ?? none64,
    hasCost: table.cost !== undefined,
    orderKey: orderKey ?? none32,
    hasOrderKey: orderKey !== null,
    customer: table.customer?.codes ?? none32,
    hasCustomer: life !== null,
    firstDay: life?.firstDay ?? none64,
    secondDay: life?.secondDay ?? none64,
    firstRow: (life && prep.firstOrderRows()) ?? none8,
    orderMark: marks.order ?? none32,
    customerOrderMark: marks.customerOrder ?? none32,
    customerMark: marks.customer ?? none32,
  };
  const out = new Float64Array(12);
  for (let b = 0; b < bucketCount; b++) {
    const w = b % windowsPerGroup;
    // Bucket b's stamp is base + b + 1, so the previous bucket's is base + b (never a stale one:
    // every earlier call used stamps below base).
    sumBucket(
      columns,
      rows,
      offsets[b],
      offsets[b + 1],
      marks.base + b + 1,
      w > 0,
      windowStarts[w],
      windowEnds[w],
      out,
    );
    agg.revenue[b] = out[0];
    agg.units[b] = out[1];
    agg.revenueWithCost[b] = out[2];
    agg.cost[b] = out[3];
    agg.orders[b] = out[4];
    agg.customers[b] = out[5];
    agg.newCustomers[b] = out[6];
    agg.repeatCustomers[b] = out[7];
    agg.retained[b] = out[8];
    agg.revenueWithCustomer[b] = out[9];
    agg.ordersWithCustomer[b] = out[10];
    agg.firstTimers[b] = out[11];
    agg.rows[b] = offsets[b + 1] - offsets[b];
  }
  return agg;
}

interface Columns {
  readonly amount: Float64Array;
  readonly quantity: Float64Array;
  readonly hasQuantity: boolean;
  readonly cost: Float64Array;
  readonly hasCost: boolean;
  readonly orderKey: Int32Array;
  readonly hasOrderKey: boolean;
  readonly customer: Int32Array;
  readonly hasCustomer: boolean;
  readonly firstDay: Float64Array;
  readonly secondDay: Float64Array;
  /** 1 on each customer's first order row ever (`OrdersPrep.firstOrderRows`). */
  readonly firstRow: Uint8Array;
  readonly orderMark: Int32Array;
  readonly customerOrderMark: Int32Array;
  readonly customerMark: Int32Array;
}

/**
 * The hot loop: one bucket's rows → out[revenue, units, revenueWithCost, cost, orders, customers,
 * new, repeat, retained, revenueWithCustomer, ordersWithCustomer, firstTimers].
 */
function sumBucket(
  k: Columns,
  rows: Int32Array,
  from: number,
  to: number,
  stamp: number,
  hasPrevious: boolean,
  start: number,
  end: number,
  out: Float64Array,
): void {
  const { amount, quantity, cost, orderKey, customer, firstDay, secondDay, firstRow } = k;
  const { orderMark, customerOrderMark, customerMark } = k;
  const previousStamp = stamp - 1;
  let revenue = 0,
    units = 0,
    revenueWithCost = 0,
    costSum = 0,
    orders = 0;
  let customers = 0,
    newCustomers = 0,
    firstTimers = 0,
    repeat = 0,
    retained = 0,
    revenueWithCustomer = 0,
    ordersWithCustomer = 0;
  for (let t = from; t < to; t++) {
    const i = rows[t];
    const a = amount[i];
    revenue += a;
    if (k.hasQuantity) {
      const q = quantity[i];
      if (q === q) units += q;
    }
    if (k.hasCost) {
      const c = cost[i];
      if (c === c) {
        revenueWithCost += a;
        costSum += c;
      }
    }
    const c = k.hasCustomer ? customer[i] : -1;
    if (c >= 0) revenueWithCustomer += a;
    if (!(a >= 0)) continue;
    if (k.hasOrderKey) {
      const key = orderKey[i];
      if (orderMark[key] !== stamp) {
        orderMark[key] = stamp;
        orders++;
      }
      if (c >= 0 && customerOrderMark[key] !== stamp) {
        customerOrderMark[key] = stamp;
        ordersWithCustomer++;
      }
    } else {
      orders++;
      if (c >= 0) ordersWithCustomer++;
    }
    if (c >= 0) {
      if (firstRow[i] === 1) newCustomers++;
      if (customerMark[c] !== stamp) {
        if (hasPrevious && customerMark[c] === previousStamp) retained++;
        customerMark[c] = stamp;
        customers++;
        if (firstDay[c] >= start) firstTimers++;
        if (secondDay[c] < end) repeat++;
      }
    }
  }
  out[0] = revenue;
  out[1] = units;
  out[2] = revenueWithCost;
  out[3] = costSum;
  out[4] = orders;
  out[5] = customers;
  out[6] = newCustomers;
  out[7] = repeat;
  out[8] = retained;
  out[9] = revenueWithCustomer;
  out[10] = ordersWithCustomer;
  out[11] = firstTimers;
}
