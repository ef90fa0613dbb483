/**
 * What the configuration remembers between refreshes, read and written as plain JSON: the goals a
 * build was given (so a later review keeps the goal pace without the Targets file), the history of
 * refreshes (for the measurement schedule), and the currency of money figures.
 */
import type { Currency } from '../core/currency';
import { currencyFromSetting } from '../core/currency';
import type { Goal, GoalBasis, GoalScope } from '../core/goals';
import { goalId } from '../core/goals';
import type { Calendar } from '../core/periods';
import type { PeriodUnit } from '../core/periods';
import { formatDay, parseDay, parsePeriodKey, parsePeriodUnit } from '../core/periods';
import type { RefreshRecord } from '../core/schedule';
import type { SalesMetricsConfig } from './config';

/** Refreshes kept in the history (a year of daily refreshes and then some). */
export const HISTORY_LIMIT = 400;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A stored refresh: when, what the sheet was, and the metrics it refreshed. */
export interface StoredRefresh {
  /** `YYYY-MM-DD` of the refresh (the clock's day, not the as-of day). */
  readonly day: string;
  /** `YYYY-MM-DD HH:mm`. */
  readonly at?: string;
  readonly sheet?: string;
  readonly metrics: readonly string[];
}

/**
 * The refresh history as schedule records, oldest first. Checks recorded by older versions
 * (`cadences.lastChecked`: metric → day) count as refreshes of those metrics on those days.
 */
export function refreshHistory(config: SalesMetricsConfig): RefreshRecord[] {
  const out: RefreshRecord[] = [];
  const stored = config.cadences.refreshes;
  if (Array.isArray(stored)) {
    for (const entry of stored) {
      if (!isRecord(entry) || typeof entry.day !== 'string' || !Array.isArray(entry.metrics)) continue;
      const day = parseDay(entry.day);
      if (day === null) continue;
      out.push({ day, metrics: entry.metrics.filter((m): m is string => typeof m === 'string') });
    }
  }
  const legacy = config.cadences.lastChecked;
  if (isRecord(legacy)) {
    for (const [metric, text] of Object.entries(legacy)) {
      const day = typeof text === 'string' ? parseDay(text) : null;
      if (day !== null) out.push({ day, metrics: [metric] });
    }
  }
  return out.sort((a, b) => a.day - b.day);
}

/** The configuration with one more refresh in its history (the oldest dropped past the limit). */
export function withRefresh(config: SalesMetricsConfig, refresh: StoredRefresh): SalesMetricsConfig {
  const stored = Array.isArray(config.cadences.refreshes) ? (config.cadences.refreshes as unknown[]) : [];
  const refreshes = [...stored, refresh].slice(-HISTORY_LIMIT);
  return { ...config, cadences: { ...config.cadences, refreshes } };
}

/** A goal as stored: its period by key, so it reads back in the workbook's calendar. */
interface StoredGoal {
  readonly metric: string;
  readonly period: string;
  readonly target: number;
  readonly scope?: GoalScope;
  readonly notes?: string;
  readonly basis?: GoalBasis;
}

/** The configuration with these goals saved (replacing earlier saved goals). */
export function withGoals(
  config: SalesMetricsConfig,
  goals: readonly Goal[],
  source: string,
): SalesMetricsConfig {
  const list: StoredGoal[] = goals.map((goal) => ({
    metric: goal.metric,
    period: goal.period.key,
    target: goal.target,
    ...(goal.scope ? { scope: goal.scope } : {}),
    ...(goal.notes ? { notes: goal.notes } : {}),
    basis: goal.basis,
  }));
  return { ...config, goals: { ...config.goals, list, source } };
}

/**
 * The goals saved in the configuration, read in `calendar`; entries that no longer read (a bad
 * period key, a target that is not a finite number) are left out and counted.
 */
export function savedGoals(
  config: SalesMetricsConfig,
  calendar: Calendar,
): { goals: Goal[]; skipped: number; source?: string } {
  const list = config.goals.list;
  if (!Array.isArray(list)) return { goals: [], skipped: 0 };
  const goals: Goal[] = [];
  let skipped = 0;
  for (const entry of list) {
    const period = isRecord(entry) ? parsePeriodKey(entry.period, calendar) : null;
    if (
      !isRecord(entry) ||
      typeof entry.metric !== 'string' ||
      !period ||
      typeof entry.target !== 'number' ||
      !Number.isFinite(entry.target)
    ) {
      skipped++;
      continue;
    }
    const scope = isRecord(entry.scope)
      ? {
          ...(typeof entry.scope.rep === 'string' ? { rep: entry.scope.rep } : {}),
          ...(typeof entry.scope.region === 'string' ? { region: entry.scope.region } : {}),
        }
      : undefined;
    const scoped = scope && Object.keys(scope).length > 0 ? scope : undefined;
    goals.push({
      id: goalId(entry.metric, period, scoped),
      metric: entry.metric,
      period,
      target: entry.target,
      ...(scoped ? { scope: scoped } : {}),
      ...(typeof entry.notes === 'string' ? { notes: entry.notes } : {}),
      basis:
        isRecord(entry.basis) && typeof entry.basis.kind === 'string'
          ? (entry.basis as unknown as GoalBasis)
          : { kind: 'number' },
    });
  }
  return {
    goals,
    skipped,
    ...(typeof config.goals.source === 'string' ? { source: config.goals.source } : {}),
  };
}

/** The currency saved in the configuration, if any; `null` when people chose none. */
export function savedCurrency(config: SalesMetricsConfig): Currency | null | undefined {
  const value = config.settings?.currency;
  if (value === null) return null;
  return currencyFromSetting(value);
}

/** The configuration with the currency saved (`null`: none, explicitly). */
export function withCurrency(config: SalesMetricsConfig, currency: Currency | null): SalesMetricsConfig {
  return { ...config, settings: { ...(config.settings ?? {}), currency } };
}

/** Today's refresh record for the history. */
export function refreshRecord(refreshedAt: string, sheet: string, metrics: readonly string[]): StoredRefresh {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(refreshedAt)?.[0] ?? formatDay(0);
  return { day, at: refreshedAt, sheet, metrics: [...metrics] };
}

/** How the dashboard was built: what a refresh without the command line's flags uses again. */
export interface BuildSettings {
  readonly unit: PeriodUnit;
  readonly periods: number;
  /** The benchmark industry's id, if any. */
  readonly industry?: string;
  readonly fiscalYearStartMonth: number;
  readonly weekStartsOn: number;
  /** A fixed as-of day (`YYYY-MM-DD`); absent: the day of the refresh. */
  readonly asOf?: string;
  /** Breakdown dimensions; absent: every one the orders have. */
  readonly dimensions?: readonly string[];
}

/** The configuration with the build settings saved. */
export function withBuildSettings(config: SalesMetricsConfig, settings: BuildSettings): SalesMetricsConfig {
  return { ...config, settings: { ...(config.settings ?? {}), build: settings } };
}

/** The build settings saved at the last build, each value checked; defaults for what is missing. */
export function savedBuildSettings(config: SalesMetricsConfig): BuildSettings {
  const raw = config.settings?.build;
  const record = isRecord(raw) ? raw : {};
  const unit = parsePeriodUnit(record.unit) ?? 'month';
  const int = (value: unknown, min: number, max: number, fallback: number) =>
    Number.isInteger(value) && (value as number) >= min && (value as number) <= max
      ? (value as number)
      : fallback;
  const asOf = typeof record.asOf === 'string' && parseDay(record.asOf) !== null ? record.asOf : undefined;
  const dimensions = Array.isArray(record.dimensions)
    ? record.dimensions.filter((d): d is string => typeof d === 'string')
    : undefined;
  return {
    unit,
    periods: int(record.periods, 2, 120, 12),
    ...(typeof record.industry === 'string' ? { industry: record.industry } : {}),
    fiscalYearStartMonth: int(record.fiscalYearStartMonth, 1, 12, 1),
    weekStartsOn: int(record.weekStartsOn, 1, 7, 1),
    ...(asOf ? { asOf } : {}),
    ...(dimensions ? { dimensions } : {}),
  };
}

/** A benchmark figure people entered: their own target or a competitor's. */
export interface SavedFigure {
  readonly metric: string;
  readonly value: number;
  readonly kind: 'own' | 'competitor';
  readonly source: string;
}

/** The configuration with these figures saved (replacing earlier ones). */
export function withFigures(config: SalesMetricsConfig, figures: readonly SavedFigure[]): SalesMetricsConfig {
  return { ...config, benchmarks: { ...config.benchmarks, figures: figures.map((f) => ({ ...f })) } };
}

/** The figures saved in the configuration; malformed entries are left out. */
export function savedFigures(config: SalesMetricsConfig): SavedFigure[] {
  const list = config.benchmarks.figures;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (f): f is SavedFigure =>
      isRecord(f) &&
      typeof f.metric === 'string' &&
      typeof f.value === 'number' &&
      Number.isFinite(f.value) &&
      (f.kind === 'own' || f.kind === 'competitor') &&
      typeof f.source === 'string',
  );
}
