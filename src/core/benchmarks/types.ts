/**
 * Benchmarks: figures to compare a metric with — the built-in industry library, the user's own
 * figures and competitors' figures all share one shape.
 */

/** Units a benchmark figure can be in. A `ratio` is a fraction (0.03 = 3 %). */
export const BENCHMARK_UNITS = ['ratio', 'multiple', 'months', 'days', 'count', 'currency'] as const;
export type BenchmarkUnit = (typeof BENCHMARK_UNITS)[number];

/**
 * The period a figure was measured over (monthly vs yearly churn differ hugely): a calendar length,
 * `lifetime` (over customers' whole history, like a store's lifetime repeat-buyer share), or `any`
 * (a figure not tied to a period's length: a rate per session, a multiple, months of payback).
 */
export const BENCHMARK_PERIODS = ['day', 'week', 'month', 'quarter', 'year', 'lifetime', 'any'] as const;
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
  /** The year of the publication cited. */
  readonly year?: number;
  /** The year the data describes, when it is not the year cited (a 2025 report of 2024 figures). */
  readonly dataYear?: number;
  /** The caveat: how the source's definition or sample differs from the add-in's. */
  readonly note?: string;
  readonly url?: string;
  /**
   * The period the figure is measured over; required in the library. A user's own figure without
   * one is taken for the period it is compared with.
   */
  readonly period?: BenchmarkPeriod;
  /**
   * What the figure measures, when that is not the add-in's metric (a lifetime repeat-buyer share
   * against a period's repeat rate, orders ÷ sessions against leads won): such a figure is not
   * compared with the metric, and the reason says so.
   */
  readonly measures?: string;
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
