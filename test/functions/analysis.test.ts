import { readFileSync } from 'fs';
import { join } from 'path';
import { col, errorCell, expectExcelError, serial } from './setup';
import { IMPLEMENTATIONS as F } from '../../src/functions/registry';

describe('SALES.COHORT', () => {
  // a: Jan, Feb; b: Jan; c: Feb, Mar; d: Mar.
  const D = col(
    serial('2026-01-03'),
    serial('2026-02-03'),
    serial('2026-01-09'),
    serial('2026-02-14'),
    serial('2026-03-01'),
    serial('2026-03-30'),
  );
  const C = col('a', 'a', 'b', 'c', 'c', 'd');

  it('is a triangle of shares padded with #N/A (a chart ends each curve there), under a header row', () => {
    expect(F.COHORT(D, C, null, null)).toEqual([
      ['Cohort', 'Customers', '+0', '+1', '+2'],
      ['2026-01', 2, 1, 0.5, 0],
      ['2026-02', 1, 1, 1, errorCell()],
      ['2026-03', 1, 1, errorCell(), errorCell()],
    ]);
  });

  it('stops at asOf and reads Indonesian period words', () => {
    expect(F.COHORT(D, C, 'bulan', serial('2026-02-28'))).toEqual([
      ['Cohort', 'Customers', '+0', '+1'],
      ['2026-01', 2, 1, 0.5],
      ['2026-02', 1, 1, errorCell()],
    ]);
    expect(F.COHORT(D, C, 'kuartal', null)).toEqual([
      ['Cohort', 'Customers', '+0'],
      ['2026-Q1', 4, 1],
    ]);
  });

  it('errors: mismatched lengths, no data', () => {
    expectExcelError(
      () => F.COHORT(D, col('a'), null, null),
      '#VALUE!',
      'dates has 6 rows but customers has 1',
    );
    expectExcelError(() => F.COHORT(col('', ''), col('', ''), null, null), '#N/A');
  });

  it('CDNOW: the 1997-01 cohort’s month-1 share matches an independent count', () => {
    const file = join(__dirname, '../../../shared/data/cdnow_sample.txt');
    const rows = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.trim().split(/\s+/));
    const dates = rows.map((r) => [serial(`${r[2].slice(0, 4)}-${r[2].slice(4, 6)}-${r[2].slice(6)}`)]);
    const customers = rows.map((r) => [r[0]]);
    const first = new Map<string, string>();
    for (const r of rows) if (!first.has(r[0]) || r[2] < first.get(r[0])!) first.set(r[0], r[2]);
    const janCohort = [...first].filter(([, d]) => d.startsWith('199701')).map(([c]) => c);
    const febBuyers = new Set(rows.filter((r) => r[2].startsWith('199702')).map((r) => r[0]));
    const matrix = F.COHORT(dates, customers, 'month', null);
    expect(matrix[0]).toHaveLength(2 + 18);
    expect(matrix[1][0]).toBe('1997-01');
    expect(matrix[1][1]).toBe(janCohort.length);
    expect(matrix[1][3]).toBeCloseTo(janCohort.filter((c) => febBuyers.has(c)).length / janCohort.length, 12);
  });
});

describe('SALES.GOALSPLIT', () => {
  it('splits a year evenly by days into months that sum to the target', () => {
    const rows = F.GOALSPLIT(36500, serial('2026-01-01'), serial('2026-12-31'), 'month', null, null);
    expect(rows[0]).toEqual(['Period', 'Start', 'End', 'Days', 'Share', 'Target', 'Method']);
    expect(rows).toHaveLength(13);
    expect(rows[1]).toEqual([
      '2026-01',
      serial('2026-01-01'),
      serial('2026-01-31'),
      31,
      31 / 365,
      3100,
      'even',
    ]);
    expect(rows[2][5]).toBe(2800);
    const total = rows.slice(1).reduce((s, r) => s + (r[5] as number), 0);
    expect(total).toBeCloseTo(36500, 9);
  });

  it('splits by last year’s values when history is given', () => {
    // Last year: Jan 100, Feb 300 → a Jan–Feb 2026 goal of 1000 splits 250 / 750.
    const dates = col(serial('2025-01-01'), serial('2025-02-10'), serial('2025-02-11'));
    const values = col(100, 200, 100);
    const rows = F.GOALSPLIT(1000, serial('2026-01-01'), serial('2026-02-28'), 'bulan', dates, values);
    expect(rows.slice(1).map((r) => [r[0], r[5], r[6]])).toEqual([
      ['2026-01', 250, 'seasonal'],
      ['2026-02', 750, 'seasonal'],
    ]);
  });

  it('falls back to even (and says so) when history does not cover last year; partial weeks', () => {
    const rows = F.GOALSPLIT(
      700,
      serial('2026-01-01'),
      serial('2026-01-14'),
      'week',
      col(serial('2025-12-30')),
      col(5),
    );
    expect(rows.slice(1).every((r) => String(r[6]).startsWith('even: history starts on 2025-12-30'))).toBe(
      true,
    );
    // 2026-01-01 is a Thursday: a 4-day partial ISO week, a full week, a 3-day partial week.
    expect(rows.slice(1).map((r) => r[3])).toEqual([4, 7, 3]);
    expect(rows.slice(1).map((r) => r[5])).toEqual([200, 350, 150]);
  });

  it('errors', () => {
    expectExcelError(
      () => F.GOALSPLIT(100, serial('2026-01-01'), serial('2026-12-31'), 'quarter', null, null),
      '#VALUE!',
      'period',
    );
    expectExcelError(
      () => F.GOALSPLIT(100, serial('2026-02-01'), serial('2026-01-01'), 'month', null, null),
      '#VALUE!',
      'periodEnd',
    );
    expectExcelError(
      () => F.GOALSPLIT(100, serial('2026-01-01'), serial('2026-12-31'), 'month', col(1), null),
      '#VALUE!',
      'historyValues',
    );
    expectExcelError(
      () => F.GOALSPLIT('x', serial('2026-01-01'), serial('2026-12-31'), 'month', null, null),
      '#VALUE!',
      'target',
    );
  });
});
