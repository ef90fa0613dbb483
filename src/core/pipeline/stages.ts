/**
 * Stage → win probability, and forecast categories (docs/metrics.md "Pipeline forecast and
 * quota"). The default probabilities follow the standard sales process of the common CRMs
 * (Salesforce's default opportunity stages: Prospecting 10 %, Qualification 10 %, Needs Analysis
 * 20 %, Value Proposition 50 %, Id. Decision Makers 60 %, Perception Analysis 70 %,
 * Proposal/Price Quote 75 %, Negotiation/Review 90 %), with the usual short names and their
 * Indonesian equivalents placed on the same steps. The configuration can override any of them
 * and add its own stages.
 */
import { normalizeHeader } from '../ingest/headers';

/**
 * Forecast categories of an open deal (`pipeline` < `best_case` < `commit`), `omitted` for a deal
 * the sheet leaves out of the forecast, and `closed` for the won deals of the period.
 */
export const FORECAST_CATEGORIES = ['pipeline', 'best_case', 'commit', 'omitted', 'closed'] as const;
export type ForecastCategory = (typeof FORECAST_CATEGORIES)[number];
/** The categories an open deal can fall in; their values add up to the open pipeline. */
export const OPEN_CATEGORIES = ['pipeline', 'best_case', 'commit', 'omitted'] as const;
export type OpenCategory = (typeof OPEN_CATEGORIES)[number];

/** Category labels for sheets, English and Indonesian. */
export const CATEGORY_LABELS: { readonly [K in ForecastCategory]: { en: string; id: string } } = {
  pipeline: { en: 'Pipeline', id: 'Pipeline' },
  best_case: { en: 'Best case', id: 'Kasus terbaik' },
  commit: { en: 'Commit', id: 'Komitmen' },
  omitted: { en: 'Omitted', id: 'Dikecualikan' },
  closed: { en: 'Closed (won)', id: 'Ditutup (menang)' },
};

/** Default stage probabilities, by stage name as people write it (compared like headers). */
export const DEFAULT_STAGE_PROBABILITIES: Readonly<Record<string, number>> = {
  // English
  lead: 0.05,
  new: 0.05,
  prospecting: 0.1,
  prospect: 0.1,
  contacted: 0.1,
  qualification: 0.1,
  qualifying: 0.1,
  qualified: 0.2,
  'needs analysis': 0.2,
  discovery: 0.2,
  demo: 0.5,
  'value proposition': 0.5,
  'id decision makers': 0.6,
  'perception analysis': 0.7,
  proposal: 0.75,
  'proposal sent': 0.75,
  'proposal price quote': 0.75,
  quote: 0.75,
  quoted: 0.75,
  negotiation: 0.9,
  negotiating: 0.9,
  'negotiation review': 0.9,
  commit: 0.9,
  'verbal commit': 0.9,
  'closed won': 1,
  won: 1,
  'closed lost': 0,
  lost: 0,
  // Indonesian (`proposal` is the same word)
  baru: 0.05,
  prospek: 0.1,
  kualifikasi: 0.1,
  'analisis kebutuhan': 0.2,
  presentasi: 0.5,
  demonstrasi: 0.5,
  penawaran: 0.75,
  negosiasi: 0.9,
  komitmen: 0.9,
  menang: 1,
  kalah: 0,
};

/** A stage → probability table keyed by normalised stage name. */
export type StageTable = ReadonlyMap<string, number>;

/**
 * The stage table in use: the defaults, with `overrides` (stage name → probability 0–1, or a
 * percentage above 1) replacing or adding entries. Overrides outside 0–100 are returned as
 * problems and left out.
 * @example stageTable({ Proposal: 0.4, 'Tahap Demo': 35 }).table.get('proposal') // 0.4
 */
export function stageTable(overrides: Readonly<Record<string, unknown>> = {}): {
  table: StageTable;
  problems: string[];
} {
  const table = new Map<string, number>();
  for (const [name, p] of Object.entries(DEFAULT_STAGE_PROBABILITIES)) table.set(normalizeHeader(name), p);
  const problems: string[] = [];
  for (const [name, raw] of Object.entries(overrides)) {
    const p = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw.replace('%', '')) : NaN;
    const key = normalizeHeader(name);
    if (key === '' || !(p >= 0 && p <= 100)) {
      problems.push(`stage probability "${name}": ${String(raw)} is not a probability (0–1 or 0–100 %)`);
      continue;
    }
    table.set(key, p > 1 || (typeof raw === 'string' && raw.includes('%')) ? p / 100 : p);
  }
  return { table, problems };
}

const DEFAULT_TABLE = stageTable().table;

/**
 * The probability of a stage name, or `undefined` when the table does not know it.
 * @example stageProbability('Negosiasi') // 0.9
 */
export function stageProbability(stage: string, table: StageTable = DEFAULT_TABLE): number | undefined {
  return table.get(normalizeHeader(stage));
}

const CATEGORY_ALIASES: Readonly<Record<string, ForecastCategory>> = Object.fromEntries(
  (
    [
      ['pipeline', ['pipeline', 'pipe', 'upside pipeline', 'saluran']],
      [
        'best_case',
        ['best case', 'bestcase', 'upside', 'probable', 'kasus terbaik', 'terbaik', 'berpeluang'],
      ],
      ['commit', ['commit', 'committed', 'forecast', 'komit', 'komitmen', 'pasti']],
      ['omitted', ['omitted', 'omit', 'excluded', 'dikecualikan', 'tidak dihitung']],
      ['closed', ['closed', 'closed won', 'won', 'ditutup', 'menang', 'selesai']],
    ] as const
  ).flatMap(([category, names]) => names.map((name) => [normalizeHeader(name), category])),
);

/**
 * The category a forecast-category cell names (English or Indonesian), or `undefined`.
 * @example categoryFromText('Best Case') // 'best_case'
 * @example categoryFromText('Komit') // 'commit'
 */
export function categoryFromText(text: string): ForecastCategory | undefined {
  return CATEGORY_ALIASES[normalizeHeader(text)];
}

/** Probability thresholds of the categories an open deal falls in without a category column. */
export const CATEGORY_THRESHOLDS = { commit: 0.9, best_case: 0.7 } as const;

/**
 * The category of an open deal from its probability: commit from 90 %, best case from 70 %,
 * pipeline below (and when the probability is unknown).
 * @example categoryOfProbability(0.75) // 'best_case'
 */
export function categoryOfProbability(p: number | undefined): OpenCategory {
  if (p === undefined || !(p >= 0)) return 'pipeline';
  if (p >= CATEGORY_THRESHOLDS.commit) return 'commit';
  if (p >= CATEGORY_THRESHOLDS.best_case) return 'best_case';
  return 'pipeline';
}
