import {
  parseDate,
  serialToEpochDays,
  inferDateOrder,
  inferDateOrderEvidence,
  dateFromText,
  epochDay,
} from '../../../src/core/ingest/dates';

/** Independent route: the platform's own UTC calendar. */
const utc = (y: number, m: number, d: number, h = 0, min = 0, s = 0) =>
  Date.UTC(y, m - 1, d, h, min, s) / 86400000;
const value = (r: ReturnType<typeof parseDate>) => ('value' in r ? r.value : r.error);

describe('Excel serials', () => {
  test('1900 system: serial 1 is 1900-01-01, 59 is 1900-02-28, 61 is 1900-03-01', () => {
    expect(serialToEpochDays(1)).toBe(utc(1900, 1, 1));
    expect(serialToEpochDays(59)).toBe(utc(1900, 2, 28));
    expect(serialToEpochDays(61)).toBe(utc(1900, 3, 1));
    expect(serialToEpochDays(25569)).toBe(0);
    expect(serialToEpochDays(45292)).toBe(utc(2024, 1, 1));
  });

  test('serial 60 (the 1900-02-29 Excel invents) is an error', () => {
    expect(serialToEpochDays(60)).toMatch(/1900-02-29/);
    expect(serialToEpochDays(60.5)).toMatch(/does not exist/);
  });

  test('leap day 2024-02-29 (serial 45351) and the day after', () => {
    expect(serialToEpochDays(45351)).toBe(utc(2024, 2, 29));
    expect(serialToEpochDays(45352)).toBe(utc(2024, 3, 1));
  });

  test('fractions keep the time of day', () => {
    expect(serialToEpochDays(45292.75)).toBe(utc(2024, 1, 1, 18));
  });

  test('1904 system: serial 0 is 1904-01-01', () => {
    expect(serialToEpochDays(0, '1904')).toBe(utc(1904, 1, 1));
    // The same day is 1462 apart in the two systems.
    expect(serialToEpochDays(45292 - 1462, '1904')).toBe(utc(2024, 1, 1));
    expect(serialToEpochDays(-1, '1904')).toMatch(/before 1904/);
  });

  test('out of range and non-finite serials are errors', () => {
    expect(serialToEpochDays(0)).toMatch(/before 1900/);
    expect(serialToEpochDays(-5)).toMatch(/before 1900/);
    expect(serialToEpochDays(200000)).toMatch(/outside 1900–2200/);
    expect(serialToEpochDays(NaN)).toMatch(/finite/);
  });

  test('8-digit numbers are yyyymmdd (CDNOW)', () => {
    expect(value(parseDate(19970101))).toBe(utc(1997, 1, 1));
    expect(value(parseDate('19980630'))).toBe(utc(1998, 6, 30));
    expect(value(parseDate(19971301))).toMatch(/month 13/);
  });
});

describe('date text', () => {
  test.each([
    ['2026-11-28', utc(2026, 11, 28)],
    ['2026-11-28T10:30', utc(2026, 11, 28, 10, 30)],
    ['2026-11-28 10:30:00', utc(2026, 11, 28, 10, 30)],
    ['2026-11-28T10:30:15.5Z', utc(2026, 11, 28, 10, 30, 15) + 0.5 / 86400],
    ['2026/11/28', utc(2026, 11, 28)],
    ['2024-02-29', utc(2024, 2, 29)],
    ['28 Nov 2026', utc(2026, 11, 28)],
    ['28-Nov-2026', utc(2026, 11, 28)],
    ['Nov 28, 2026', utc(2026, 11, 28)],
    ['November 28th, 2026', utc(2026, 11, 28)],
    ['Sat, 28 Nov 2026 10:30', utc(2026, 11, 28, 10, 30)],
    ['28 Agustus 2026', utc(2026, 8, 28)],
    ['1 Mei 2026', utc(2026, 5, 1)],
    ['5 Okt 2026', utc(2026, 10, 5)],
    ['24 Des 2026', utc(2026, 12, 24)],
    ['Sabtu, 28 November 2026', utc(2026, 11, 28)],
    ['28 Nov 26', utc(2026, 11, 28)],
    ['Nov 2026', utc(2026, 11, 1)],
    ['2026-11', utc(2026, 11, 1)],
    ['19970101', utc(1997, 1, 1)],
  ])('%p', (text, expected) => {
    expect(value(parseDate(text))).toBeCloseTo(expected, 9);
  });

  test('day/month order follows the option', () => {
    expect(value(parseDate('1/2/2026'))).toBe(utc(2026, 1, 2));
    expect(value(parseDate('1/2/2026', { order: 'mdy' }))).toBe(utc(2026, 1, 2));
    expect(value(parseDate('1/2/2026', { order: 'dmy' }))).toBe(utc(2026, 2, 1));
    expect(value(parseDate('28.11.2026', { order: 'dmy' }))).toBe(utc(2026, 11, 28));
    expect(value(parseDate('28-11-26', { order: 'dmy' }))).toBe(utc(2026, 11, 28));
    expect(value(parseDate('11/28/2026 10:30 PM'))).toBe(utc(2026, 11, 28, 22, 30));
    expect(value(parseDate('26/11/28', { order: 'ymd' }))).toBe(utc(2026, 11, 28));
  });

  test('two-digit years pivot at 30 (Excel): 29 → 2029, 30 → 1930', () => {
    expect(value(parseDate('1/1/29'))).toBe(utc(2029, 1, 1));
    expect(value(parseDate('1/1/30'))).toBe(utc(1930, 1, 1));
  });

  test.each([
    ['2026-02-30', /day 30 does not exist/],
    ['2025-02-29', /day 29 does not exist/],
    ['2026-13-01', /month 13/],
    ['13/13/2026', /month 13/],
    ['28/11/2026', /month 28/], // read as m/d/y by default
    ['1850-01-01', /outside 1900–2200/],
    ['2026-11-28 25:00', /not a time/],
    ['abc', /is not a date/],
    ['32 Nov 2026', /day 32/],
    ['', /blank/],
    ['#N/A', /Excel error #N\/A/],
  ])('%p is an error', (text, reason) => {
    expect(value(parseDate(text))).toMatch(reason);
  });

  test('other cell types', () => {
    expect(value(parseDate(new Date(Date.UTC(2026, 10, 28, 6))))).toBe(utc(2026, 11, 28, 6));
    expect(value(parseDate(new Date(NaN)))).toMatch(/invalid/);
    expect(value(parseDate(true))).toMatch(/boolean/);
    expect(value(parseDate(null))).toBe('blank');
    expect(value(parseDate(undefined))).toBe('blank');
  });

  test('amount-like numbers are not taken for dates', () => {
    expect(value(parseDate(1250000))).toMatch(/outside/);
    expect(value(parseDate('1.250.000'))).toMatch(/not a date/);
  });

  test('epochDay agrees with Date.UTC across four centuries', () => {
    for (let y = 1900; y <= 2300; y += 7) {
      for (const [m, d] of [
        [1, 1],
        [2, 28],
        [3, 1],
        [12, 31],
      ])
        expect(epochDay(y, m, d)).toBe(utc(y, m, d));
    }
  });
});

describe('inferDateOrder', () => {
  test('a first part > 12 proves dmy; a second part > 12 proves mdy', () => {
    expect(inferDateOrder(['1/2/2026', '28/11/2026'])).toBe('dmy');
    expect(inferDateOrder(['1/2/2026', '11/28/2026'])).toBe('mdy');
    expect(inferDateOrder(['01.02.2026', '13.02.2026'])).toBe('dmy');
    expect(inferDateOrder(['1-2-26', '2-13-26'])).toBe('mdy');
  });

  test('no evidence → the fallback (default mdy), which can be set', () => {
    expect(inferDateOrder(['1/2/2026', '3/4/2026', 45292])).toBe('mdy');
    expect(inferDateOrder(['1/2/2026'], 'dmy')).toBe('dmy');
    expect(inferDateOrderEvidence([]).fallback).toBe(true);
  });

  test('conflicting evidence → the majority, flagged', () => {
    const evidence = inferDateOrderEvidence(['28/11/2026', '29/11/2026', '11/30/2026']);
    expect(evidence).toMatchObject({ order: 'dmy', dmyVotes: 2, mdyVotes: 1, conflicting: true });
  });

  test('ISO and other unambiguous text does not vote', () => {
    expect(inferDateOrderEvidence(['2026-11-28', '28 Nov 2026']).fallback).toBe(true);
  });

  test('the chosen order reads the column', () => {
    const column = ['5/6/2026', '25/6/2026'];
    const order = inferDateOrder(column);
    expect(column.map((t) => dateFromText(t, order))).toEqual([utc(2026, 6, 5), utc(2026, 6, 25)]);
  });
});

describe('round trip through the platform calendar (independent route)', () => {
  const fc = require('fast-check') as typeof import('fast-check');
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const day = fc.integer({ min: utc(1900, 3, 1), max: utc(2200, 12, 31) });
  test('serials, ISO, d/m/y, m/d/y and month names all give the same epoch day', () => {
    fc.assert(
      fc.property(day, (epoch) => {
        const date = new Date(epoch * 86400000);
        const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
        const pad = (n: number) => String(n).padStart(2, '0');
        expect(value(parseDate(epoch + 25569))).toBe(epoch);
        if (epoch >= -24107) expect(value(parseDate(epoch + 24107, { system: '1904' }))).toBe(epoch);
        expect(value(parseDate(`${y}-${pad(m)}-${pad(d)}`))).toBe(epoch);
        expect(value(parseDate(`${d}/${m}/${y}`, { order: 'dmy' }))).toBe(epoch);
        expect(value(parseDate(`${m}/${d}/${y}`, { order: 'mdy' }))).toBe(epoch);
        expect(value(parseDate(`${d} ${MONTHS[m - 1]} ${y}`))).toBe(epoch);
        expect(value(parseDate(y * 10000 + m * 100 + d))).toBe(epoch);
        expect(value(parseDate(date))).toBe(epoch);
      }),
      { numRuns: 500 },
    );
  });

  test('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.constantFrom('dmy', 'mdy', 'ymd'), (text, order) => {
        const result = parseDate(text, { order: order as 'dmy' });
        expect('value' in result ? Number.isFinite(result.value) : typeof result.error === 'string').toBe(
          true,
        );
      }),
      { numRuns: 2000 },
    );
  });
});
