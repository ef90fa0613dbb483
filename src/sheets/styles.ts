/**
 * The small style palette every product sheet uses. Plans refer to styles by name
 * (`style: 'header'`), so the ExcelJS and Office.js renderers stay in agreement and a
 * restyle is one edit here. Colours are `RRGGBB` hex without `#`.
 */

/** A cell look, renderer-neutral. */
export interface CellStyle {
  readonly font?: {
    /** Typeface; renderers add {@link FONT} when a style names none. */
    readonly name?: string;
    readonly bold?: boolean;
    readonly italic?: boolean;
    readonly size?: number;
    readonly color?: string;
  };
  readonly fill?: string;
  readonly horizontal?: 'left' | 'center' | 'right';
  readonly vertical?: 'top' | 'middle' | 'bottom';
  readonly wrap?: boolean;
  readonly borderBottom?: string;
  readonly borderTop?: string;
}

/**
 * The typeface of every product cell, with its family as the fallback other programs use when it is
 * missing (2 = a sans-serif like Arial or Carlito, never a serif).
 */
export const FONT = { name: 'Calibri', family: 2 } as const;

/** Colours shared by styles, conditional formats and charts (IBCS-style good/bad). */
export const PALETTE = {
  ink: '1F2937',
  muted: '6B7280',
  accent: '1F4E79',
  accentLight: 'DDEBF7',
  rule: 'BFBFBF',
  /** Text colours are dark enough for 4.5:1 against their fills (checked by a test). */
  good: '1B5E20',
  goodFill: 'E2F0D9',
  goodBar: '63BE7B',
  bad: 'B71C1C',
  badFill: 'FDE2E1',
  badBar: 'F8696B',
  warn: '7A4A00',
  warnFill: 'FFF2CC',
  neutral: '595959',
  neutralFill: 'F2F2F2',
  inputFill: 'FFF9E6',
  series: ['1F77B4', 'FF7F0E', '2CA02C', 'D62728', '9467BD', '8C564B'],
} as const;

export const STYLES = {
  title: { font: { bold: true, size: 16, color: PALETTE.accent } },
  subtitle: { font: { italic: true, size: 10, color: PALETTE.muted } },
  section: { font: { bold: true, size: 12, color: PALETTE.accent }, borderBottom: PALETTE.accent },
  header: {
    font: { bold: true, color: 'FFFFFF' },
    fill: PALETTE.accent,
    horizontal: 'center',
    vertical: 'middle',
    wrap: true,
  },
  kpiLabel: { font: { size: 9, color: PALETTE.muted }, horizontal: 'center' },
  kpiValue: { font: { bold: true, size: 12, color: PALETTE.ink }, horizontal: 'right' },
  good: { font: { color: PALETTE.good }, fill: PALETTE.goodFill },
  bad: { font: { color: PALETTE.bad }, fill: PALETTE.badFill },
  warn: { font: { color: PALETTE.warn }, fill: PALETTE.warnFill },
  neutral: { font: { color: PALETTE.neutral }, fill: PALETTE.neutralFill },
  note: { font: { italic: true, size: 9, color: PALETTE.muted }, wrap: false },
  input: { fill: PALETTE.inputFill, vertical: 'top', wrap: true },
  total: { font: { bold: true }, borderTop: PALETTE.ink },
  /** A value that is not defined: a dash on the right, where the number would be. */
  dash: { font: { color: PALETTE.muted }, horizontal: 'right' },
  /** A small header over a helper block (windows compared). */
  subheader: { font: { bold: true, size: 9, color: PALETTE.accent }, fill: PALETTE.accentLight },
  small: { font: { size: 9, color: PALETTE.ink } },
  /** A figure of a period that is not over (to date): italic, beside complete periods' figures. */
  partial: { font: { italic: true, color: PALETTE.ink } },
  body: {},
} as const satisfies Record<string, CellStyle>;

/** A named style of the palette. */
export type StyleRef = keyof typeof STYLES;

/** Looks a named style up (total: every `StyleRef` has an entry). */
export function resolveStyle(ref: StyleRef): CellStyle {
  return STYLES[ref];
}

/** The look a conditional format applies (a subset of `CellStyle`, as Excel allows). */
export interface ConditionalStyle {
  readonly fill?: string;
  readonly fontColor?: string;
  readonly bold?: boolean;
}

/** Conditional looks for variance colouring: green when good, red when bad. */
export const CONDITIONAL_STYLES = {
  good: { fill: PALETTE.goodFill, fontColor: PALETTE.good },
  bad: { fill: PALETTE.badFill, fontColor: PALETTE.bad },
  warn: { fill: PALETTE.warnFill, fontColor: PALETTE.warn },
  neutral: { fill: PALETTE.neutralFill, fontColor: PALETTE.neutral },
  /** Variance numbers: coloured text only, the bar beside them carries the picture. */
  goodText: { fontColor: PALETTE.good },
  badText: { fontColor: PALETTE.bad },
} as const satisfies Record<string, ConditionalStyle>;

/** The one spelling of every status a product sheet shows, and its look. */
export const STATUS_WORDS = {
  'on track': 'On track',
  'at risk': 'At risk',
  'off track': 'Off track',
  'not started': 'Not started',
  'no data': 'No data',
  achieved: 'Achieved',
  missed: 'Missed',
  'no baseline': 'No baseline',
  'not compared': 'Not compared',
  better: 'Better',
  within: 'Within range',
  worse: 'Worse',
  overdue: 'Overdue',
  due: 'Due today',
  scheduled: 'Scheduled',
  'never checked': 'Never checked',
} as const;

export type StatusKey = keyof typeof STATUS_WORDS;

const STATUS_LOOK: Readonly<Record<StatusKey, StyleRef | undefined>> = {
  'on track': 'good',
  'at risk': 'warn',
  'off track': 'bad',
  'not started': undefined,
  'no data': 'neutral',
  achieved: 'good',
  missed: 'bad',
  'no baseline': 'neutral',
  'not compared': 'neutral',
  better: 'good',
  within: 'neutral',
  worse: 'bad',
  overdue: 'bad',
  due: 'warn',
  scheduled: undefined,
  'never checked': 'neutral',
};

/**
 * A status as shown, and its style.
 * @example statusCell('at risk') // { text: 'At risk', style: 'warn' }
 */
export function statusCell(status: string): { text: string; style?: StyleRef } {
  const key = status.toLowerCase() as StatusKey;
  const text = STATUS_WORDS[key] ?? status;
  const style = STATUS_LOOK[key];
  return style ? { text, style } : { text };
}
