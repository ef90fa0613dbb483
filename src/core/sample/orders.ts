/**
 * A realistic orders sheet as Excel hands it over (`Range.values`): a header row, then one row per
 * order line with dates as Excel serial numbers, amounts as numbers and text columns.
 *
 * The business: customers arrive over the years with demand (growth, weekly and yearly
 * seasonality), buy at heavy-tailed rates (a few loyal customers buy very often), and churn after
 * an exponentially distributed lifetime; orders have 1–3 lines; about 2% of rows are refunds
 * (negative amount, quantity and cost, same order id, a few days after the order).
 */
import type { CellValue } from '../cell';
import type { DemandCurve } from './calendar';
import { demandCurve, excelSerial, sampleDay } from './calendar';
import {
  CATEGORIES,
  CHANNEL_WEIGHTS,
  CHANNELS,
  makeProducts,
  REGION_WEIGHTS,
  REGIONS,
  REPS,
  REPS_PER_REGION,
  SEGMENT_WEIGHTS,
  SEGMENTS,
} from './names';
import { aliasSampler, cents, mulberry32, randomInt } from './random';

export interface SampleOptions {
  /** Data rows (header excluded). Excel's maximum sheet holds 1,048,575 below a header. */
  readonly rows: number;
  readonly seed?: number;
  /** First calendar year of data (default 2023). */
  readonly startYear?: number;
  /** Years of data (default 3). */
  readonly years?: number;
}

export interface OrdersSampleOptions extends SampleOptions {
  /** Distinct customers (default rows / 20, at most 50,000). */
  readonly customers?: number;
  /** Products (default 200). */
  readonly products?: number;
}

export const ORDERS_HEADER = [
  'Order ID',
  'Order Date',
  'Customer',
  'Product',
  'Category',
  'Region',
  'Sales Rep',
  'Channel',
  'Segment',
  'Quantity',
  'Amount',
  'Cost',
] as const;

const REFUND_SHARE_PER_ORDER = 0.026; // ≈ 2% of rows with ~1.3 lines per order

interface CustomerPlan {
  readonly first: Int32Array;
  readonly last: Int32Array;
  readonly region: Uint8Array;
  readonly rep: Uint8Array;
  readonly channel: Uint8Array;
  readonly segment: Uint8Array;
  readonly pick: (random: () => number) => number;
}

function planCustomers(count: number, curve: DemandCurve, random: () => number): CustomerPlan {
  const first = new Int32Array(count);
  const last = new Int32Array(count);
  const region = new Uint8Array(count);
  const rep = new Uint8Array(count);
  const channel = new Uint8Array(count);
  const segment = new Uint8Array(count);
  const weight = new Float64Array(count);
  const pickRegion = aliasSampler(REGION_WEIGHTS);
  const pickChannel = aliasSampler(CHANNEL_WEIGHTS);
  const pickSegment = aliasSampler(SEGMENT_WEIGHTS);
  const repStart = REPS_PER_REGION.map((_, r) => REPS_PER_REGION.slice(0, r).reduce((a, b) => a + b, 0));
  for (let c = 0; c < count; c++) {
    // Arrivals follow demand, but a third of the base exists from the start.
    first[c] = random() < 0.3 ? randomInt(random, 120) : sampleDay(curve, random);
    const lifetime = -Math.log(1 - random()) * 650;
    last[c] = Math.min(curve.days - 1, first[c] + Math.floor(lifetime));
    region[c] = pickRegion(random);
    rep[c] = repStart[region[c]] + randomInt(random, REPS_PER_REGION[region[c]]);
    channel[c] = pickChannel(random);
    segment[c] = pickSegment(random);
    // Heavy-tailed purchase rate (Pareto, α = 1.4, capped), times the demand in the active span.
    const rate = Math.min(60, Math.pow(1 - random(), -1 / 1.4)) * (random() < 0.3 ? 0.15 : 1);
    weight[c] = rate * (curve.cdf[last[c] + 1] - curve.cdf[first[c]] + 1e-4);
  }
  return { first, last, region, rep, channel, segment, pick: aliasSampler(weight) };
}

/**
 * Orders rows, oldest first, with a header row.
 * @example generateOrders({ rows: 1000, seed: 7 })[0] // ['Order ID', 'Order Date', …]
 */
export function generateOrders(options: OrdersSampleOptions): CellValue[][] {
  const rows = Math.max(0, Math.floor(options.rows));
  const random = mulberry32(options.seed ?? 1);
  const curve = demandCurve(options.startYear ?? 2023, options.years ?? 3);
  const customerCount = Math.max(
    1,
    Math.floor(options.customers ?? Math.min(50_000, Math.max(10, rows / 20))),
  );
  const products = makeProducts(options.products ?? 200, random);
  const pickProduct = aliasSampler(products.map((_, k) => 1 / Math.pow(k + 1, 0.9)));
  const plan = planCustomers(customerCount, curve, random);
  const seen = new Uint8Array(customerCount);

  const day = new Int32Array(rows);
  const customer = new Int32Array(rows);
  const product = new Int32Array(rows);
  const order = new Int32Array(rows);
  const quantity = new Int32Array(rows); // whole units: stored as small integers in the cells
  const amount = new Float64Array(rows);
  const cost = new Float64Array(rows);
  const rep = new Uint8Array(rows);
  const channel = new Uint8Array(rows);
  const round = cents;
  const below = randomInt;
  const repCount = REPS.length;
  const channelCount = CHANNELS.length;
  const daySampler = sampleDay;
  let n = 0;
  let orders = 0;
  while (n < rows) {
    const c = plan.pick(random);
    const d = seen[c] ? daySampler(curve, random, plan.first[c], plan.last[c]) : plan.first[c];
    seen[c] = 1;
    const orderRep = random() < 0.88 ? plan.rep[c] : below(random, repCount);
    const orderChannel = random() < 0.8 ? plan.channel[c] : below(random, channelCount);
    const u = random();
    const lines = u < 0.72 ? 1 : u < 0.92 ? 2 : 3;
    const firstLine = n;
    for (let l = 0; l < lines && n < rows; l++, n++) {
      const p = pickProduct(random);
      const q = 1 + Math.min(19, Math.floor(-Math.log(1 - random()) * 1.3));
      const gross = q * products[p].price * (1 - 0.1 * random());
      day[n] = d;
      customer[n] = c;
      product[n] = p;
      order[n] = orders;
      quantity[n] = q;
      amount[n] = round(gross);
      cost[n] = round(q * products[p].price * products[p].costRatio);
      rep[n] = orderRep;
      channel[n] = orderChannel;
    }
    if (n < rows && random() < REFUND_SHARE_PER_ORDER) {
      const refundDay = d + 1 + below(random, 30);
      if (refundDay < curve.days) {
        day[n] = refundDay;
        customer[n] = c;
        product[n] = product[firstLine];
        order[n] = orders;
        quantity[n] = -quantity[firstLine];
        amount[n] = -amount[firstLine];
        cost[n] = -cost[firstLine];
        rep[n] = orderRep;
        channel[n] = orderChannel;
        n++;
      }
    }
    orders++;
  }
  return toCells(
    { rows, day, customer, product, order, quantity, amount, cost, rep, channel, orders },
    plan,
    products,
    curve,
  );
}

interface Lines {
  rows: number;
  orders: number;
  day: Int32Array;
  customer: Int32Array;
  product: Int32Array;
  order: Int32Array;
  quantity: Int32Array;
  amount: Float64Array;
  cost: Float64Array;
  rep: Uint8Array;
  channel: Uint8Array;
}

/** Sorts lines by day (stable counting sort) and numbers orders in date order. */
function toCells(
  lines: Lines,
  plan: CustomerPlan,
  products: ReturnType<typeof makeProducts>,
  curve: DemandCurve,
): CellValue[][] {
  const { rows } = lines;
  const offsets = new Int32Array(curve.days + 1);
  for (let i = 0; i < rows; i++) offsets[lines.day[i] + 1]++;
  for (let k = 0; k < curve.days; k++) offsets[k + 1] += offsets[k];
  const sorted = new Int32Array(rows);
  for (let i = 0; i < rows; i++) sorted[offsets[lines.day[i]]++] = i;

  // Strings first, rows second: interleaving fresh strings with row arrays makes V8's young
  // generation churn (measured 4× slower at a million rows).
  const orderNumber = new Int32Array(lines.orders).fill(-1);
  let nextOrder = 0;
  for (let t = 0; t < rows; t++) {
    const o = lines.order[sorted[t]];
    if (orderNumber[o] < 0) orderNumber[o] = nextOrder++;
  }
  const orderIds = new Array<string>(nextOrder);
  for (let k = 0; k < nextOrder; k++) orderIds[k] = 'SO-' + String(k + 1).padStart(7, '0');
  const customerNames = new Array<string>(plan.first.length);
  for (let c = 0; c < customerNames.length; c++) customerNames[c] = 'CUST-' + String(c + 1).padStart(5, '0');
  const productNames = products.map((p) => p.name);
  const productCategories = products.map((p) => CATEGORIES[p.category]);
  // Local copies: imported bindings are property reads on the module object at every use.
  const regionNames = plan.region.length ? Array.from(plan.region, (r) => REGIONS[r]) : [];
  const segmentNames = Array.from(plan.segment, (g) => SEGMENTS[g]);
  const repNames = [...REPS];
  const channelNames = [...CHANNELS];
  const serialBase = excelSerial(curve.start);
  const { day, customer, product, order, quantity, amount, cost } = lines;
  const repOf = lines.rep;
  const channelOf = lines.channel;
  const out: CellValue[][] = new Array(rows + 1);
  out[0] = [...ORDERS_HEADER];
  for (let t = 0; t < rows; t++) {
    const i = sorted[t];
    const c = customer[i];
    const p = product[i];
    out[t + 1] = [
      orderIds[orderNumber[order[i]]],
      serialBase + day[i],
      customerNames[c],
      productNames[p],
      productCategories[p],
      regionNames[c],
      repNames[repOf[i]],
      channelNames[channelOf[i]],
      segmentNames[c],
      quantity[i],
      amount[i],
      cost[i],
    ];
  }
  return out;
}
