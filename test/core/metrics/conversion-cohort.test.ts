/**
 * Lead conversion as a cohort rule: of the leads created in P old enough to have closed (created at
 * least M days before the as-of day, M = the 90th percentile of days to close of the deals closed
 * to date, won or lost), the share won. Values worked out by hand; M also by a direct sort.
 */
import fc from 'fast-check';
import { breakdown } from '../../../src/core/analyses/breakdown';
import {
  computeMetric,
  computeSuite,
  conversionCohort,
  conversionNote,
  filterInputs,
} from '../../../src/core/metrics';
import { formatDay, parsePeriodKey } from '../../../src/core/periods';
import { day, pipelineTable } from './tables';

/**
 * Ten deals closed by 31 Dec 2026, taking 10, 20, …, 100 days (created 1 Aug … and closed later):
 * the 90th percentile by nearest rank is the 9th of 10, 90 days.
 */
const closedDeals = Array.from({ length: 10 }, (_, k) => {
  const created = day('2026-08-01') + 3 * k;
  return { created, closed: created + 10 * (k + 1), status: k % 2 === 0 ? 'won' : 'lost' } as const;
});
/** Leads of October: 5 Oct won, 10 Oct open; of November: 1 Nov won (closed 20 Nov), 25 Nov open. */
const leads = [
  { created: day('2026-10-05'), closed: day('2026-12-20'), status: 'won' },
  { created: day('2026-10-10'), closed: NaN, status: 'open' },
  { created: day('2026-11-01'), closed: day('2026-11-20'), status: 'won' },
  { created: day('2026-11-25'), closed: NaN, status: 'open' },
] as const;
const all = [...closedDeals, ...leads];
const P = pipelineTable({
  created: all.map((r) => formatDay(r.created)),
  closed: all.map((r) => (Number.isNaN(r.closed) ? null : formatDay(r.closed))),
  status: all.map((r) => r.status),
  rep: all.map((_, i) => (i % 2 === 0 ? 'Ana' : 'Budi')),
});
const months = ['2026-10', '2026-11', '2026-12'].map((k) => parsePeriodKey(k)!);

describe('the age a lead needs', () => {
  test('M is the 90th percentile (nearest rank) of days to close, won or lost, to date', () => {
    // As of 31 Dec: the ten deals (10…100 days), 5 Oct → 20 Dec (76 days), 1 Nov → 20 Nov (19 days).
    // Sorted: 10 19 20 30 40 50 60 70 76 80 90 100 → 12 values, rank ⌈10.8⌉ = 11 → 90.
    expect(conversionCohort(P, day('2026-12-31'))).toEqual({
      closeDays: 90,
      closedDeals: 12,
      lastCreatedDay: day('2026-12-31') - 90,
    });
    expect(conversionNote(P, day('2026-12-31'))).toBe(
      'lead conversion counts the leads created by 2026-10-02 (90 days before 2026-12-31): 90 % of the 12 deals closed to date closed within 90 days',
    );
  });

  test('the cohort of a month counts only its leads old enough; a month with none old enough is #N/A', () => {
    // As of 31 Dec, old enough = created by 2 Oct: October's leads (5 and 10 Oct) are not, yet.
    const v = computeSuite({ pipeline: P }, ['leads', 'conversion_rate'], months, {
      asOf: day('2026-12-31'),
    });
    expect(v.values.map((row) => row[0])).toEqual([2, 2, 0]);
    expect(v.values[0][1]).toEqual({
      error: '#N/A',
      reason: 'leads of 2026-10 are younger than 90 days, the time 90 % of deals take to close',
    });
    expect(v.values[2][1]).toEqual({ error: '#DIV/0!', reason: 'no leads created in 2026-12' });
    // As of 10 Feb 2027 (M still 90: no new closes), leads of 5 and 10 Oct count: 1 won of 2.
    const later = computeSuite({ pipeline: P }, ['conversion_rate'], months, { asOf: day('2027-02-10') });
    expect(later.values[0][0]).toBe(0.5);
    // November: 1 Nov is old enough (by 12 Nov), 25 Nov not → 1 of 1.
    expect(later.values[1][0]).toBe(1);
  });

  test('without any closed deal every lead counts', () => {
    const open = pipelineTable({ created: ['2026-11-01', '2026-11-02'], status: ['won', 'open'] });
    expect(conversionCohort(open, day('2026-11-30')).closeDays).toBeNull();
    expect(computeMetric('conversion_rate', { pipeline: open }, months[1], { asOf: day('2026-11-30') })).toBe(
      0.5,
    );
    expect(conversionNote(open, day('2026-11-30'))).toBe(
      'lead conversion counts every lead: no deal has closed yet to measure how long deals take',
    );
  });

  test("a part of the pipeline (a rep) is judged with the whole pipeline's M", () => {
    const ana = filterInputs({ pipeline: P }, { dimension: 'rep', keys: ['Ana'] });
    expect(conversionCohort(ana.pipeline!, day('2027-02-10')).closeDays).toBe(90);
    const r = breakdown(
      { pipeline: P },
      {
        dimension: 'rep',
        period: months[0],
        asOf: day('2027-02-10'),
        ids: ['leads', 'conversion_rate'],
      },
    );
    // 5 Oct (won) is row 10 (Ana), 10 Oct (open) row 11 (Budi).
    expect(Object.fromEntries(r.rows.map((row) => [row.key, row.values]))).toEqual({
      Ana: [1, 1],
      Budi: [1, 0],
    });
  });

  test('property: M equals a direct sort, and only leads created M days before the as-of day count', () => {
    const opportunity = fc.record({
      created: fc.integer({ min: 0, max: 200 }),
      length: fc.integer({ min: 0, max: 120 }),
      status: fc.constantFrom('won', 'lost', 'open'),
    });
    fc.assert(
      fc.property(
        fc.array(opportunity, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 330 }),
        (rows, at) => {
          const base = day('2026-01-01');
          const table = pipelineTable({
            created: rows.map((r) => formatDay(base + r.created)),
            closed: rows.map((r) => (r.status === 'open' ? null : formatDay(base + r.created + r.length))),
            status: rows.map((r) => r.status),
          });
          const asOf = base + at;
          const closed = rows
            .filter((r) => r.status !== 'open' && r.created <= at && r.created + r.length <= at)
            .map((r) => r.length)
            .sort((a, b) => a - b);
          const m = closed.length ? closed[Math.ceil(0.9 * closed.length) - 1] : 0;
          expect(conversionCohort(table, asOf).closeDays).toBe(closed.length ? m : null);
          const year = parsePeriodKey('2026')!;
          const mature = rows.filter((r) => r.created <= at && r.created <= at - m);
          const won = mature.filter((r) => r.status === 'won' && r.created + r.length <= at);
          const got = computeMetric('conversion_rate', { pipeline: table }, year, { asOf });
          if (rows.every((r) => r.created > at)) expect(got).toMatchObject({ error: '#DIV/0!' });
          else if (mature.length === 0) expect(got).toMatchObject({ error: '#N/A' });
          else expect(got).toBeCloseTo(won.length / mature.length, 12);
        },
      ),
    );
  });
});
