/**
 * Goals from a Targets table in the workbook (docs/metrics.md roles: metric, period, target, rep, region).
 * Rows that cannot be used are reported with their row number; nothing is dropped silently.
 */
import type { Calendar } from '../periods';
import { DEFAULT_CALENDAR, parsePeriodKey } from '../periods';
import type { TargetsTable } from '../table';
import { goalId } from './targets';
import type { Goal, GoalScope } from './types';

export interface TargetRowProblem {
  /** Row number as the user sees it (header included). */
  readonly row: number;
  readonly reason: string;
}

export interface GoalsFromTargets {
  readonly goals: Goal[];
  readonly problems: TargetRowProblem[];
}

export interface TargetsOptions {
  /** Known metric ids; when given, other ids are reported. */
  readonly metrics?: readonly string[];
}

/**
 * Normalises a metric name as typed: trimmed, lower case, spaces and dashes as `_`
 * (`"Win Rate"` → `win_rate`).
 */
export function normaliseMetricId(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/**
 * Reads every row of a Targets table into a goal. A goal period must be a year, quarter, month
 * or week key that `parsePeriodKey` reads in `calendar`; a second row for the same metric, period
 * and scope is reported as a duplicate (the first one wins).
 * @example goalsFromTargets(targets, calendarOf({ fiscalYearStartMonth: 7 })).goals[0].id // 'revenue|FY2027'
 */
export function goalsFromTargets(
  table: TargetsTable,
  calendar: Calendar = DEFAULT_CALENDAR,
  options: TargetsOptions = {},
): GoalsFromTargets {
  const known = options.metrics ? new Set(options.metrics) : null;
  const goals: Goal[] = [];
  const problems: TargetRowProblem[] = [];
  const seen = new Map<string, number>();

  for (const row of table.rows) {
    const problem = (reason: string) => problems.push({ row: row.sourceRow, reason });
    const metric = typeof row.metric === 'string' ? normaliseMetricId(row.metric) : '';
    if (metric === '') {
      problem('the metric is blank');
      continue;
    }
    if (known && !known.has(metric)) {
      problem(`unknown metric "${row.metric}"`);
      continue;
    }
    const period = parsePeriodKey(row.period, calendar);
    if (!period) {
      problem(`unreadable period "${String(row.period)}"`);
      continue;
    }
    if (period.unit === 'day') {
      problem(`a goal period must be a year, quarter, month or week, not a day ("${row.period}")`);
      continue;
    }
    if (typeof row.target !== 'number' || !Number.isFinite(row.target)) {
      problem('the target is not a number');
      continue;
    }

    const scope: GoalScope = {
      ...(row.rep?.trim() ? { rep: row.rep.trim() } : {}),
      ...(row.region?.trim() ? { region: row.region.trim() } : {}),
    };
    const hasScope = scope.rep !== undefined || scope.region !== undefined;
    const id = goalId(metric, period, hasScope ? scope : undefined);
    const first = seen.get(id);
    if (first !== undefined) {
      problem(`duplicate of row ${first} (same metric, period and scope)`);
      continue;
    }
    seen.set(id, row.sourceRow);
    goals.push({
      id,
      metric,
      period,
      target: row.target,
      ...(hasScope ? { scope } : {}),
      basis: { kind: 'targets-table', sourceRow: row.sourceRow },
    });
  }
  return { goals, problems };
}
