/**
 * Cell contents, number formats, column widths, row heights, merges and notes. Contents go in as
 * `formulas` blocks over row bands (one call per band, not per cell), where Excel parses each
 * string as if typed: text is therefore written behind an apostrophe, which Excel drops and which
 * keeps `=1+1`, `+62 812`, `2026-04-22` or `#N/A` the text they are. Formula results are not
 * written: Excel computes them.
 */
import { columnLetters, fromA1, toA1 } from '../../sheets/a1';
import type { CellPlan, SheetPlan } from '../../sheets/plan';
import { columnPoints } from '../../sheets/print';
import { callBytes, step, utf8Length, type Step } from './batch';
import type { Target } from './target';

/** Bytes of one contents block (a third of a batch, so one batch holds several). */
export const BLOCK_BYTES = 500_000;
/** Blank rows a band bridges before a new band starts (each costs a row of `null`s). */
const ROW_GAP = 2;

/** A band of consecutive rows and the columns its cells span. */
export interface CellBlock {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  readonly cells: ReadonlyMap<number, CellPlan>;
}

const key = (row: number, column: number): number => row * 16385 + column;

/**
 * What a formulas block carries for a plan cell: `=formula`, text behind an apostrophe, a number or
 * boolean as is, `''` to clear, `null` to leave a cell that only has a look.
 * @example formulaInput({ ref: 'A1', value: '=1+1' }) // "'=1+1"
 */
export function formulaInput(cell: CellPlan | undefined): string | number | boolean | null {
  if (!cell) return null;
  if (cell.formula !== undefined) return `=${cell.formula}`;
  if (cell.value === undefined) return null;
  if (cell.value === null || cell.value === '') return '';
  return typeof cell.value === 'string' ? `'${cell.value}` : cell.value;
}

/**
 * Cells grouped in bands of nearby rows, each band small enough for one call.
 * @example cellBlocks([textCell('A1', 'a'), textCell('C2', 'b')]) // one block A1:C2
 */
export function cellBlocks(cells: readonly CellPlan[], maxBytes = BLOCK_BYTES): CellBlock[] {
  const rows = new Map<number, { column: number; cell: CellPlan }[]>();
  for (const cell of cells) {
    const pos = fromA1(cell.ref);
    if (!pos) throw new Error(`Plan cell ${cell.ref} is not an A1 address`);
    const list = rows.get(pos.row) ?? [];
    list.push({ column: pos.column, cell });
    rows.set(pos.row, list);
  }
  const blocks: CellBlock[] = [];
  let current:
    | {
        top: number;
        bottom: number;
        left: number;
        right: number;
        bytes: number;
        cells: Map<number, CellPlan>;
      }
    | undefined;
  for (const row of [...rows.keys()].sort((a, b) => a - b)) {
    const list = rows.get(row)!;
    const rowBytes = list.reduce(
      (n, c) => n + utf8Length(String(c.cell.formula ?? c.cell.value ?? '')) + 8,
      0,
    );
    const width = current ? current.right - current.left + 1 : 0;
    if (!current || row > current.bottom + 1 + ROW_GAP || current.bytes + rowBytes + width * 5 > maxBytes) {
      if (current) blocks.push(current);
      current = { top: row, bottom: row, left: Infinity, right: 0, bytes: 0, cells: new Map() };
    }
    current.bottom = row;
    current.bytes += rowBytes + width * 5;
    for (const { column, cell } of list) {
      current.left = Math.min(current.left, column);
      current.right = Math.max(current.right, column);
      current.cells.set(key(row, column), cell);
    }
  }
  if (current) blocks.push(current);
  return blocks;
}

function grid<T>(block: CellBlock, value: (cell: CellPlan | undefined) => T): T[][] {
  const out: T[][] = [];
  for (let r = block.top; r <= block.bottom; r++) {
    const row: T[] = [];
    for (let c = block.left; c <= block.right; c++) row.push(value(block.cells.get(key(r, c))));
    out.push(row);
  }
  return out;
}

const address = (b: CellBlock): string => `${toA1(b.top, b.left)}:${toA1(b.bottom, b.right)}`;

/**
 * Contents and number formats of every plan cell.
 * @example await runner.run(contentSteps(t));
 */
export function contentSteps(t: Target): Step[] {
  const steps: Step[] = [];
  for (const block of cellBlocks(t.plan.cells)) {
    const formulas = grid(block, formulaInput);
    steps.push(step(callBytes(formulas), () => (t.sheet.getRange(address(block)).formulas = formulas)));
    if ([...block.cells.values()].some((c) => c.format)) {
      const formats = grid(block, (cell) => cell?.format ?? null);
      steps.push(step(callBytes(formats), () => (t.sheet.getRange(address(block)).numberFormat = formats)));
    }
  }
  return steps;
}

/** Runs of consecutive indexes with the same size, so neighbours share one call. */
function runs(
  sizes: readonly { readonly index: number; readonly size: number }[],
): { from: number; to: number; size: number }[] {
  const out: { from: number; to: number; size: number }[] = [];
  for (const { index, size } of [...sizes].sort((a, b) => a.index - b.index)) {
    const last = out[out.length - 1];
    if (last && last.to === index - 1 && last.size === size) last.to = index;
    else out.push({ from: index, to: index, size });
  }
  return out;
}

/**
 * Column widths (characters → points, as Excel converts them) and row heights (points).
 * @example layoutSteps(t) // columns B:D of 14 characters: one call setting 77.25 points
 */
export function layoutSteps(t: Target): Step[] {
  const columns = runs(t.plan.columns.map((c) => ({ index: c.index, size: columnPoints(c.width) })));
  const rows = runs((t.plan.rowHeights ?? []).map((r) => ({ index: r.index, size: r.height })));
  return [
    ...columns.map((c) =>
      step(callBytes(c), () => {
        t.sheet.getRange(`${columnLetters(c.from)}:${columnLetters(c.to)}`).format.columnWidth = c.size;
      }),
    ),
    ...rows.map((r) =>
      step(callBytes(r), () => (t.sheet.getRange(`${r.from}:${r.to}`).format.rowHeight = r.size)),
    ),
  ];
}

/**
 * Merged ranges, after the contents (Excel keeps only the top-left value of a merge).
 * @example mergeSteps(t) // ['A1:C1'] → sheet.getRange('A1:C1').merge(false)
 */
export function mergeSteps(t: Target): Step[] {
  return t.plan.merges.map((ref) => step(callBytes(ref), () => t.sheet.getRange(ref).merge(false)));
}

/**
 * Notes need worksheet notes (ExcelApi 1.18); on older hosts they are left out.
 * @example noteSteps({ ...t, capabilities: { notes: false, pageLayout: true } }) // []
 */
export function noteSteps(t: Target): Step[] {
  if (!t.capabilities.notes) return [];
  return t.plan.cells
    .filter((c) => c.note)
    .map((c) => step(callBytes(c.ref, c.note), () => t.sheet.notes.add(t.sheet.getRange(c.ref), c.note)));
}

/**
 * How many notes a plan has (reported as left out where the host has no notes).
 * @example noteCount({ ...emptyPlan('S'), cells: [{ ref: 'A1', value: '—', note: 'why' }] }) // 1
 */
export const noteCount = (plan: SheetPlan): number => plan.cells.filter((c) => c.note).length;
