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
