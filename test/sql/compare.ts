/**
 * Test helper: two routes' values compared metric by metric — counts exactly, other numbers to
 * 1e-9 relative, errors by code and reason.
 */
import type { MetricValue } from '../../src/core/errors';
import { isMetricError } from '../../src/core/errors';
import type { MetricId } from '../../src/core/metrics';
import { getMetric } from '../../src/core/metrics';

const EXACT = new Set(['count']);

/** Differences as readable lines (empty when the values agree). */
export function differences(
  ids: readonly string[],
  expected: readonly (readonly MetricValue[])[],
  actual: readonly (readonly MetricValue[])[],
  label: (row: number) => string = (row) => `row ${row}`,
): string[] {
  const out: string[] = [];
  expected.forEach((row, r) =>
    row.forEach((want, m) => {
      const got = actual[r]?.[m];
      const id = ids[m];
      const where = `${label(r)} ${id}`;
      if (isMetricError(want) || isMetricError(got)) {
        if (
          !isMetricError(want) ||
          !isMetricError(got) ||
          want.error !== got.error ||
          want.reason !== got.reason
        )
          out.push(`${where}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
        return;
      }
      const exact = EXACT.has(unitOf(id));
      const ok = exact
        ? want === got
        : Math.abs(want - (got as number)) <= 1e-9 * Math.max(1, Math.abs(want));
      if (!ok) out.push(`${where}: expected ${want}, got ${got}`);
    }),
  );
  return out;
}

function unitOf(id: string): string {
  try {
    return getMetric(id as MetricId).unit;
  } catch {
    return 'number';
  }
}

/**
 * Paths where two JSON documents differ: numbers to 1e-9 relative (1e-9 absolute near 0), the rest
 * exactly.
 */
export function jsonDifferences(expected: unknown, actual: unknown, path = ''): string[] {
  if (typeof expected === 'number' && typeof actual === 'number')
    return Math.abs(expected - actual) <= 1e-9 * Math.max(1, Math.abs(expected))
      ? []
      : [`${path}: expected ${expected}, got ${actual}`];
  if (expected && actual && typeof expected === 'object' && typeof actual === 'object') {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    return [...keys].flatMap((k) =>
      jsonDifferences(
        (expected as Record<string, unknown>)[k],
        (actual as Record<string, unknown>)[k],
        `${path}.${k}`,
      ),
    );
  }
  return JSON.stringify(expected) === JSON.stringify(actual)
    ? []
    : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}
