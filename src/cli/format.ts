/**
 * Output helpers: metric values for JSON, numbers for people, and plain aligned text tables.
 */
import type { MetricValue } from '../core/errors';
import { isMetricError } from '../core/errors';

/** A metric value in the CLI's JSON: a number, or `{error, reason}`. */
export type JsonMetricValue = number | { readonly error: string; readonly reason: string };

/**
 * Makes a metric value JSON-safe: errors keep their code and reason; a non-finite number
 * (which JSON cannot carry) becomes `#NUM!`.
 * @example jsonValue(0.25) // 0.25
 * @example jsonValue({ error: '#DIV/0!', reason: 'no orders' }) // { error: '#DIV/0!', reason: 'no orders' }
 */
export function jsonValue(value: MetricValue | undefined): JsonMetricValue {
  if (value === undefined) return { error: '#N/A', reason: 'not computed' };
  if (isMetricError(value)) return { error: value.error, reason: value.reason };
  if (typeof value !== 'number' || !Number.isFinite(value))
    return { error: '#NUM!', reason: 'not a finite number' };
  return value;
}

/** `{id: value}` records with every value made JSON-safe. */
export function jsonValues(
  record: Readonly<Record<string, MetricValue | undefined>>,
): Record<string, JsonMetricValue> {
  const out: Record<string, JsonMetricValue> = {};
  for (const [key, value] of Object.entries(record)) out[key] = jsonValue(value);
  return out;
}

export type Unit = 'currency' | 'count' | 'ratio' | 'percent' | 'days' | 'months' | 'number' | string;

/**
 * A number for a table cell: ratios as percentages, counts without decimals, others with two.
 * @example formatNumber(0.4567, 'ratio') // '45.7%'
 * @example formatNumber(1234567.891, 'currency') // '1,234,567.89'
 */
export function formatNumber(value: number, unit: Unit = 'number'): string {
  if (!Number.isFinite(value)) return String(value);
  switch (unit) {
    case 'ratio':
    case 'percent':
      return `${(value * 100).toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 })}%`;
    case 'count':
      return Number.isInteger(value)
        ? value.toLocaleString('en-US')
        : value.toLocaleString('en-US', { maximumFractionDigits: 2 });
    default:
      return value.toLocaleString('en-US', { maximumFractionDigits: 2, minimumFractionDigits: 2 });
  }
}

/** A metric value for a table cell: the number formatted, or the error code. */
export function formatValue(value: MetricValue | undefined, unit?: Unit): string {
  if (value === undefined) return '';
  if (isMetricError(value)) return value.error;
  return formatNumber(value, unit);
}

/**
 * Lays rows out as aligned columns (first column left-aligned, others right-aligned unless
 * `align` says otherwise), with a rule under the header.
 * @example formatTable(['metric', 'value'], [['revenue', '1,250.00']])
 * // 'metric     value\n-------  --------\nrevenue  1,250.00\n'
 */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align?: readonly ('left' | 'right')[],
): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => (row[c] ?? '').length)));
  const alignOf = (c: number) => align?.[c] ?? (c === 0 ? 'left' : 'right');
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) =>
        alignOf(c) === 'left' ? (cell ?? '').padEnd(widths[c]) : (cell ?? '').padStart(widths[c]),
      )
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n') + '\n';
}

/**
 * Characters that would act on a terminal rather than show: C0 controls but tab and line feed
 * (ESC starts colour and cursor sequences, CR overwrites the line, BEL rings), DEL, C1 controls,
 * and the bidirectional overrides that can make text read differently from what it is.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text as it may reach a terminal: every unsafe character (see `UNSAFE`) written as its `\u001B`
 * escape. A header, a cell in a skipped row's reason or a sheet name comes from the file, so all
 * output passes here. The escape is JSON's own, so JSON output stays valid and reads back the same.
 * @example terminalSafe('Amount\u001b[31m') // 'Amount\\u001B[31m'
 */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** Pretty JSON with a final newline. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
