/**
 * Pipeline and marketing definitions (docs/metrics.md). Text only; computation is
 * in `pipeline-engine.ts` and `marketing.ts`.
 */
import type { Bilingual, MetricDefinition, MetricUnit } from './definition';
import { FORMAT, req } from './definition';

const base = req('pipeline', 'created', 'status');
const closedBase = req('pipeline', 'created', 'status', 'closed');

export const PIPELINE_DEFINITIONS: readonly MetricDefinition[] = [
  {
    id: 'leads',
    table: 'pipeline',
    requires: base,
    unit: 'count',
    format: FORMAT.count,
    better: 'higher',
    cadence: 'week',
    kind: 'flow',
    label: { en: 'Leads', id: 'Prospek' },
    description: { en: 'Opportunities created in the period.', id: 'Peluang yang dibuat dalam periode.' },
    formula: { en: 'count created in P', id: 'hitung dibuat di P' },
  },
  {
    id: 'conversion_rate',
    table: 'pipeline',
    requires: base,
    unit: 'ratio',
    format: FORMAT.percent,
    better: 'higher',
    cadence: 'month',
    kind: 'ratio',
    label: { en: 'Lead conversion rate', id: 'Tingkat konversi prospek' },
    description: {
      en: 'Share won, to date, of the leads created in the period that are old enough to have closed. Old enough: created at least as long before the as-of day as 90 % of deals take to close.',
      id: 'Porsi yang dimenangkan, hingga kini, dari prospek yang dibuat dalam periode dan cukup tua untuk sudah ditutup. Cukup tua: dibuat setidaknya selama waktu penutupan 90 % transaksi sebelum tanggal acuan.',
    },
    formula: {
      en: 'won / leads created in P at least M days before the as-of day',
      id: 'menang / prospek dibuat di P setidaknya M hari sebelum tanggal acuan',
    },
  },
  {
    id: 'win_rate',
    table: 'pipeline',
    requires: closedBase,
    unit: 'ratio',
    format: FORMAT.percent,
    better: 'higher',
    cadence: 'month',
    kind: 'ratio',
    label: { en: 'Win rate', id: 'Tingkat kemenangan' },
    description: {
      en: 'Won over won plus lost, among opportunities closed in the period.',
      id: 'Menang dibagi menang ditambah kalah, di antara peluang yang ditutup dalam periode.',
    },
    formula: { en: 'won / (won + lost), closed in P', id: 'menang / (menang + kalah), ditutup di P' },
  },
  {
    id: 'avg_deal_size',
    table: 'pipeline',
    requires: req('pipeline', 'created', 'status', 'closed', 'value'),
    unit: 'currency',
    format: FORMAT.currency,
    better: 'higher',
    cadence: 'month',
    kind: 'ratio',
    label: { en: 'Average deal size', id: 'Nilai transaksi rata-rata' },
    description: {
      en: 'Mean value of the opportunities won and closed in the period.',
      id: 'Rata-rata nilai peluang yang dimenangkan dan ditutup dalam periode.',
    },
    formula: { en: 'mean(value of won closed in P)', id: 'rata-rata(nilai menang ditutup di P)' },
  },
  {
    id: 'sales_cycle_days',
    table: 'pipeline',
    requires: closedBase,
    unit: 'days',
    format: FORMAT.days,
    better: 'lower',
    cadence: 'month',
    kind: 'ratio',
    label: { en: 'Sales cycle (mean days)', id: 'Siklus penjualan (rata-rata hari)' },
    description: {
      en: 'Mean days from creation to close of the opportunities won and closed in the period.',
      id: 'Rata-rata hari dari dibuat hingga ditutup untuk peluang yang dimenangkan dan ditutup dalam periode.',
    },
    formula: {
      en: 'mean(closed − created), won closed in P',
      id: 'rata-rata(tutup − dibuat), menang ditutup di P',
    },
  },
  {
    id: 'sales_cycle_days_median',
    table: 'pipeline',
    requires: closedBase,
    unit: 'days',
    format: FORMAT.days,
    better: 'lower',
    cadence: 'month',
    kind: 'ratio',
    label: { en: 'Sales cycle (median days)', id: 'Siklus penjualan (median hari)' },
    description: {
      en: 'Median days from creation to close of the opportunities won and closed in the period.',
      id: 'Median hari dari dibuat hingga ditutup untuk peluang yang dimenangkan dan ditutup dalam periode.',
    },
    formula: {
      en: 'median(closed − created), won closed in P',
      id: 'median(tutup − dibuat), menang ditutup di P',
    },
  },
  {
    id: 'pipeline_value',
    table: 'pipeline',
    requires: req('pipeline', 'created', 'status', 'value'),
    unit: 'currency',
    format: FORMAT.currency,
    better: 'higher',
    cadence: 'week',
    kind: 'stock',
    label: { en: 'Open pipeline value', id: 'Nilai pipeline terbuka' },
    description: {
      en: 'Sum of the values of opportunities open at the end of the period (or at the as-of date).',
      id: 'Jumlah nilai peluang yang masih terbuka pada akhir periode (atau pada tanggal acuan).',
    },
    formula: { en: 'Σ value of open at end of P', id: 'Σ nilai terbuka di akhir P' },
  },
  {
    id: 'pipeline_velocity',
    table: 'pipeline',
    requires: req('pipeline', 'created', 'status', 'closed', 'value'),
    unit: 'currency',
    format: FORMAT.currency,
    better: 'higher',
    cadence: 'week',
    kind: 'ratio',
    label: { en: 'Pipeline velocity (per day)', id: 'Kecepatan pipeline (per hari)' },
    description: {
      en: 'Expected revenue per day from the open pipeline: open opportunities × win rate × average deal size / sales cycle days.',
      id: 'Perkiraan pendapatan per hari dari pipeline terbuka: peluang terbuka × tingkat kemenangan × nilai transaksi rata-rata / hari siklus.',
    },
    formula: {
      en: 'open × win rate × avg deal / cycle days',
      id: 'terbuka × tingkat menang × rata-rata transaksi / hari siklus',
    },
  },
];

const spendAndNew = [...req('orders', 'date', 'amount', 'customer'), ...req('spend', 'date', 'spend')];

export const MARKETING_DEFINITIONS: readonly MetricDefinition[] = [
  {
    id: 'cac',
    table: 'spend',
    requires: spendAndNew,
    unit: 'currency',
    format: FORMAT.currency,
    better: 'lower',
    cadence: 'month',
    kind: 'ratio',
    label: { en: 'Customer acquisition cost', id: 'Biaya akuisisi pelanggan' },
    description: {
      en: 'Marketing spend of the period (each spend row spread evenly over the days it covers) divided by new customers in the period; per channel, a new customer counts for the channel of their first order.',
      id: 'Belanja pemasaran periode (tiap baris belanja dibagi rata atas hari yang dicakupnya) dibagi pelanggan baru dalam periode; per kanal, pelanggan baru dihitung pada kanal pesanan pertamanya.',
    },
    formula: { en: 'spend / new customers', id: 'belanja / pelanggan baru' },
  },
  {
    id: 'marketing_roi',
    table: 'spend',
    requires: [...req('orders', 'date', 'amount'), ...req('spend', 'date', 'spend')],
    unit: 'ratio',
    format: FORMAT.percent,
    better: 'higher',
    cadence: 'month',
    kind: 'ratio',
    label: { en: 'Marketing ROI', id: 'ROI pemasaran' },
    description: {
      en: 'Gross profit of the period less spend, over spend (margin 1 without a cost column); spend rows are spread evenly over the days they cover.',
      id: 'Laba kotor periode dikurangi belanja, dibagi belanja (margin 1 tanpa kolom biaya); baris belanja dibagi rata atas hari yang dicakupnya.',
    },
    formula: { en: '(revenue × margin − spend) / spend', id: '(pendapatan × margin − belanja) / belanja' },
  },
  {
    id: 'ltv_cac',
    table: 'spend',
    requires: spendAndNew,
    unit: 'number',
    format: FORMAT.number,
    better: 'higher',
    cadence: 'quarter',
    kind: 'ratio',
    label: { en: 'LTV:CAC', id: 'LTV:CAC' },
    description: {
      en: 'Historic customer lifetime value divided by acquisition cost.',
      id: 'Nilai seumur hidup pelanggan historis dibagi biaya akuisisi.',
    },
    formula: { en: 'CLV / CAC', id: 'CLV / CAC' },
  },
  {
    id: 'cac_payback_months',
    table: 'spend',
    requires: spendAndNew,
    unit: 'months',
    format: FORMAT.months,
    better: 'lower',
    cadence: 'quarter',
    kind: 'ratio',
    label: { en: 'CAC payback (months)', id: 'Pengembalian CAC (bulan)' },
    description: {
      en: 'Months of gross profit per customer needed to recover CAC; monthly revenue per customer = sales per customer scaled to a 30.44-day month.',
      id: 'Bulan laba kotor per pelanggan untuk menutup CAC; pendapatan bulanan per pelanggan = penjualan per pelanggan diskalakan ke bulan 30,44 hari.',
    },
    formula: {
      en: 'CAC / (monthly revenue per customer × margin)',
      id: 'CAC / (pendapatan bulanan per pelanggan × margin)',
    },
  },
];

/**
 * The pipeline forecast's figures (docs/metrics.md "Pipeline forecast and quota"): computed as of
 * the as-of day for the quota period by `src/core/pipeline` and `src/core/goals/quota.ts`, not
 * over windows like the metrics above, so they are not metric ids (no tile, function or SQL).
 */
export interface ForecastFigureDefinition {
  readonly id: string;
  readonly label: Bilingual;
  readonly description: Bilingual;
  readonly unit: MetricUnit;
  readonly format: string;
  readonly better: 'higher' | 'lower';
}

export const PIPELINE_FORECAST_FIGURES: readonly ForecastFigureDefinition[] = [
  {
    id: 'pipeline_open',
    unit: 'currency',
    format: FORMAT.currency,
    better: 'higher',
    label: { en: 'Open pipeline', id: 'Pipeline terbuka' },
    description: {
      en: 'Every deal open on the as-of day, stale ones included: count, value and weighted value.',
      id: 'Semua transaksi yang terbuka pada tanggal acuan, termasuk yang basi: jumlah, nilai dan nilai tertimbang.',
    },
  },
  {
    id: 'weighted_pipeline',
    unit: 'currency',
    format: FORMAT.currency,
    better: 'higher',
    label: { en: 'Weighted pipeline', id: 'Pipeline tertimbang' },
    description: {
      en: 'Σ win probability × value of the open deals that are not stale.',
      id: 'Σ probabilitas menang × nilai dari transaksi terbuka yang tidak basi.',
    },
  },
  {
    id: 'pipeline_by_category',
    unit: 'currency',
    format: FORMAT.currency,
    better: 'higher',
    label: { en: 'Pipeline by forecast category', id: 'Pipeline per kategori prakiraan' },
    description: {
      en: 'The counted open deals by category (commit, best case, pipeline, omitted), and the deals won in the period (closed).',
      id: 'Transaksi terbuka yang dihitung per kategori (komitmen, kasus terbaik, pipeline, dikecualikan), dan transaksi yang dimenangkan dalam periode (ditutup).',
    },
  },
  {
    id: 'pipeline_due',
    unit: 'currency',
    format: FORMAT.currency,
    better: 'higher',
    label: { en: 'Pipeline due in the period', id: 'Pipeline jatuh tempo dalam periode' },
    description: {
      en: 'Counted open deals expected to close by the end of the quota period.',
      id: 'Transaksi terbuka yang dihitung dan diperkirakan tutup sebelum akhir periode kuota.',
    },
  },
  {
    id: 'stale_deals',
    unit: 'count',
    format: FORMAT.count,
    better: 'lower',
    label: { en: 'Stale deals', id: 'Transaksi basi' },
    description: {
      en: 'Open deals open longer than K × the median sales cycle (K = 2 by default); left out of the forecast figures unless included.',
      id: 'Transaksi terbuka lebih lama dari K × median siklus penjualan (K = 2 secara bawaan); tidak dihitung dalam prakiraan kecuali disertakan.',
    },
  },
  {
    id: 'pipeline_coverage',
    unit: 'number',
    format: '0.00"×"',
    better: 'higher',
    label: { en: 'Pipeline coverage', id: 'Cakupan pipeline' },
    description: {
      en: 'Open pipeline due in the period ÷ the quota still to reach (quota − revenue to date); an error value when there is no quota or nothing left.',
      id: 'Pipeline terbuka yang jatuh tempo dalam periode ÷ sisa kuota (kuota − pendapatan hingga kini); nilai galat bila tidak ada kuota atau tidak ada sisa.',
    },
  },
  {
    id: 'quota_attainment',
    unit: 'ratio',
    format: FORMAT.percent,
    better: 'higher',
    label: { en: 'Quota attainment', id: 'Pencapaian kuota' },
    description: {
      en: "A rep's revenue to date (the rep's orders, else won deals) ÷ the rep's quota.",
      id: 'Pendapatan tenaga penjual hingga kini (pesanannya, atau transaksi yang dimenangkan) ÷ kuotanya.',
    },
  },
  {
    id: 'quota_pace',
    unit: 'ratio',
    format: FORMAT.percent,
    better: 'higher',
    label: { en: 'Quota pace', id: 'Laju kuota' },
    description: {
      en: "The share of the quota period's days gone by the as-of day: the share of the quota expected by now.",
      id: 'Porsi hari periode kuota yang telah berlalu pada tanggal acuan: porsi kuota yang diharapkan saat ini.',
    },
  },
  {
    id: 'quota_forecast',
    unit: 'currency',
    format: FORMAT.currency,
    better: 'higher',
    label: { en: 'Quota forecast', id: 'Prakiraan kuota' },
    description: {
      en: "Revenue to date + the rep's weighted pipeline due in the period; the run rate without a pipeline.",
      id: 'Pendapatan hingga kini + pipeline tertimbang tenaga penjual yang jatuh tempo dalam periode; laju berjalan tanpa pipeline.',
    },
  },
  {
    id: 'quota_coverage',
    unit: 'number',
    format: '0.00"×"',
    better: 'higher',
    label: { en: 'Coverage per rep', id: 'Cakupan per tenaga penjual' },
    description: {
      en: "The rep's open pipeline due in the period ÷ (quota − revenue to date).",
      id: 'Pipeline terbuka tenaga penjual yang jatuh tempo dalam periode ÷ (kuota − pendapatan hingga kini).',
    },
  },
];
