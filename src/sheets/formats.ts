/**
 * Number formats of one workbook, built from its currency: every money figure carries the same
 * symbol and decimals, counts have none, rates are percentages and their changes percentage points.
 */
import type { Currency } from '../core/currency';
import { NO_CURRENCY } from '../core/currency';
import type { MetricUnit } from '../core/metrics/definition';

export interface NumberFormats {
  readonly currency: Currency;
  readonly money: string;
  /** Money on a chart axis: whole units. */
  readonly moneyAxis: string;
  /** A signed money change: `+Rp 1,250` / `-Rp 300`. */
  readonly moneyChange: string;
  readonly count: string;
  readonly countChange: string;
  readonly percent: string;
  /** A relative change: `+12.5%`. */
  readonly percentChange: string;
  /** An absolute change of a rate, in percentage points: `+4.4 pp` (the value is the change × 100). */
  readonly points: string;
  readonly decimal: string;
  readonly decimalChange: string;
  readonly date: string;
  /** The format of a metric's values by its unit. */
  value(unit: MetricUnit): string;
  /** The format of an absolute change of a metric (rates in percentage points). */
  change(unit: MetricUnit): string;
}

/** Quoted currency text for a format code: letters get a space before the number (`Rp 1.000`, `$1.00`). */
function prefix(symbol: string): string {
  if (symbol === '') return '';
  const text = /\p{L}$/u.test(symbol) ? `${symbol} ` : symbol;
  return `"${text.replace(/"/g, '')}"`;
}

/**
 * The formats for a currency (none by default).
 * @example numberFormats({ symbol: 'Rp', decimals: 0 }).money // '"Rp "#,##0'
 */
export function numberFormats(currency: Currency = NO_CURRENCY): NumberFormats {
  const digits = currency.decimals > 0 ? `.${'0'.repeat(currency.decimals)}` : '';
  const p = prefix(currency.symbol);
  const money = `${p}#,##0${digits}`;
  const moneyChange = `+${p}#,##0${digits};-${p}#,##0${digits};${p}0${digits}`;
  const formats = {
    currency,
    money,
    moneyAxis: `${p}#,##0`,
    moneyChange,
    count: '#,##0',
    countChange: '+#,##0;-#,##0;0',
    percent: '0.0%',
    percentChange: '+0.0%;-0.0%;0.0%',
    points: '+0.0" pp";-0.0" pp";0.0" pp"',
    decimal: '#,##0.0',
    decimalChange: '+#,##0.0;-#,##0.0;0.0',
    date: 'yyyy-mm-dd',
  };
  return {
    ...formats,
    value: (unit) =>
      unit === 'currency'
        ? formats.money
        : unit === 'count'
          ? formats.count
          : unit === 'ratio'
            ? formats.percent
            : unit === 'number'
              ? '#,##0.00'
              : formats.decimal,
    change: (unit) =>
      unit === 'currency'
        ? formats.moneyChange
        : unit === 'count'
          ? formats.countChange
          : unit === 'ratio'
            ? formats.points
            : unit === 'number'
              ? '+#,##0.00;-#,##0.00;0.00'
              : formats.decimalChange,
  };
}

/** Rates (shares of something) change in percentage points, not percent. */
export function isRate(unit: MetricUnit): boolean {
  return unit === 'ratio';
}
