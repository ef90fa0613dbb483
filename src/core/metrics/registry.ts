/**
 * The metric catalogue: one definition per metric id, looked up by id or by what people type.
 */
import { ORDER_DEFINITIONS } from './catalogue-orders';
import { MARKETING_DEFINITIONS, PIPELINE_DEFINITIONS } from './catalogue-pipeline';
import type { MetricDefinition } from './definition';
import type { MetricId } from './ids';
import { isMetricId, METRIC_IDS } from './ids';

export type {
  Bilingual,
  MetricDefinition,
  MetricKind,
  MetricTableKind,
  MetricUnit,
  RequiredRole,
} from './definition';
export type { MetricId } from './ids';
export { isMetricId, M, METRIC_IDS } from './ids';

/** Every metric definition, in catalogue order. */
export const METRICS: readonly MetricDefinition[] = [
  ...ORDER_DEFINITIONS,
  ...PIPELINE_DEFINITIONS,
  ...MARKETING_DEFINITIONS,
];

const BY_ID: ReadonlyMap<MetricId, MetricDefinition> = new Map(METRICS.map((m) => [m.id, m]));

/**
 * The definition of a metric.
 * @example getMetric('aov').label.en // 'Average order value'
 */
export function getMetric(id: MetricId): MetricDefinition {
  return BY_ID.get(id)!;
}

/** Lower-case, accents stripped, spaces/underscores/dashes/dots removed. */
function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s_\-.]+/g, '');
}

/** Short names people use for metrics, beyond ids and labels. */
const EXTRA_ALIASES: Readonly<Record<string, MetricId>> = {
  sales: 'revenue',
  totalsales: 'revenue',
  penjualan: 'revenue',
  omzet: 'revenue',
  omset: 'revenue',
  ordercount: 'orders',
  transactions: 'orders',
  transaksi: 'orders',
  jumlahpesanan: 'orders',
  averageordervalue: 'aov',
  avgordervalue: 'aov',
  rataratapesanan: 'aov',
  quantity: 'units',
  unitssold: 'units',
  averageprice: 'avg_price',
  asp: 'avg_price',
  pelanggan: 'customers',
  activecustomers: 'customers',
  retention: 'retention_rate',
  retensi: 'retention_rate',
  churn: 'churn_rate',
  repeatpurchaserate: 'repeat_rate',
  engagement: 'active_ratio',
  margin: 'gross_margin',
  grossmargin: 'gross_margin',
  ltv: 'clv',
  customerlifetimevalue: 'clv',
  lifetimevalue: 'clv',
  conversion: 'conversion_rate',
  konversi: 'conversion_rate',
  winrate: 'win_rate',
  salescycle: 'sales_cycle_days',
  dealsize: 'avg_deal_size',
  pipeline: 'pipeline_value',
  velocity: 'pipeline_velocity',
  roi: 'marketing_roi',
  ltvcac: 'ltv_cac',
  ltvtocac: 'ltv_cac',
  cacpayback: 'cac_payback_months',
  paybackmonths: 'cac_payback_months',
};

const BY_TEXT: ReadonlyMap<string, MetricId> = (() => {
  const map = new Map<string, MetricId>();
  for (const [alias, id] of Object.entries(EXTRA_ALIASES)) map.set(alias, id);
  for (const m of METRICS) {
    map.set(normalize(m.id), m.id);
    map.set(normalize(m.label.en), m.id);
    map.set(normalize(m.label.id), m.id);
  }
  return map;
})();

/**
 * Reads a metric id from an id, an English or Indonesian label, or a common short name;
 * case-, accent-, space- and underscore-insensitive. Null when nothing matches.
 * @example metricIdFromText('AOV') // 'aov'
 * @example metricIdFromText('Nilai pesanan rata-rata') // 'aov'
 */
export function metricIdFromText(text: unknown): MetricId | null {
  if (typeof text !== 'string') return null;
  if (isMetricId(text)) return text;
  return BY_TEXT.get(normalize(text)) ?? null;
}

/** Ids of the metrics computed from one table. @example metricIdsOf('pipeline')[0] // 'leads' */
export function metricIdsOf(table: MetricDefinition['table']): MetricId[] {
  return METRIC_IDS.filter((id) => getMetric(id).table === table);
}
