/**
 * Flag parsing: `node:util` `parseArgs` in strict mode, with its errors turned into one-line
 * usage errors, and readers for the flag values the commands share (dates, periods, mappings).
 */
import { parseArgs } from 'node:util';
import type { Currency } from '../core/currency';
import type { AsOfChoice } from '../core/data-range';
import { chooseAsOf } from '../core/data-range';
import type { MetricInputs } from '../core/metrics/inputs';
import { parseCurrency } from '../core/currency';
import type { ParseArgsConfig } from 'node:util';
import type { PeriodUnit } from '../core/periods';
import type { Calendar } from '../core/periods';
import {
  calendarOf,
  daysFromCivil,
  formatDay,
  parseDay,
  parsePeriodUnit,
  PERIOD_UNITS,
} from '../core/periods';
import type { ColumnRole, TableKind } from '../core/table';
import { ORDER_ROLES, PIPELINE_ROLES, SPEND_ROLES, TARGET_ROLES } from '../core/table';
import { usageError } from './errors';
import type { CliIO } from './io';

export type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  readonly values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  readonly positionals: string[];
}

/**
 * Parses `argv` against `options` (strict: unknown flags and missing values are usage errors).
 * @example parseFlags(['a.csv', '--json'], { json: { type: 'boolean' } }) // { values: { json: true }, positionals: ['a.csv'] }
 */
export function parseFlags(argv: readonly string[], options: OptionSpecs): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options,
      strict: true,
      allowPositionals: true,
    });
    return { values: values as ParsedArgs['values'], positionals };
  } catch (error) {
    throw usageError(shortParseMessage(error));
  }
}

/**
 * `parseArgs` messages span lines and carry advice about `--`; keep the first sentence and, for a
 * value that starts with a dash, the `--flag=-value` hint. (Duck-typed: under test runners the
 * error may come from another realm, so `instanceof Error` is not reliable.)
 */
function shortParseMessage(error: unknown): string {
  const message = String((error as { message?: unknown } | null)?.message ?? error);
  const first = message
    .split(/\.(?:\s|$)/)[0]
    .replace(/^Unknown option/, 'unknown option')
    .replace(/^Option/, 'option');
  const dash = /use '(--[^=']+)=-XYZ'/.exec(message);
  return dash ? `${first} (write ${dash[1]}=-VALUE for a value starting with "-")` : first;
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

export function listFlag(args: ParsedArgs, name: string): string[] {
  const value = args.values[name];
  return Array.isArray(value) ? (value as string[]) : typeof value === 'string' ? [value] : [];
}

export function booleanFlag(args: ParsedArgs, name: string): boolean {
  return args.values[name] === true;
}

/** Today as an epoch day, in the machine's local calendar (the user's "today"). */
export function today(io: CliIO): number {
  const now = io.now();
  return daysFromCivil(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** A `YYYY-MM-DD` flag as an epoch day, or `fallback` when absent. */
export function dayFlag(args: ParsedArgs, name: string): number | undefined {
  const text = stringFlag(args, name);
  if (text === undefined) return undefined;
  const day = parseDay(text);
  if (day === null) throw usageError(`--${name} must be a date like 2026-11-28, got "${text}"`);
  return day;
}

/** `--as-of` when given (a usage error when it is not a date), else undefined. */
export function givenAsOf(args: ParsedArgs): number | undefined {
  return dayFlag(args, 'as-of');
}

/** The years a workbook's dates can be in (Excel's 1900 date system); sheet names carry the year. */
export const WORKBOOK_YEARS = { first: 1900, last: 9999 } as const;

/** `--as-of` for a command that writes a workbook: a date of the years 1900–9999. */
export function givenWorkbookAsOf(args: ParsedArgs): number | undefined {
  const day = givenAsOf(args);
  if (day === undefined) return undefined;
  const year = Number(formatDay(day).slice(0, -6));
  if (year < WORKBOOK_YEARS.first || year > WORKBOOK_YEARS.last)
    throw usageError(
      `--as-of must be a date of the years ${WORKBOOK_YEARS.first}–${WORKBOOK_YEARS.last} (the dates a workbook holds), got "${stringFlag(args, 'as-of')}"`,
    );
  return day;
}

/**
 * The as-of day of a command: `--as-of` when given, else the latest date in the data it read
 * (the orders' latest usable date; without orders, the pipeline's or spend's), else today.
 * @example asOfFlag(args, io, { orders }) // { day: 10407, source: 'data' } for CDNOW (1998-06-30)
 */
export function asOfFlag(args: ParsedArgs, io: CliIO, inputs: MetricInputs): AsOfChoice {
  return chooseAsOf(inputs, givenAsOf(args)) ?? { day: today(io), source: 'today' };
}

/** `--period`, defaulting to `fallback` (English or Indonesian unit names). */
export function periodFlag(args: ParsedArgs, fallback: PeriodUnit = 'month', name = 'period'): PeriodUnit {
  const text = stringFlag(args, name);
  if (text === undefined) return fallback;
  const unit = parsePeriodUnit(text);
  if (!unit) throw usageError(`--${name} must be one of ${PERIOD_UNITS.join('|')}, got "${text}"`);
  return unit;
}

/** An integer flag within [min, max]. */
export function integerFlag(args: ParsedArgs, name: string, min: number, max: number): number | undefined {
  const text = stringFlag(args, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\s*-?\d+\s*$/.test(text) || value < min || value > max) {
    throw usageError(`--${name} must be a whole number from ${min} to ${max}, got "${text}"`);
  }
  return value;
}

/** A finite number flag within [min, max]. */
export function numberFlag(
  args: ParsedArgs,
  name: string,
  min = -Infinity,
  max = Infinity,
): number | undefined {
  const text = stringFlag(args, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < min || value > max) {
    const range =
      Number.isFinite(min) && Number.isFinite(max)
        ? ` from ${min} to ${max}`
        : Number.isFinite(min)
          ? ` ≥ ${min}`
          : '';
    throw usageError(`--${name} must be a number${range}, got "${text}"`);
  }
  return value;
}

/** One of a fixed set of words. */
export function choiceFlag<T extends string>(
  args: ParsedArgs,
  name: string,
  choices: readonly T[],
): T | undefined {
  const text = stringFlag(args, name);
  if (text === undefined) return undefined;
  const lower = text.trim().toLowerCase();
  const found = choices.find((choice) => choice === lower);
  if (!found) throw usageError(`--${name} must be one of ${choices.join('|')}, got "${text}"`);
  return found;
}

export type DateOrderFlag = 'dmy' | 'mdy' | 'ymd';

/** `--date-format dmy|mdy|iso` (`ymd` accepted too) as ingestion's date order. */
export function dateOrderFlag(args: ParsedArgs): DateOrderFlag | undefined {
  const value = choiceFlag(args, 'date-format', ['dmy', 'mdy', 'iso', 'ymd'] as const);
  return value === 'iso' ? 'ymd' : value;
}

export const ROLES_OF: { readonly [K in TableKind]: readonly ColumnRole[] } = {
  orders: ORDER_ROLES,
  pipeline: PIPELINE_ROLES,
  spend: SPEND_ROLES,
  targets: TARGET_ROLES,
};

/** Role names as users type them: `order-id`, `Order ID` and `order_id` are the same role. */
function roleOf(text: string, kind: TableKind): ColumnRole | undefined {
  const key = text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return ROLES_OF[kind].find((role) => role === key);
}

const TABLE_KINDS: readonly TableKind[] = ['orders', 'pipeline', 'spend', 'targets'];

/** "an orders role", "a pipeline role". */
function roleOfKind(kind: TableKind): string {
  return `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind} role`;
}

/**
 * `--map role=Header` flags as a role → header mapping for one table. `kind.role=Header`
 * (`pipeline.created=Opened`) maps a column of that table; an entry without a prefix belongs to
 * `primary`, the command's main table.
 * @example mapFlags(['amount=Total Sales', 'pipeline.status=Stage'], 'orders') // { amount: 'Total Sales' }
 * @example mapFlags(['amount=Total Sales', 'pipeline.status=Stage'], 'pipeline', 'orders') // { status: 'Stage' }
 */
export function mapFlags(
  entries: readonly string[],
  kind: TableKind,
  primary: TableKind = kind,
): Partial<Record<ColumnRole, string>> {
  const mapping: Partial<Record<ColumnRole, string>> = {};
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    if (eq <= 0 || eq === entry.length - 1) throw usageError(`--map expects role=Header, got "${entry}"`);
    let name = entry.slice(0, eq).trim();
    let table = primary;
    const dot = name.indexOf('.');
    if (dot > 0) {
      const prefix = name.slice(0, dot).toLowerCase() as TableKind;
      if (!TABLE_KINDS.includes(prefix)) {
        throw usageError(
          `--map: "${name.slice(0, dot)}" is not a table (use ${TABLE_KINDS.map((k) => `${k}.`).join(', ')})`,
        );
      }
      table = prefix;
      name = name.slice(dot + 1);
    }
    const role = roleOf(name, table);
    if (!role)
      throw usageError(`--map: "${name}" is not ${roleOfKind(table)} (roles: ${ROLES_OF[table].join(', ')})`);
    if (table === kind) mapping[role] = entry.slice(eq + 1).trim();
  }
  return mapping;
}

/**
 * `--columns customer,-,date,quantity,amount`: each column's role in order, `-` to skip one, for
 * files without a header row. Returns role → 0-based column index.
 * @example columnsFlag('customer,-,date,quantity,amount', 'orders') // { customer: 0, date: 2, quantity: 3, amount: 4 }
 */
export function columnsFlag(spec: string, kind: TableKind): Partial<Record<ColumnRole, number>> {
  const mapping: Partial<Record<ColumnRole, number>> = {};
  const parts = spec.split(',');
  parts.forEach((part, index) => {
    const name = part.trim();
    if (name === '-' || name === '') return;
    const role = roleOf(name, kind);
    if (!role)
      throw usageError(
        `--columns: "${name}" is not ${roleOfKind(kind)} (roles: ${ROLES_OF[kind].join(', ')}; "-" skips a column)`,
      );
    if (mapping[role] !== undefined) throw usageError(`--columns names "${role}" twice`);
    mapping[role] = index;
  });
  if (Object.keys(mapping).length === 0) throw usageError('--columns names no roles');
  return mapping;
}

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const WEEKDAYS_ID = ['senin', 'selasa', 'rabu', 'kamis', 'jumat', 'sabtu', 'minggu'];

/**
 * `--fiscal-start 1..12` and `--week-start 1..7|monday…sunday|senin…minggu` as a calendar
 * (defaults: calendar years, ISO weeks starting on Monday).
 * @example calendarFlags(parseFlags(['--week-start', 'sunday'], spec)) // { weekStartsOn: 7, fiscalYearStartMonth: 1 }
 */
export function calendarFlags(args: ParsedArgs): Calendar {
  const fiscalYearStartMonth = integerFlag(args, 'fiscal-start', 1, 12) ?? 1;
  const text = stringFlag(args, 'week-start');
  let weekStartsOn = 1;
  if (text !== undefined) {
    const word = text.trim().toLowerCase();
    const byName = Math.max(
      WEEKDAYS.indexOf(word),
      WEEKDAYS_ID.indexOf(word),
      WEEKDAYS.findIndex((d) => word.length >= 3 && d.startsWith(word)),
    );
    weekStartsOn = /^[1-7]$/.test(word) ? Number(word) : byName + 1;
    if (weekStartsOn < 1)
      throw usageError(`--week-start must be 1-7 (1 = Monday) or a day name, got "${text}"`);
  }
  return calendarOf({ fiscalYearStartMonth, weekStartsOn });
}

/** Option specs of the calendar flags. */
export const CALENDAR_OPTIONS: OptionSpecs = {
  'fiscal-start': { type: 'string' },
  'week-start': { type: 'string' },
};

/**
 * `--currency SYMBOL[:DECIMALS]|none` (`Rp`, `IDR`, `$`, `EUR:0`, `none`): `undefined` when not
 * given, `null` for none.
 */
export function currencyFlag(args: ParsedArgs): Currency | null | undefined {
  const text = stringFlag(args, 'currency');
  if (text === undefined) return undefined;
  const currency = parseCurrency(text);
  if (currency === undefined)
    throw usageError(
      `--currency must be a symbol or code with optional decimals, like Rp, IDR, $, EUR:0 or none; got "${text}"`,
    );
  return currency;
}
