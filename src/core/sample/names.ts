/** The fixed vocabulary of the sample business: regions, reps, channels, segments, products. */

export const REGIONS = [
  'Jakarta',
  'West Java',
  'East Java',
  'Central Java',
  'Bali',
  'Sumatra',
  'Kalimantan',
  'Sulawesi',
] as const;
/** Relative size of each region's customer base. */
export const REGION_WEIGHTS = [0.24, 0.17, 0.15, 0.12, 0.08, 0.12, 0.06, 0.06];

export const REPS = [
  'Ayu Lestari',
  'Budi Santoso',
  'Citra Dewi',
  'Dimas Pratama',
  'Eka Putri',
  'Fajar Nugroho',
  'Gita Maharani',
  'Hendra Wijaya',
  'Indah Sari',
  'Joko Susilo',
  'Kartika Rahma',
  'Lukas Hartono',
  'Maya Anggraini',
  'Nanda Kusuma',
  'Oka Saputra',
  'Putu Wirawan',
  'Rina Hidayat',
  'Sari Wulandari',
  'Taufik Hakim',
  'Umi Kalsum',
  'Vina Amelia',
  'Wahyu Setiawan',
  'Yanti Susanti',
  'Zaki Ramadhan',
  'Agus Salim',
  'Bella Oktaviani',
  'Cahyo Purnomo',
  'Dewi Kartika',
  'Evan Gunawan',
  'Fitri Handayani',
] as const;

/** Reps per region: six regions have four reps, two have three (30 in all). */
export const REPS_PER_REGION = [4, 4, 4, 4, 3, 4, 3, 4];

export const CHANNELS = [
  'Online Store',
  'Marketplace',
  'Retail',
  'Wholesale',
  'Social Media',
  'Direct Sales',
] as const;
export const CHANNEL_WEIGHTS = [0.26, 0.24, 0.2, 0.1, 0.12, 0.08];

export const SEGMENTS = ['Consumer', 'Small Business', 'Corporate'] as const;
export const SEGMENT_WEIGHTS = [0.6, 0.28, 0.12];

export const CATEGORIES = [
  'Electronics',
  'Home',
  'Kitchen',
  'Garden',
  'Toys',
  'Sports',
  'Beauty',
  'Books',
  'Office',
  'Grocery',
  'Apparel',
  'Automotive',
] as const;

const NOUNS = ['Basic', 'Plus', 'Pro', 'Max', 'Lite', 'Classic', 'Prime', 'Eco', 'Mini', 'Deluxe'];

export interface Product {
  readonly name: string;
  readonly category: number;
  readonly price: number;
  /** Unit cost as a share of price. */
  readonly costRatio: number;
}

/** `count` products spread over the categories, with prices from ~5 to ~900. */
export function makeProducts(count: number, random: () => number): Product[] {
  const products: Product[] = [];
  for (let k = 0; k < count; k++) {
    const category = k % CATEGORIES.length;
    const price = Math.round(Math.exp(1.6 + random() * 5.2) * 100) / 100;
    products.push({
      name: `${CATEGORIES[category]} ${NOUNS[Math.floor(k / CATEGORIES.length) % NOUNS.length]} ${String(k + 1).padStart(3, '0')}`,
      category,
      price,
      costRatio: 0.4 + random() * 0.35,
    });
  }
  return products;
}
