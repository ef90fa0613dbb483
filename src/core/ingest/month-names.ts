/**
 * English and Indonesian month and weekday names, full and abbreviated, for date text such as
 * `28 Nov 2026`, `Nov 28, 2026` or `Sabtu, 28 Agustus 2026`.
 */

const MONTHS: readonly (readonly string[])[] = [
  ['january', 'jan', 'januari'],
  ['february', 'feb', 'febr', 'februari', 'pebruari', 'peb'],
  ['march', 'mar', 'maret'],
  ['april', 'apr'],
  ['may', 'mei'],
  ['june', 'jun', 'juni'],
  ['july', 'jul', 'juli'],
  ['august', 'aug', 'agustus', 'agu', 'agt', 'ags', 'agus'],
  ['september', 'sep', 'sept'],
  ['october', 'oct', 'oktober', 'okt'],
  ['november', 'nov', 'nop', 'nopember'],
  ['december', 'dec', 'desember', 'des'],
];

const MONTH_BY_NAME: ReadonlyMap<string, number> = new Map(
  MONTHS.flatMap((names, index) => names.map((name) => [name, index + 1] as const)),
);

const WEEKDAYS: ReadonlySet<string> = new Set([
  'monday',
  'mon',
  'tuesday',
  'tue',
  'tues',
  'wednesday',
  'wed',
  'thursday',
  'thu',
  'thur',
  'thurs',
  'friday',
  'fri',
  'saturday',
  'sat',
  'sunday',
  'sun',
  'senin',
  'sen',
  'selasa',
  'sel',
  'rabu',
  'rab',
  'kamis',
  'kam',
  'jumat',
  "jum'at",
  'jum',
  'sabtu',
  'sab',
  'minggu',
  'min',
  'ahad',
]);

/** Month number 1–12 of a lower-case month name or abbreviation, else `undefined`. */
export function monthFromName(token: string): number | undefined {
  return MONTH_BY_NAME.get(token.endsWith('.') ? token.slice(0, -1) : token);
}

/** True for a lower-case weekday name or abbreviation (English or Indonesian). */
export function isWeekdayName(token: string): boolean {
  return WEEKDAYS.has(token.endsWith('.') ? token.slice(0, -1) : token);
}
