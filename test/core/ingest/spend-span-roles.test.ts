/**
 * The optional spend roles that say which days a spend row covers: an end date and a period key.
 */
import { ingestSpend } from '../../../src/core/ingest';
import { formatDay } from '../../../src/core/periods';

const days = (values: Float64Array | undefined) =>
  values && [...values].map((d) => (Number.isNaN(d) ? null : formatDay(d)));

describe('spend end dates and period keys', () => {
  test('Start / End columns: the date and the last day covered', () => {
    const { table } = ingestSpend([
      ['Start', 'End', 'Channel', 'Spend'],
      ['2026-11-01', '2026-11-15', 'Search', 100],
      ['2026-11-16', '', 'Search', 50],
    ]);
    expect(table!.mapping).toMatchObject({ date: 'Start', end: 'End', channel: 'Channel', spend: 'Spend' });
    expect(days(table!.date)).toEqual(['2026-11-01', '2026-11-16']);
    expect(days(table!.end)).toEqual(['2026-11-15', null]);
  });

  test.each([
    ['From', 'To'],
    ['Date', 'Period End'],
    ['Date', 'Until'],
    ['Tanggal Mulai', 'Tanggal Akhir'],
  ])('%s … %s', (from, to) => {
    const { table } = ingestSpend([
      [from, to, 'Ad Spend'],
      ['2026-11-01', '2026-11-30', 10],
    ]);
    expect(table!.mapping).toMatchObject({ date: from, end: to, spend: 'Ad Spend' });
  });

  test('a period column beside the date holds keys as typed', () => {
    const { table } = ingestSpend([
      ['Date', 'Period', 'Spend'],
      ['2026-11-16', '2026-W47', 700],
      ['2026-10-01', '2026-Q4', 9200],
      ['2026-01-01', 2026, 3650],
      ['2026-11-01', 'soon', 1],
    ]);
    expect(table!.mapping).toMatchObject({ date: 'Date', period: 'Period', spend: 'Spend' });
    const { codes, dictionary } = table!.period!;
    expect([...codes].map((c) => (c < 0 ? null : dictionary[c]))).toEqual([
      '2026-W47',
      '2026-Q4',
      '2026',
      null,
    ]);
  });

  test('a lone Period or Month column of months is still the date', () => {
    for (const header of ['Period', 'Month']) {
      const { table } = ingestSpend([
        [header, 'Spend', 'Channel'],
        ['2026-11', 100, 'x'],
        ['2026-12', 90, 'x'],
      ]);
      expect(table!.mapping).toEqual({ date: header, spend: 'Spend', channel: 'Channel' });
      expect(days(table!.date)).toEqual(['2026-11-01', '2026-12-01']);
      expect(table!.period).toBeUndefined();
    }
  });

  test('a Spend header is never read as an end date', () => {
    const { table } = ingestSpend([
      ['Date', 'Weekend Spend'],
      ['2026-11-01', 10],
    ]);
    expect(table!.mapping).toEqual({ date: 'Date', spend: 'Weekend Spend' });
  });
});
