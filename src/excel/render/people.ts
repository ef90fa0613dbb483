/**
 * What people typed into a sheet's people areas, read back for `mergePeopleAreas`. A typed
 * formula is handed over as Excel shows it at its old place (`formulas`, en-US A1): the merge then
 * moves the references it makes into the area along with the area, as cutting and pasting the
 * block would (`=B60*2` in C60 becomes `=B62*2` in C62 when the area moves down two rows). Typed
 * text that merely starts with `=` reads the same through `values` and `formulas` and stays text.
 */
import { fromA1, parseRange, toA1, type CellRange } from '../../sheets/a1';
import { withRowsTypedBelow, type PeopleAreaContent, type PeopleCell } from '../../sheets/merge';
import type { PlanValue } from '../../sheets/plan';

/** One people area as read: where it was and its cells, row by row. */
export interface AreaRead {
  readonly name?: string;
  /** Where the area was on the existing sheet (A1, no sheet). */
  readonly ref: string;
  readonly formulas: readonly (readonly unknown[])[];
  readonly values: readonly (readonly unknown[])[];
  readonly numberFormat: readonly (readonly unknown[])[];
}

function plain(value: unknown): PlanValue {
  if (value === '' || value === null || value === undefined) return null;
  return typeof value === 'number' || typeof value === 'boolean' ? value : String(value);
}

/**
 * The area's cells as `mergePeopleAreas` takes them: value or formula (without `=`), and the
 * cell's own number format when it has one.
 * @example peopleContent({ ref: 'C60', formulas: [['=B60*2']], values: [[8]], numberFormat: [['General']] }).cells
 * // [{ ref: 'C60', value: null, formula: 'B60*2' }]
 */
export function peopleContent(read: AreaRead): PeopleAreaContent {
  const old = parseRange(read.ref)!;
  const cells: PeopleCell[] = [];
  read.formulas.forEach((row, i) =>
    row.forEach((f, j) => {
      const ref = toA1(old.top + i, old.left + j);
      const v = read.values[i]?.[j];
      const nf = read.numberFormat[i]?.[j];
      const format = typeof nf === 'string' && nf !== 'General' ? { format: nf } : {};
      const isFormula = typeof f === 'string' && f.startsWith('=') && f.length > 1 && v !== f;
      cells.push(
        isFormula
          ? { ref, value: null, formula: (f as string).slice(1), ...format }
          : { ref, value: plain(v), ...format },
      );
    }),
  );
  return { ...(read.name !== undefined ? { name: read.name } : {}), ref: read.ref, cells };
}

/**
 * Splits an area into row bands of at most `cells` cells, for reads that stay under the size limit.
 * @example rowBands('A1:G10', 21) // three rows per band: A1:G3, A4:G6, A7:G9, A10:G10
 */
export function rowBands(ref: string, cells: number): CellRange[] {
  const range = parseRange(ref);
  if (!range) return [];
  const width = range.right - range.left + 1;
  const rows = Math.max(1, Math.floor(cells / width));
  const out: CellRange[] = [];
  for (let top = range.top; top <= range.bottom; top += rows) {
    out.push({ ...range, top, bottom: Math.min(range.bottom, top + rows - 1) });
  }
  return out;
}

/**
 * Content read over an area and rows under it, back to the area plus the rows people typed
 * directly under it (`withRowsTypedBelow`). `reachesEnd` is true when typed rows fill the read
 * to its last row, so more may follow.
 * @example typedBelow(peopleContent(readOfA98toG130), 'A98:G105').content.ref // 'A98:G106' when row 106 was typed
 */
export function typedBelow(
  read: PeopleAreaContent,
  areaRef: string,
): { content: PeopleAreaContent; reachesEnd: boolean } {
  const area = parseRange(areaRef)!;
  const readRange = parseRange(read.ref)!;
  const inside: PeopleCell[] = [];
  const rows = new Map<number, PeopleCell[]>();
  for (const cell of read.cells) {
    const row = fromA1(cell.ref)!.row;
    if (row <= area.bottom) inside.push(cell);
    else rows.set(row, [...(rows.get(row) ?? []), cell]);
  }
  const below = [...rows.keys()].sort((a, b) => a - b).map((row) => rows.get(row)!);
  const content = withRowsTypedBelow({ ...read, ref: areaRef, cells: inside }, below);
  const reachesEnd = readRange.bottom > area.bottom && parseRange(content.ref)!.bottom === readRange.bottom;
  return { content, reachesEnd };
}
