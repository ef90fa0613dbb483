/**
 * How a file writes numbers and dates, judged from the whole table rather than one column: a
 * column of `75.000` says nothing on its own, but in a `;`-separated file with day-first dates it
 * is seventy-five thousand. Each column is read from its own cells when they decide; otherwise the
 * file's conventions (field separator, other columns' styles and date orders, currency markers)
 * decide, and a note says which reading was used, why, and how to choose the other one.
 */
import type { CellValue } from '../cell';
import type { ColumnRole } from '../table';
import {
  type DateOrder,
  type DateOrderEvidence,
  dateFromSerialText,
  dateFromText,
  inferDateOrderEvidence,
} from './dates';
import {
  type NumberStyle,
  type NumberStyleEvidence,
  amountFromText,
  inferCurrencyMarker,
  inferNumberStyleEvidence,
  isWholeUnitCurrency,
} from './numbers';
import { type Frame, columnSample } from './frame';
import { type RoleDetection, VALUE_KIND } from './roles';

/** Why a column is read the way it is. */
export type ReadingBasis =
  /** The user chose (an option or flag). */
  | 'given'
  /** The column's own cells settle it. */
  | 'cells'
  /** The currency the amounts are written in (`Rp` has no cents; `€` suggests a decimal comma). */
  | 'currency'
  /** The rest of the file: field separator, other columns. */
  | 'file'
  /** Nothing settles it: the default reading. */
  | 'default';

/**
 * How the host lets the user choose another reading, in the host's words; notes on an ambiguous
 * reading end with them. Plain strings, so options stay plain data. `mapping` may hold `{role}`
 * and `{header}`.
 * @example { decimal: { 'dot-decimal': '--decimal .', 'comma-decimal': '--decimal ,' } }
 */
export interface OverrideHints {
  readonly decimal?: Readonly<Record<NumberStyle, string>>;
  readonly dateOrder?: Readonly<Record<DateOrder, string>>;
  readonly mapping?: string;
}

/** What ingestion knows of the file beyond its cells. */
export interface FileConventions {
  /** The field separator of a delimited text file; absent for workbooks and pasted ranges. */
  readonly delimiter?: string;
  readonly numberStyle?: NumberStyle;
  readonly dateOrder?: DateOrder;
  readonly defaultDateOrder?: DateOrder;
  readonly hints?: OverrideHints;
}

export interface NumberReading {
  readonly style: NumberStyle;
  /** `true`: a lone `75.000` is thousands (rupiah); `false`: the style decides even over `Rp`. */
  readonly wholeUnits?: boolean;
  readonly basis: ReadingBasis;
  /** Notes on a reading the user should check (two readings fit, styles mixed, rupiah). */
  readonly notes: readonly string[];
  /** Notes on a reading the cells settled (`amounts read with comma decimals`). */
  readonly info?: readonly string[];
}

export interface DateReading {
  readonly order: DateOrder;
  /** Five-digit text is an Excel serial day number. */
  readonly serialText: boolean;
  readonly basis: ReadingBasis;
  /** Notes on a reading the user should check (both orders fit, serial numbers, a majority). */
  readonly notes: readonly string[];
  /** Notes on a reading the cells settled (`dates read as day/month/year`). */
  readonly info?: readonly string[];
}

/** Roles whose numbers are money (quantities are not in a currency). */
const MONEY_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>([
  'amount',
  'cost',
  'profit',
  'value',
  'spend',
  'target',
]);

const ORDER_WORDS: Readonly<Record<DateOrder, string>> = {
  dmy: 'day/month/year',
  mdy: 'month/day/year',
  ymd: 'year/month/day',
};

const FIRST_WORDS: Readonly<Record<DateOrder, string>> = {
  dmy: 'day first',
  mdy: 'month first',
  ymd: 'year first',
};

interface ColumnEvidence<T> {
  readonly role: ColumnRole;
  readonly header: string;
  readonly evidence: T;
}

/** A reason with its weight: the side with more weight wins. */
interface Vote {
  readonly weight: number;
  readonly reason: string;
}

function isoDay(epochDay: number): string {
  return new Date(Math.floor(epochDay) * 86400000).toISOString().slice(0, 10);
}

function joinReasons(reasons: readonly string[]): string {
  if (reasons.length <= 1) return reasons.join('');
  return `${reasons.slice(0, -1).join(', ')} and ${reasons[reasons.length - 1]}`;
}

function total(votes: readonly Vote[]): number {
  return votes.reduce((sum, vote) => sum + vote.weight, 0);
}

/**
 * The evidence of every number and date column of a table, and the reading of each one.
 * @example
 * const conventions = new TableConventions(frame, detection, { delimiter: ';' });
 * conventions.numberReading('amount', 'Total') // { style: 'comma-decimal', basis: 'file', notes: [...] }
 */
export class TableConventions {
  private readonly numbers: ColumnEvidence<NumberStyleEvidence>[] = [];
  private readonly dates: ColumnEvidence<DateOrderEvidence>[] = [];
  private readonly samples = new Map<ColumnRole, CellValue[]>();
  /** The whole-unit currency marker (`Rp`, `IDR`) money columns of the table carry, if any. */
  private readonly wholeUnitMarker: string | undefined;

  constructor(
    frame: Frame,
    detection: RoleDetection,
    private readonly file: FileConventions,
  ) {
    let whole: string | undefined;
    for (const [role, guess] of Object.entries(detection.roles) as [
      ColumnRole,
      { column: number; header: string },
    ][]) {
      if (!guess) continue;
      const kind = VALUE_KIND[role];
      if (kind !== 'number' && kind !== 'date') continue;
      const sample = columnSample(frame, guess.column);
      this.samples.set(role, sample);
      if (kind === 'number') {
        const evidence = inferNumberStyleEvidence(sample);
        this.numbers.push({ role, header: guess.header, evidence });
        if (MONEY_ROLES.has(role) && evidence.wholeUnitMarkers > 0 && whole === undefined) {
          const marker = inferCurrencyMarker(sample);
          whole = isWholeUnitCurrency(marker) ? marker : 'Rp';
        }
      } else {
        const evidence = inferDateOrderEvidence(sample, file.defaultDateOrder ?? 'mdy');
        this.dates.push({ role, header: guess.header, evidence });
      }
    }
    this.wholeUnitMarker = whole;
  }

  /** The cells of a role's column that were sampled. */
  sampleOf(role: ColumnRole): readonly CellValue[] {
    return this.samples.get(role) ?? [];
  }

  /** Other date columns whose own cells settle their order, and the order. */
  private settledDateOrders(except: ColumnRole): ColumnEvidence<DateOrderEvidence>[] {
    return this.dates.filter(
      (d) =>
        d.role !== except && !d.evidence.fallback && !d.evidence.conflicting && d.evidence.order !== 'ymd',
    );
  }

  /** Other number columns whose own cells settle their style. */
  private settledStyles(except: ColumnRole): ColumnEvidence<NumberStyleEvidence>[] {
    return this.numbers.filter((n) => n.role !== except && n.evidence.dotVotes !== n.evidence.commaVotes);
  }

  /** Votes of the rest of the file for each number style. */
  private styleVotes(role: ColumnRole): Record<NumberStyle, Vote[]> {
    const votes: Record<NumberStyle, Vote[]> = { 'dot-decimal': [], 'comma-decimal': [] };
    const delimiter = this.file.delimiter;
    // Excel writes `;` between fields exactly where `,` is the decimal separator.
    if (delimiter === ';')
      votes['comma-decimal'].push({ weight: 2, reason: "the file separates fields with ';'" });
    else if (delimiter === ',')
      votes['dot-decimal'].push({ weight: 1, reason: "the file separates fields with ','" });
    for (const other of this.settledStyles(role)) {
      const style = other.evidence.commaVotes > other.evidence.dotVotes ? 'comma-decimal' : 'dot-decimal';
      votes[style].push({
        weight: 2,
        reason: `'${other.header}' is written with ${style === 'comma-decimal' ? 'comma' : 'point'} decimals`,
      });
    }
    const dateOrders = new Set(this.settledDateOrders(role).map((d) => d.evidence.order));
    // Day-first dates are most of the world but also the UK's: a weaker hint than the separator.
    if (dateOrders.has('dmy') && !dateOrders.has('mdy'))
      votes['comma-decimal'].push({ weight: 1, reason: 'dates are written day first' });
    if (dateOrders.has('mdy') && !dateOrders.has('dmy'))
      votes['dot-decimal'].push({ weight: 1, reason: 'dates are written month first' });
    return votes;
  }

  /** How to read the numbers of a role's column. */
  numberReading(role: ColumnRole, header: string): NumberReading {
    if (this.file.numberStyle)
      return { style: this.file.numberStyle, wholeUnits: false, basis: 'given', notes: [] };
    const found = this.numbers.find((n) => n.role === role);
    const evidence = found?.evidence ?? inferNumberStyleEvidence([]);
    const notes: string[] = [];
    if (evidence.minorityExample !== undefined) {
      notes.push(
        `'${header}' mixes number styles: cells like ${evidence.minorityExample} are read as written, ` +
          `the others with ${evidence.style === 'comma-decimal' ? "',' as the decimal separator" : "'.' as the decimal point"}.`,
      );
    }
    const whole = MONEY_ROLES.has(role) ? this.wholeUnitMarker : undefined;
    const cellsDecide = evidence.dotVotes !== evidence.commaVotes;
    const example = evidence.example;
    if (whole && example !== undefined) {
      // Rupiah: a lone `75.000` or `75,000` is thousands, whichever style the cells point to.
      const read = amountFromText(example, evidence.style, true);
      if (!cellsDecide || amountFromText(example, evidence.style, false) !== read) {
        const separatorAsDecimal: NumberStyle = example.includes(',') ? 'comma-decimal' : 'dot-decimal';
        notes.push(
          `'${header}': amounts like ${example} read as ${String(read)}, as amounts in ${whole} carry no ` +
            `cents ('.' or ',' before three digits groups thousands)${this.hint('decimal', separatorAsDecimal)}.`,
        );
        return { style: evidence.style, wholeUnits: true, basis: 'currency', notes };
      }
    }
    if (example === undefined || cellsDecide) {
      const commaDecimals =
        evidence.style === 'comma-decimal' &&
        evidence.commaVotes > 0 &&
        evidence.minorityExample === undefined;
      const info = commaDecimals ? [`'${header}': amounts read with comma decimals (1.250,00).`] : [];
      return { style: evidence.style, ...(whole ? { wholeUnits: true } : {}), basis: 'cells', notes, info };
    }
    let style: NumberStyle;
    let basis: ReadingBasis;
    let why: string;
    if (evidence.commaMarkers !== evidence.dotMarkers) {
      style = evidence.commaMarkers > evidence.dotMarkers ? 'comma-decimal' : 'dot-decimal';
      basis = 'currency';
      why = `the amounts carry ${inferCurrencyMarker(this.sampleOf(role)) ?? 'a currency marker'}`;
    } else {
      const votes = this.styleVotes(role);
      const comma = total(votes['comma-decimal']);
      const dot = total(votes['dot-decimal']);
      if (comma !== dot) {
        style = comma > dot ? 'comma-decimal' : 'dot-decimal';
        basis = 'file';
        why = joinReasons(votes[style].map((v) => v.reason));
      } else {
        style = 'dot-decimal';
        basis = 'default';
        why = 'nothing else in the file tells which (the default)';
      }
    }
    const read = amountFromText(example, style);
    const other: NumberStyle = style === 'dot-decimal' ? 'comma-decimal' : 'dot-decimal';
    const separator = style === 'comma-decimal' ? "',' as the decimal separator" : "'.' as the decimal point";
    notes.push(
      `'${header}': amounts like ${example} fit two readings; read with ${separator} ` +
        `(${example} = ${String(read)}), as ${why}${this.hint('decimal', other)}.`,
    );
    return { style, basis, notes };
  }

  /** Votes of the rest of the file for day-first or month-first dates. */
  private orderVotes(role: ColumnRole): Record<'dmy' | 'mdy', Vote[]> {
    const votes: Record<'dmy' | 'mdy', Vote[]> = { dmy: [], mdy: [] };
    for (const other of this.settledDateOrders(role)) {
      const order = other.evidence.order as 'dmy' | 'mdy';
      votes[order].push({ weight: 3, reason: `'${other.header}' is written ${FIRST_WORDS[order]}` });
    }
    if (this.file.delimiter === ';')
      votes.dmy.push({ weight: 2, reason: "the file separates fields with ';'" });
    const styles = new Set(
      this.numbers
        .filter((n) => n.evidence.dotVotes !== n.evidence.commaVotes)
        .map((n) => (n.evidence.commaVotes > n.evidence.dotVotes ? 'comma-decimal' : 'dot-decimal')),
    );
    const style = this.file.numberStyle ?? (styles.size === 1 ? [...styles][0] : undefined);
    // A decimal comma is written with day-first dates everywhere; a decimal point is US and UK alike.
    if (style === 'comma-decimal')
      votes.dmy.push({ weight: 2, reason: 'amounts are written with comma decimals' });
    const markers = this.numbers.reduce(
      (sum, n) => ({ comma: sum.comma + n.evidence.commaMarkers, dot: sum.dot + n.evidence.dotMarkers }),
      { comma: 0, dot: 0 },
    );
    const marker = (wanted: (n: NumberStyleEvidence) => number): string | undefined => {
      const column = this.numbers.find((n) => wanted(n.evidence) > 0);
      return column ? inferCurrencyMarker(this.sampleOf(column.role)) : undefined;
    };
    // Euro and rupiah amounts go with day-first dates; dollar amounts lean month-first.
    if (this.wholeUnitMarker || markers.comma > markers.dot)
      votes.dmy.push({
        weight: 1,
        reason: `amounts are in ${this.wholeUnitMarker ?? marker((e) => e.commaMarkers) ?? '€'}`,
      });
    else if (markers.dot > markers.comma)
      votes.mdy.push({ weight: 1, reason: `amounts are in ${marker((e) => e.dotMarkers) ?? '$'}` });
    return votes;
  }

  /** How to read the dates of a role's column. */
  dateReading(role: ColumnRole, header: string): DateReading {
    const fallback = this.file.defaultDateOrder ?? 'mdy';
    const found = this.dates.find((d) => d.role === role);
    const evidence = found?.evidence ?? inferDateOrderEvidence([], fallback);
    const notes: string[] = [];
    const serialText = evidence.serialTexts > 0;
    const serialDay =
      evidence.serialExample === undefined ? undefined : dateFromSerialText(evidence.serialExample);
    if (serialText && serialDay !== undefined) {
      notes.push(
        `'${header}': numbers like ${evidence.serialExample} read as Excel serial dates ` +
          `(${evidence.serialExample} = ${isoDay(serialDay)}).`,
      );
    }
    if (this.file.dateOrder) return { order: this.file.dateOrder, serialText, basis: 'given', notes };
    if (evidence.conflicting) {
      notes.push(
        `'${header}': dates read as ${ORDER_WORDS[evidence.order]} by majority ` +
          `(${evidence.dmyVotes} sampled cells are day-first only, ${evidence.mdyVotes} month-first only); ` +
          'cells that do not fit are reported.',
      );
      return { order: evidence.order, serialText, basis: 'cells', notes };
    }
    if (!evidence.fallback) {
      const info =
        evidence.order !== fallback ? [`'${header}': dates read as ${ORDER_WORDS[evidence.order]}.`] : [];
      return { order: evidence.order, serialText, basis: 'cells', notes, info };
    }
    const example = evidence.example;
    if (example === undefined) return { order: fallback, serialText, basis: 'cells', notes };
    const votes = this.orderVotes(role);
    const dmy = total(votes.dmy);
    const mdy = total(votes.mdy);
    let order: DateOrder = fallback;
    let basis: ReadingBasis = 'default';
    let why = 'nothing else in the file tells which (the default)';
    if (dmy !== mdy) {
      order = dmy > mdy ? 'dmy' : 'mdy';
      basis = 'file';
      why = joinReasons(votes[order as 'dmy' | 'mdy'].map((v) => v.reason));
    }
    const read = dateFromText(example, order);
    const other: DateOrder = order === 'dmy' ? 'mdy' : 'dmy';
    notes.push(
      `'${header}': dates like ${example} fit both day/month orders; read ${FIRST_WORDS[order]} ` +
        `(${example} = ${typeof read === 'number' ? isoDay(read) : read}), as ${why}` +
        `${this.hint('dateOrder', other)}.`,
    );
    return { order, serialText, basis, notes };
  }

  /** ` (to read them the other way: --decimal ,)` when the host said how. */
  private hint(kind: 'decimal' | 'dateOrder', choice: string): string {
    const hints = this.file.hints;
    const text =
      kind === 'decimal' ? hints?.decimal?.[choice as NumberStyle] : hints?.dateOrder?.[choice as DateOrder];
    return text
      ? ` (to read them ${kind === 'decimal' ? 'the other way' : FIRST_WORDS[choice as DateOrder]}: ${text})`
      : '';
  }
}
