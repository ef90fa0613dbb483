/**
 * The pane's settings, goals and figures in the workbook's configuration and back: what the pane
 * shows when a workbook opens (also one built by the command line) and what the jobs read.
 */
import { parsePeriodKey, calendarOf } from '../core/periods';
import { isMetricId, type MetricId } from '../core/metrics';
import type { SalesMetricsConfig } from '../sheets/config';
import {
  savedBuildSettings,
  savedCurrency,
  savedFigures,
  savedGoals,
  withBuildSettings,
  withCurrency,
  withFigures,
  withGoals,
} from '../sheets/config-records';
import { savedPipelineSettings, withPipelineSettings } from '../sheets/pipeline-settings';
import type { Mapping } from '../core/table';
import { SIDE_KINDS, type SideChoice } from './side-tables';
import { DEFAULT_SETTINGS, type GoalRow, type OwnFigure, type PaneState } from './model';

/**
 * The pane's state as the configuration holds it (defaults for what it does not).
 * @example const state = paneStateOf((await gateway.readConfig()));
 */
export function paneStateOf(config: SalesMetricsConfig): PaneState {
  const build = savedBuildSettings(config);
  const currency = savedCurrency(config);
  const pipeline = savedPipelineSettings(config);
  const calendar = calendarOf({
    fiscalYearStartMonth: build.fiscalYearStartMonth,
    weekStartsOn: build.weekStartsOn as 1,
  });
  const goals: GoalRow[] = savedGoals(config, calendar)
    .goals.filter((g) => isMetricId(g.metric))
    .map((g, i) => ({
      id: `saved-${i}`,
      metric: g.metric as MetricId,
      period: g.period.key,
      ...(g.scope ? { scope: g.scope } : {}),
      target: g.target,
      ...(g.notes ? { basis: g.notes } : {}),
    }));
  const figures: OwnFigure[] = savedFigures(config)
    .filter((f) => isMetricId(f.metric))
    .map((f, i) => ({
      id: `figure-${i}`,
      metric: f.metric as MetricId,
      value: f.value,
      kind: f.kind,
      source: f.source,
    }));
  return {
    settings: {
      ...DEFAULT_SETTINGS,
      unit: build.unit,
      periods: build.periods,
      fiscalYearStartMonth: build.fiscalYearStartMonth,
      weekStartsOn: build.weekStartsOn,
      ...(build.asOf ? { asOf: build.asOf } : {}),
      ...(build.dimensions ? { dimensions: build.dimensions } : {}),
      ...(build.industry ? { industry: build.industry } : {}),
      ...(currency !== undefined ? { currency } : {}),
      ...(pipeline.includeStale !== undefined ? { includeStale: pipeline.includeStale } : {}),
      ...(pipeline.staleMultiple !== undefined ? { staleMultiple: pipeline.staleMultiple } : {}),
    },
    goals,
    figures,
  };
}

/** Where the orders and side tables are and how their columns map, as the pane chose them. */
export interface SourceChoice {
  readonly orders?: { readonly source: string; readonly mapping?: Mapping };
  readonly side?: SideChoice;
}

/**
 * The configuration with the pane's state (and its source choice) saved; goals whose period does
 * not read in the calendar are left out.
 */
export function configWithPaneState(
  config: SalesMetricsConfig,
  state: PaneState,
  sources: SourceChoice = {},
): SalesMetricsConfig {
  const s = state.settings;
  const calendar = calendarOf({
    fiscalYearStartMonth: s.fiscalYearStartMonth,
    weekStartsOn: s.weekStartsOn as 1,
  });
  let out = withBuildSettings(config, {
    unit: s.unit,
    periods: s.periods,
    fiscalYearStartMonth: s.fiscalYearStartMonth,
    weekStartsOn: s.weekStartsOn,
    ...(s.industry ? { industry: s.industry } : {}),
    ...(s.asOf ? { asOf: s.asOf } : {}),
    ...(s.dimensions ? { dimensions: [...s.dimensions] } : {}),
  });
  if (s.includeStale !== undefined || s.staleMultiple !== undefined)
    out = withPipelineSettings(out, {
      ...(s.includeStale !== undefined ? { includeStale: s.includeStale } : {}),
      ...(s.staleMultiple !== undefined ? { staleMultiple: s.staleMultiple } : {}),
    });
  out =
    s.currency === undefined
      ? { ...out, settings: { ...(out.settings ?? {}), currency: undefined } }
      : withCurrency(out, s.currency);
  const goals = state.goals.flatMap((row) => {
    const period = parsePeriodKey(row.period, calendar);
    if (!period) return [];
    return [
      {
        id: row.id,
        metric: row.metric,
        period,
        target: row.target,
        ...(row.scope ? { scope: row.scope } : {}),
        ...(row.basis ? { notes: row.basis } : {}),
        basis: { kind: 'number' as const },
      },
    ];
  });
  out = withGoals(out, goals, 'the task pane');
  out = withFigures(
    out,
    state.figures.map((f) => ({ metric: f.metric, value: f.value, kind: f.kind, source: f.source })),
  );
  const mappings: Record<string, unknown> = { ...out.mappings };
  const where: Record<string, string> = { ...(out.mappings.sources ?? {}) };
  if (sources.orders) {
    where.orders = sources.orders.source;
    if (sources.orders.mapping) mappings.orders = sources.orders.mapping;
  }
  for (const kind of SIDE_KINDS) {
    const chosen = sources.side?.[kind];
    if (chosen === undefined) continue;
    if (chosen === null) delete where[kind];
    else where[kind] = chosen.source;
    if (chosen?.mapping) mappings[kind] = chosen.mapping;
    else delete mappings[kind];
  }
  return { ...out, mappings: { ...mappings, sources: where } };
}
