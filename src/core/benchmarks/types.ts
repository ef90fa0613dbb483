/**
 * Benchmarks: figures to compare a metric with — the built-in industry library, the user's own
 * figures and competitors' figures all share one shape.
 */

/** Units a benchmark figure can be in. A `ratio` is a fraction (0.03 = 3 %). */
export const BENCHMARK_UNITS = ['ratio', 'multiple', 'months', 'days', 'count', 'currency'] as const;
export type BenchmarkUnit = (typeof BENCHMARK_UNITS)[number];

/** Periods a rate can be measured over (monthly vs yearly churn differ hugely). */
export const BENCHMARK_PERIODS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type BenchmarkPeriod = (typeof BENCHMARK_PERIODS)[number];

/** A typical value, or a range (either end may be open). */
export interface BenchmarkRange {
  readonly value?: number;
  readonly min?: number;
  readonly max?: number;
}

export interface BenchmarkEntry extends BenchmarkRange {
  /** Metric id of the catalogue (`conversion_rate`, `ltv_cac`…). */
  readonly metric: string;
  readonly unit: BenchmarkUnit;
  /** Publisher and publication; required in the library, optional for the user's own figures. */
  readonly source?: string;
  readonly year?: number;
  /** How the source's definition differs from the add-in's. */
  readonly note?: string;
  readonly url?: string;
  /** The period a rate is measured over, when it matters. */
  readonly period?: BenchmarkPeriod;
}

export interface LocalizedName {
  readonly en: string;
  readonly id: string;
}

export interface BenchmarkIndustry {
  readonly id: string;
  readonly name: LocalizedName;
  readonly metrics: readonly BenchmarkEntry[];
}

/** The shape of `library.json`. */
export interface BenchmarkLibrary {
  readonly version: number;
  /** `YYYY-MM` of the last review of the figures. */
  readonly updated: string;
  readonly industries: readonly BenchmarkIndustry[];
}

export type BenchmarkSetKind = 'library' | 'own' | 'competitor';

/** A named group of figures: an industry preset, the user's own targets, or a competitor. */
export interface BenchmarkSet {
  readonly id: string;
  readonly name: string;
  readonly kind: BenchmarkSetKind;
  readonly metrics: readonly BenchmarkEntry[];
}
