/**
 * Orders-family definitions (SPEC.md "Orders"). Text only; computation is in `orders-engine.ts`.
 */
import type { MetricDefinition } from './definition';
import { FORMAT, req } from './definition';

const base = req('orders', 'date', 'amount');
const withCustomer = req('orders', 'date', 'amount', 'customer');

export const ORDER_DEFINITIONS: readonly MetricDefinition[] = [
  {
    id: 'revenue', table: 'orders', requires: base, unit: 'currency', format: FORMAT.currency, better: 'higher', cadence: 'day', kind: 'flow',
    label: { en: 'Revenue', id: 'Pendapatan' },
    description: { en: 'Sum of order amounts in the period; refunds (negative amounts) reduce it.', id: 'Jumlah nilai pesanan dalam periode; refund (nilai negatif) menguranginya.' },
    formula: { en: 'Σ amount', id: 'Σ nilai' },
  },
  {
    id: 'orders', table: 'orders', requires: base, unit: 'count', format: FORMAT.count, better: 'higher', cadence: 'day', kind: 'flow',
    label: { en: 'Orders', id: 'Pesanan' },
    description: {
      en: 'Distinct order ids with a purchase line (amount ≥ 0) in the period; each row is an order when there is no order id. Refund-only lines do not make an order.',
      id: 'Jumlah ID pesanan berbeda dengan baris pembelian (nilai ≥ 0) dalam periode; tiap baris adalah pesanan bila tidak ada ID pesanan. Baris refund saja bukan pesanan.',
    },
    formula: { en: 'count distinct order id', id: 'hitung ID pesanan berbeda' },
  },
  {
    id: 'aov', table: 'orders', requires: base, unit: 'currency', format: FORMAT.currency, better: 'higher', cadence: 'week', kind: 'ratio',
    label: { en: 'Average order value', id: 'Nilai pesanan rata-rata' },
    description: { en: 'Revenue divided by orders.', id: 'Pendapatan dibagi jumlah pesanan.' },
    formula: { en: 'revenue / orders', id: 'pendapatan / pesanan' },
  },
  {
    id: 'units', table: 'orders', requires: req('orders', 'date', 'amount', 'quantity'), unit: 'count', format: FORMAT.count, better: 'higher', cadence: 'day', kind: 'flow',
    label: { en: 'Units sold', id: 'Unit terjual' },
    description: { en: 'Sum of quantities in the period (returns entered as negative quantities reduce it).', id: 'Jumlah kuantitas dalam periode (retur dengan kuantitas negatif menguranginya).' },
    formula: { en: 'Σ quantity', id: 'Σ kuantitas' },
  },
  {
    id: 'avg_price', table: 'orders', requires: req('orders', 'date', 'amount', 'quantity'), unit: 'currency', format: FORMAT.currency, better: 'higher', cadence: 'week', kind: 'ratio',
    label: { en: 'Average selling price', id: 'Harga jual rata-rata' },
    description: { en: 'Revenue divided by units sold.', id: 'Pendapatan dibagi unit terjual.' },
    formula: { en: 'revenue / units', id: 'pendapatan / unit' },
  },
  {
    id: 'customers', table: 'orders', requires: withCustomer, unit: 'count', format: FORMAT.count, better: 'higher', cadence: 'week', kind: 'flow',
    label: { en: 'Active customers', id: 'Pelanggan aktif' },
    description: {
      en: 'Distinct customers with a purchase in the period. Distinct counts do not add across periods; goals pace them like flows.',
      id: 'Jumlah pelanggan berbeda yang membeli dalam periode. Hitungan unik tidak dijumlahkan antar periode; target dipacu seperti arus.',
    },
    formula: { en: 'count distinct customer', id: 'hitung pelanggan berbeda' },
  },
  {
    id: 'sales_per_customer', table: 'orders', requires: withCustomer, unit: 'currency', format: FORMAT.currency, better: 'higher', cadence: 'month', kind: 'ratio',
    label: { en: 'Sales per customer', id: 'Penjualan per pelanggan' },
    description: { en: 'Revenue divided by active customers.', id: 'Pendapatan dibagi pelanggan aktif.' },
    formula: { en: 'revenue / customers', id: 'pendapatan / pelanggan' },
  },
  {
    id: 'new_customers', table: 'orders', requires: withCustomer, unit: 'count', format: FORMAT.count, better: 'higher', cadence: 'week', kind: 'flow',
    label: { en: 'New customers', id: 'Pelanggan baru' },
    description: { en: 'Customers whose first purchase ever falls in the period.', id: 'Pelanggan yang pembelian pertamanya jatuh dalam periode.' },
    formula: { en: 'customers with first order in P', id: 'pelanggan dengan pesanan pertama di P' },
  },
  {
    id: 'returning_customers', table: 'orders', requires: withCustomer, unit: 'count', format: FORMAT.count, better: 'higher', cadence: 'week', kind: 'flow',
    label: { en: 'Returning customers', id: 'Pelanggan kembali' },
    description: { en: 'Active customers who had bought before the period.', id: 'Pelanggan aktif yang sudah pernah membeli sebelum periode.' },
    formula: { en: 'customers − new customers', id: 'pelanggan − pelanggan baru' },
  },
  {
    id: 'purchase_frequency', table: 'orders', requires: withCustomer, unit: 'number', format: FORMAT.number, better: 'higher', cadence: 'month', kind: 'ratio',
    label: { en: 'Purchase frequency', id: 'Frekuensi pembelian' },
    description: { en: 'Orders per active customer in the period.', id: 'Pesanan per pelanggan aktif dalam periode.' },
    formula: { en: 'orders / customers', id: 'pesanan / pelanggan' },
  },
  {
    id: 'repeat_rate', table: 'orders', requires: withCustomer, unit: 'ratio', format: FORMAT.percent, better: 'higher', cadence: 'month', kind: 'ratio',
    label: { en: 'Repeat purchase rate', id: 'Tingkat pembelian ulang' },
    description: { en: "Share of the period's customers with two or more orders to date.", id: 'Porsi pelanggan periode ini yang punya dua pesanan atau lebih hingga kini.' },
    formula: { en: 'customers with ≥ 2 orders to date / customers', id: 'pelanggan dengan ≥ 2 pesanan / pelanggan' },
  },
  {
    id: 'retention_rate', table: 'orders', requires: withCustomer, unit: 'ratio', format: FORMAT.percent, better: 'higher', cadence: 'week', kind: 'ratio',
    label: { en: 'Retention rate', id: 'Tingkat retensi' },
    description: { en: "Share of the previous period's customers who bought again in this period.", id: 'Porsi pelanggan periode sebelumnya yang membeli lagi pada periode ini.' },
    formula: { en: '|customers(P) ∩ customers(P−1)| / |customers(P−1)|', id: '|pelanggan(P) ∩ pelanggan(P−1)| / |pelanggan(P−1)|' },
  },
  {
    id: 'churn_rate', table: 'orders', requires: withCustomer, unit: 'ratio', format: FORMAT.percent, better: 'lower', cadence: 'week', kind: 'ratio',
    label: { en: 'Churn rate', id: 'Tingkat churn' },
    description: { en: "Share of the previous period's customers who did not buy in this period.", id: 'Porsi pelanggan periode sebelumnya yang tidak membeli lagi pada periode ini.' },
    formula: { en: '1 − retention rate', id: '1 − tingkat retensi' },
  },
  {
    id: 'active_ratio', table: 'orders', requires: withCustomer, unit: 'ratio', format: FORMAT.percent, better: 'higher', cadence: 'month', kind: 'ratio',
    label: { en: 'Active customer ratio', id: 'Rasio pelanggan aktif' },
    description: { en: 'Active customers in the period divided by all customers ever, to date (engagement).', id: 'Pelanggan aktif dalam periode dibagi semua pelanggan hingga kini (keterlibatan).' },
    formula: { en: 'customers(P) / customers ever to date', id: 'pelanggan(P) / semua pelanggan hingga kini' },
  },
  {
    id: 'days_between_orders', table: 'orders', requires: withCustomer, unit: 'days', format: FORMAT.days, better: 'lower', cadence: 'month', kind: 'ratio',
    label: { en: 'Days between orders', id: 'Hari antar pesanan' },
    description: {
      en: "Median gap in whole days between a customer's consecutive orders, over all gaps to date (an order is dated by its first line).",
      id: 'Median selisih hari antara pesanan berurutan seorang pelanggan, atas semua selisih hingga kini (pesanan bertanggal baris pertamanya).',
    },
    formula: { en: 'median(days between consecutive orders)', id: 'median(hari antar pesanan berurutan)' },
  },
  {
    id: 'gross_margin', table: 'orders', requires: req('orders', 'date', 'amount', 'cost'), unit: 'ratio', format: FORMAT.percent, better: 'higher', cadence: 'month', kind: 'ratio',
    label: { en: 'Gross margin', id: 'Margin kotor' },
    description: { en: 'Revenue less cost of goods, over revenue, on the rows that carry a cost.', id: 'Pendapatan dikurangi HPP, dibagi pendapatan, pada baris yang memiliki biaya.' },
    formula: { en: '(revenue − cost) / revenue', id: '(pendapatan − HPP) / pendapatan' },
  },
  {
    id: 'clv', table: 'orders', requires: withCustomer, unit: 'currency', format: FORMAT.currency, better: 'higher', cadence: 'month', kind: 'ratio',
    label: { en: 'Customer lifetime value', id: 'Nilai seumur hidup pelanggan' },
    description: {
      en: 'Historic CLV over the 12 months ending with the period: AOV × orders per customer per year × gross margin (1 without a cost column) × lifespan, where lifespan = 1 / yearly churn, yearly churn = share of the previous 12 months\' customers who did not buy in these 12 months, and lifespan is capped at 10 years (settable).',
      id: 'CLV historis atas 12 bulan yang berakhir pada periode: AOV × pesanan per pelanggan per tahun × margin kotor (1 tanpa kolom biaya) × umur, dengan umur = 1 / churn tahunan, churn tahunan = porsi pelanggan 12 bulan sebelumnya yang tidak membeli dalam 12 bulan ini, dan umur dibatasi 10 tahun (dapat diatur).',
    },
    formula: { en: 'AOV × purchases per year × margin × 1 / yearly churn', id: 'AOV × pembelian per tahun × margin × 1 / churn tahunan' },
  },
];
