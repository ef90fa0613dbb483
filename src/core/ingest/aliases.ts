/**
 * Header aliases per table kind and role, English and Indonesian. `strong` names say the role
 * outright; `weak` names often mean it but also something else (`Jumlah` is amount or quantity,
 * `Sales` is revenue or the salesperson, `Price` is usually a unit price), so they score lower.
 * Adding an alias is adding a string here; comparison is through `normalizeHeader`.
 */
import type { ColumnRole, TableKind } from '../table';

export interface RoleAliases {
  readonly strong: readonly string[];
  readonly weak?: readonly string[];
  /** Headers containing one of these are never a partial match (`Unit Price` is not a quantity). */
  readonly exclude?: readonly string[];
}

const NOT_MONEY = ['tax', 'pajak', 'discount', 'diskon', 'shipping', 'ongkir', 'ongkos', 'fee', 'margin', 'profit', 'laba'];

const DATE: RoleAliases = {
  strong: [
    'Date', 'Order Date', 'Tanggal', 'Tgl', 'Invoice Date', 'Transaction Date', 'Tanggal Transaksi',
    'Tanggal Pesanan', 'Tgl Transaksi', 'Tanggal Order', 'Tanggal Faktur', 'Tanggal Penjualan', 'Purchase Date',
    'Sale Date', 'Sales Date', 'Order Datetime', 'Transaction Time', 'Timestamp', 'Waktu', 'Invoice Datetime',
  ],
  weak: ['Day', 'Hari', 'Time', 'Created', 'Created At', 'Order Time', 'Ship Date', 'Tanggal Kirim'],
};

const AMOUNT: RoleAliases = {
  strong: [
    'Amount', 'Revenue', 'Sales', 'Total', 'Net Sales', 'Value', 'Pendapatan', 'Penjualan', 'Nilai',
    'Sales Amount', 'Total Amount', 'Order Total', 'Order Value', 'Grand Total', 'Gross Sales', 'Subtotal',
    'Line Total', 'Total Sales', 'Total Revenue', 'Net Revenue', 'Omzet', 'Omset', 'Total Harga', 'Nominal',
    'Total Penjualan', 'Total Pendapatan', 'Nilai Penjualan', 'Turnover', 'Total Bayar', 'Dollar Value',
  ],
  weak: ['Jumlah', 'Price', 'Harga', 'Income', 'Pemasukan', 'Payment', 'Pembayaran'],
  exclude: [...NOT_MONEY, 'qty', 'quantity', 'kuantitas', 'count', 'cost', 'biaya', 'hpp'],
};

const ORDER_ID: RoleAliases = {
  strong: [
    'Order ID', 'Invoice', 'Order No', 'No Faktur', 'No Pesanan', 'Order Number', 'Invoice No', 'Invoice Number',
    'Invoice ID', 'Transaction ID', 'Order', 'No Invoice', 'Nomor Faktur', 'Nomor Pesanan', 'ID Pesanan',
    'ID Transaksi', 'No Transaksi', 'Nomor Transaksi', 'Kode Transaksi', 'Receipt', 'Receipt No', 'Faktur',
  ],
  weak: ['ID', 'Ref', 'Reference', 'No', 'Nomor'],
};

const CUSTOMER: RoleAliases = {
  strong: [
    'Customer', 'Client', 'Account', 'Customer ID', 'Pelanggan', 'Konsumen', 'Customer Name', 'Nama Pelanggan',
    'ID Pelanggan', 'Kode Pelanggan', 'Nama Konsumen', 'Buyer', 'Pembeli', 'Client Name', 'Client ID',
    'Account Name', 'Account ID', 'Customer Email', 'Customer Code',
  ],
  weak: ['Name', 'Nama', 'Email', 'Company', 'Perusahaan'],
};

const QUANTITY: RoleAliases = {
  strong: [
    'Quantity', 'Qty', 'Units', 'Kuantitas', 'Jumlah Barang', 'Jml', 'Jml Barang', 'Unit', 'Pcs', 'Banyaknya',
    'Jumlah Unit', 'Qty Sold', 'Units Sold', 'Quantity Ordered', 'Number of CDs', 'Kuantiti', 'Kuantitas Barang',
  ],
  weak: ['Count', 'Volume', 'Jumlah Item', 'Items'],
  exclude: ['price', 'harga', 'cost', 'biaya', 'amount', 'value', 'nilai', 'total', 'revenue', 'sales'],
};

const PRODUCT: RoleAliases = {
  strong: [
    'Product', 'Item', 'SKU', 'Produk', 'Barang', 'Product Name', 'Nama Produk', 'Nama Barang', 'Item Name',
    'Kode Barang', 'Kode Produk', 'Product ID', 'Item ID', 'Product Code', 'Article', 'Menu',
  ],
  weak: ['Description', 'Deskripsi', 'Model', 'Layanan', 'Service'],
};

const CATEGORY: RoleAliases = {
  strong: ['Category', 'Kategori', 'Product Category', 'Kategori Produk', 'Kategori Barang', 'Product Line', 'Jenis'],
  weak: ['Type', 'Tipe', 'Group', 'Kelompok', 'Department', 'Departemen', 'Class', 'Brand', 'Merek'],
};

const REGION: RoleAliases = {
  strong: ['Region', 'Area', 'Territory', 'Wilayah', 'Daerah', 'Kota', 'City', 'Sales Region', 'Provinsi', 'Province'],
  weak: ['State', 'Country', 'Negara', 'Cabang', 'Branch', 'Location', 'Lokasi', 'Store', 'Toko', 'Market', 'Office'],
};

const REP: RoleAliases = {
  strong: [
    'Rep', 'Sales Rep', 'Salesperson', 'Sales Agent', 'Owner', 'Tenaga Penjual', 'Sales Person', 'Salesman',
    'Sales Representative', 'Account Manager', 'Account Executive', 'Agent', 'Seller', 'Penjual', 'Nama Sales',
    'Sales Name', 'Deal Owner', 'Opportunity Owner', 'Lead Owner', 'Sales Manager',
  ],
  weak: ['Sales', 'Marketing', 'Employee', 'Karyawan', 'Pegawai', 'Staff', 'Assigned To', 'PIC'],
};

const CHANNEL: RoleAliases = {
  strong: [
    'Channel', 'Source', 'Campaign', 'Kanal', 'Saluran', 'Sales Channel', 'Marketing Channel', 'Platform',
    'Medium', 'UTM Source', 'UTM Medium', 'UTM Campaign', 'Sumber', 'Media', 'Saluran Penjualan', 'Kampanye',
  ],
  weak: ['Marketplace', 'Referral', 'Acquisition'],
};

const SEGMENT: RoleAliases = {
  strong: ['Segment', 'Segmen', 'Customer Segment', 'Customer Type', 'Tipe Pelanggan', 'Jenis Pelanggan', 'Tier'],
  weak: ['Customer Group', 'Kelompok Pelanggan', 'Membership', 'Level'],
};

const COST: RoleAliases = {
  strong: [
    'Cost', 'COGS', 'HPP', 'Biaya', 'Cost of Goods Sold', 'Harga Pokok', 'Harga Pokok Penjualan', 'Total Cost',
    'Modal', 'Cost of Sales', 'Harga Modal',
  ],
  weak: ['Unit Cost', 'Expense', 'Beban'],
  exclude: NOT_MONEY,
};

const PIPELINE_VALUE: RoleAliases = {
  strong: [
    'Value', 'Amount', 'Close Value', 'Deal Value', 'Nilai', 'Deal Amount', 'Opportunity Value', 'Deal Size',
    'Nilai Deal', 'Nilai Proyek', 'Revenue', 'Nominal', 'Contract Value',
  ],
  weak: ['Expected Revenue', 'Estimated Value', 'Potential Value', 'Total', 'Jumlah'],
};

const SPEND_DATE: RoleAliases = {
  strong: [...DATE.strong, 'Period', 'Periode', 'Month', 'Bulan', 'Week', 'Minggu'],
  weak: [...(DATE.weak ?? []), 'Year', 'Tahun'],
};

/** Aliases by table kind and role; roles not listed for a kind are not part of it. */
export const ROLE_ALIASES: { readonly [K in TableKind]: Partial<Record<ColumnRole, RoleAliases>> } = {
  orders: {
    date: DATE, amount: AMOUNT, order_id: ORDER_ID, customer: CUSTOMER, quantity: QUANTITY, product: PRODUCT,
    category: CATEGORY, region: REGION, rep: REP, channel: CHANNEL, segment: SEGMENT, cost: COST,
  },
  pipeline: {
    created: {
      strong: [
        'Created', 'Create Date', 'Engage Date', 'Open Date', 'Tanggal Dibuat', 'Created Date', 'Created At',
        'Creation Date', 'Date Created', 'Lead Date', 'Opened', 'Opened Date', 'Tanggal Masuk', 'Tanggal Buka',
        'Start Date', 'Tanggal Mulai', 'Engaged', 'Lead Created',
      ],
      weak: ['Date', 'Tanggal', 'Tgl'],
    },
    closed: {
      strong: [
        'Close Date', 'Closed', 'Tanggal Tutup', 'Closed Date', 'Closing Date', 'Closed At', 'Date Closed',
        'Won Date', 'Tanggal Closing', 'Tanggal Selesai', 'Close', 'Tgl Tutup',
      ],
      weak: ['Expected Close Date', 'End Date', 'Tanggal Akhir'],
    },
    status: {
      strong: [
        'Status', 'Stage', 'Deal Stage', 'Tahap', 'Tahapan', 'Outcome', 'Result', 'Hasil', 'Pipeline Stage',
        'Opportunity Stage', 'Lead Status', 'Sales Stage', 'Deal Status', 'Status Deal',
      ],
      weak: ['Phase', 'Fase', 'State'],
    },
    value: PIPELINE_VALUE,
    id: {
      strong: [
        'Opportunity ID', 'Deal ID', 'Lead ID', 'ID', 'Opportunity', 'Deal', 'Lead', 'Deal Name', 'Opportunity Name',
        'ID Peluang', 'ID Prospek', 'Kode Deal',
      ],
      weak: ['No', 'Nomor', 'Name', 'Nama', 'Ref'],
    },
    rep: REP,
    source: {
      strong: ['Source', 'Lead Source', 'Sumber', 'Channel', 'Campaign', 'Kanal', 'Sumber Lead', 'Sumber Prospek', 'Origin'],
      weak: ['Medium', 'Media', 'Referral', 'Saluran'],
    },
    region: REGION,
  },
  spend: {
    date: SPEND_DATE,
    spend: {
      strong: [
        'Spend', 'Cost', 'Budget', 'Biaya', 'Belanja', 'Ad Spend', 'Marketing Spend', 'Biaya Iklan', 'Belanja Iklan',
        'Anggaran', 'Total Spend', 'Pengeluaran', 'Biaya Marketing', 'Biaya Pemasaran',
      ],
      weak: ['Amount', 'Expense', 'Nilai', 'Jumlah', 'Total'],
    },
    channel: CHANNEL,
  },
  targets: {
    metric: { strong: ['Metric', 'KPI', 'Metrik', 'Measure', 'Indikator', 'Ukuran'], weak: ['Name', 'Nama'] },
    period: {
      strong: ['Period', 'Periode', 'Quarter', 'Kuartal', 'Month', 'Bulan', 'Year', 'Tahun', 'Kuartal'],
      weak: ['Date', 'Tanggal', 'Week', 'Minggu'],
    },
    target: {
      strong: ['Target', 'Goal', 'Sasaran', 'Quota', 'Kuota', 'Plan', 'Rencana', 'Target Value', 'Nilai Target'],
      weak: ['Budget', 'Anggaran', 'Value', 'Nilai'],
    },
    rep: REP,
    region: REGION,
  },
};
