/**
 * The small style palette every product sheet uses. Plans refer to styles by name
 * (`style: 'header'`), so the ExcelJS and Office.js renderers stay in agreement and a
 * restyle is one edit here. Colours are `RRGGBB` hex without `#`.
 */

/** A cell look, renderer-neutral. */
export interface CellStyle {
  readonly font?: {
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

/** Colours shared by styles, conditional formats and charts (IBCS-style good/bad). */
export const PALETTE = {
  ink: '1F2937',
  muted: '6B7280',
  accent: '1F4E79',
  accentLight: 'DDEBF7',
  rule: 'BFBFBF',
  good: '2E7D32',
  goodFill: 'E2F0D9',
  bad: 'C62828',
  badFill: 'FDE2E1',
  neutral: '7F7F7F',
  neutralFill: 'F2F2F2',
  inputFill: 'FFF9E6',
  series: ['1F77B4', 'FF7F0E', '2CA02C', 'D62728', '9467BD', '8C564B'],
} as const;

export const STYLES = {
  title: { font: { bold: true, size: 16, color: PALETTE.accent } },
  subtitle: { font: { italic: true, size: 10, color: PALETTE.muted } },
  section: { font: { bold: true, size: 12, color: PALETTE.accent }, borderBottom: PALETTE.accent },
  header: { font: { bold: true, color: 'FFFFFF' }, fill: PALETTE.accent, horizontal: 'center', wrap: true },
  kpiLabel: { font: { size: 9, color: PALETTE.muted }, horizontal: 'center' },
  kpiValue: { font: { bold: true, size: 14, color: PALETTE.ink }, horizontal: 'center' },
  good: { font: { color: PALETTE.good }, fill: PALETTE.goodFill },
  bad: { font: { color: PALETTE.bad }, fill: PALETTE.badFill },
  neutral: { font: { color: PALETTE.neutral }, fill: PALETTE.neutralFill },
  note: { font: { italic: true, size: 9, color: PALETTE.muted }, wrap: false },
  input: { fill: PALETTE.inputFill, vertical: 'top', wrap: true },
  total: { font: { bold: true }, borderTop: PALETTE.ink },
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
  neutral: { fill: PALETTE.neutralFill, fontColor: PALETTE.neutral },
} as const satisfies Record<string, ConditionalStyle>;
