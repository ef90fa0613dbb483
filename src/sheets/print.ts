/**
 * Page layout for printing: a sheet prints landscape, scaled to one page wide, with its title rows
 * on every page; manual page breaks fall between sections, so a table or chart is not cut in two
 * where a break can be chosen. The page's height in rows is estimated from the columns' widths
 * (the scale fitting them to the page) and Excel's default row height.
 */
import { columnLetters } from './a1';
import type { PrintPlan } from './plan';

/** Rows a section covers, charts beside it included. */
export interface RowBlock {
  readonly top: number;
  readonly bottom: number;
}

/**
 * The printable area of a landscape page in points: the narrower of A4 and Letter (so either
 * prints as planned), less Excel's normal margins (0.7" left and right, 0.75" top and bottom).
 */
export const PAGE = { width: 792 - 2 * 0.7 * 72, height: 595 - 2 * 0.75 * 72 } as const;
/** Excel's default row height (Calibri 11) and the width of a column of unset width, in points. */
const ROW_POINTS = 15;
const DEFAULT_COLUMN_CHARACTERS = 8.43;
/** Rows kept free on each page for rows taller than the default (titles, KPI values). */
const HEIGHT_SLACK = 0.95;

/** A column width in characters as points (Excel: 7 px per character plus 5 px padding, 96 dpi). */
export function columnPoints(characters: number): number {
  return ((Math.trunc(characters * 7 + 0.5) + 5) * 72) / 96;
}

/**
 * Rows that fit on one page below the repeated title rows, for a printed area `lastColumn`
 * columns wide scaled to one page wide.
 */
export function rowsPerPage(
  columns: readonly { readonly index: number; readonly width: number }[],
  lastColumn: number,
  titleRows = 0,
): number {
  const widths = new Map(columns.map((c) => [c.index, c.width]));
  let width = 0;
  for (let c = 1; c <= lastColumn; c++) width += columnPoints(widths.get(c) ?? DEFAULT_COLUMN_CHARACTERS);
  const scale = Math.min(1, PAGE.width / width);
  const rows = Math.floor(((PAGE.height / scale) * HEIGHT_SLACK) / ROW_POINTS) - titleRows;
  return Math.max(10, rows);
}

/**
 * Page breaks between blocks: a block that would run over the page's end starts a new page when
 * it fits on one; a block taller than a page is cut where the page ends. `first` is the first row
 * after the repeated title rows. Returns the rows after which a page ends.
 * @example pageBreaks([{ top: 4, bottom: 30 }, { top: 32, bottom: 60 }], 40, 4) // [31]
 */
export function pageBreaks(blocks: readonly RowBlock[], capacity: number, first: number): number[] {
  const breaks: number[] = [];
  let pageStart = first;
  for (const block of [...blocks].sort((a, b) => a.top - b.top)) {
    if (block.bottom < pageStart) continue;
    if (block.bottom - pageStart + 1 <= capacity) continue;
    if (block.top > pageStart && block.bottom - block.top + 1 <= capacity) {
      breaks.push(block.top - 1);
      pageStart = block.top;
      continue;
    }
    while (block.bottom - pageStart + 1 > capacity) {
      breaks.push(pageStart + capacity - 1);
      pageStart += capacity;
    }
  }
  return breaks;
}

/**
 * The print plan of a sheet laid out in blocks: columns 1…`lastColumn`, landscape, one page wide,
 * rows 1…`titleRows` on every page, breaks between blocks.
 */
export function printPlan(
  columns: readonly { readonly index: number; readonly width: number }[],
  lastColumn: number,
  blocks: readonly RowBlock[],
  titleRows: number,
): PrintPlan {
  const capacity = rowsPerPage(columns, lastColumn, titleRows);
  return {
    area: `A:${columnLetters(lastColumn)}`,
    orientation: 'landscape',
    fitToWidth: true,
    ...(titleRows > 0 ? { titleRows: { first: 1, last: titleRows } } : {}),
    rowBreaks: pageBreaks(blocks, capacity, titleRows + 1),
  };
}
