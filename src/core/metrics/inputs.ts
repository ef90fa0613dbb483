/**
 * What every metric computation takes: the tables, the as-of date and the calendar.
 */
import type { Calendar } from '../periods';
import type { OrdersTable, PipelineTable, SpendTable } from '../table';

export interface MetricInputs {
  readonly orders?: OrdersTable;
  readonly pipeline?: PipelineTable;
  readonly spend?: SpendTable;
}

export interface MetricOptions {
  /** The as-of epoch day: rows dated after it are ignored, and "to date" never goes past it. */
  readonly asOf: number;
  /** Week start and fiscal year; defaults to ISO weeks and calendar years. */
  readonly calendar?: Calendar;
  /** Cap on the expected customer lifespan in CLV (years, default 10). */
  readonly lifespanCapYears?: number;
}

/** A half-open day range [start, end) with the key used in reasons (`2026-11`). */
export interface MetricWindow {
  readonly start: number;
  readonly end: number;
  readonly key: string;
}
