/**
 * The refresh rule for cells people own. A refresh builds a fresh plan, reads back what
 * people typed into the `people` areas of the existing sheet, and merges: every cell people
 * typed survives, moved with its area when the area moved, and the area grows when people
 * wrote more rows than the fresh plan has.
 */
import { cellsOf, fromA1, parseRange, formatRange, toA1, type CellRange } from './a1';
import type { AreaPlan, CellPlan, PlanValue, SheetPlan, TablePlan } from './plan';
import { moveReferences } from './formula-refs';

/** One cell read back from a people area (absolute address on the sheet). */
export interface PeopleCell {
  readonly ref: string;
  readonly value: PlanValue;
  readonly formula?: string;
  readonly format?: string;
}

/** What a people area held on the existing sheet: where it was and every cell in it (blanks included). */
export interface PeopleAreaContent {
  readonly name?: string;
  /** Where the area was on the existing sheet. */
  readonly ref: string;
  readonly cells: readonly PeopleCell[];
}

/**
 * The area as people left it: rows typed directly under it (Excel extends a table when a row is
 * typed right below it; other programs do not) join it, up to the first empty row. `below` holds
 * the rows under the area's last row, top first, each with the area's width.
 * @example withRowsTypedBelow(content, [[{ ref: 'A106', value: 'Call Ani' }, { ref: 'B106', value: null }]]).ref // 'A98:B106'
 */
export function withRowsTypedBelow(
  content: PeopleAreaContent,
  below: readonly (readonly PeopleCell[])[],
): PeopleAreaContent {
  const range = parseRange(content.ref);
  if (!range) return content;
  const typed: PeopleCell[] = [];
  let rows = 0;
  for (const row of below) {
    if (!row.some((cell) => cell.formula !== undefined || (cell.value !== null && cell.value !== ''))) break;
    typed.push(...row);
    rows++;
  }
  if (rows === 0) return content;
  return {
    ...content,
    ref: formatRange({ ...range, bottom: range.bottom + rows }),
    cells: [...content.cells, ...typed],
  };
}

/** The area of `plan` that read-back content belongs to: same name, else same range. */
function matchArea(plan: SheetPlan, content: PeopleAreaContent): AreaPlan | undefined {
  const people = plan.areas.filter((a) => a.owner === 'people');
  if (content.name !== undefined) {
    const byName = people.find((a) => a.name === content.name);
    if (byName) return byName;
  }
  return people.find((a) => a.ref === content.ref);
}

/** A range ending on the area's last row grows with the area (tables, drop-down lists). */
function growRef(ref: string, before: CellRange, after: CellRange): string {
  const r = parseRange(ref);
  if (!r || r.bottom !== before.bottom || r.right < before.left || r.left > before.right) return ref;
  return formatRange({ ...r, bottom: after.bottom });
}

function growTables(
  tables: readonly TablePlan[] | undefined,
  before: CellRange,
  after: CellRange,
): TablePlan[] | undefined {
  return tables?.map((t) => ({ ...t, ref: growRef(t.ref, before, after) }));
}

/**
 * Produces the plan to write: `plan` with every cell of `typed` kept.
 *
 * For each read-back area matched to a people area of `plan`, the read-back cells are
 * authoritative over the extent they covered (a cell people cleared stays clear), shifted
 * by the offset between old and new top-left; plan cells of the area beyond that extent
 * (for example newly carried-over actions) are kept. Styles and formats of the plan's cells
 * are kept; a typed cell's own number format is used when the plan gives none.
 * Unmatched read-back areas are ignored (the plan no longer has a place for them).
 *
 * @example
 * const merged = mergePeopleAreas(freshPlan, readPeopleAreas(workbook, freshPlan.name, freshPlan));
 */
export function mergePeopleAreas(plan: SheetPlan, typed: readonly PeopleAreaContent[]): SheetPlan {
  let cells = new Map<string, CellPlan>(plan.cells.map((c) => [c.ref.toUpperCase(), c]));
  let areas = [...plan.areas];
  let tables = plan.tables ? [...plan.tables] : undefined;
  let validations = plan.validations ? [...plan.validations] : undefined;

  for (const content of typed) {
    const area = matchArea(plan, content);
    const oldRange = parseRange(content.ref);
    const newRangeStart = area && parseRange(area.ref);
    if (!area || !oldRange || !newRangeStart) continue;
    const dRow = newRangeStart.top - oldRange.top;
    const dCol = newRangeStart.left - oldRange.left;

    const byRef = new Map(content.cells.map((c) => [c.ref.toUpperCase(), c]));
    for (const oldRef of cellsOf(oldRange)) {
      const pos = fromA1(oldRef)!;
      const target = toA1(pos.row + dRow, pos.column + dCol);
      const typedCell = byRef.get(oldRef);
      const base = cells.get(target);
      const next: CellPlan = {
        ref: target,
        ...(typedCell?.formula !== undefined
          ? { formula: moveReferences(typedCell.formula, plan.name, oldRange, dRow, dCol) }
          : { value: typedCell?.value ?? null }),
        ...((base?.format ?? typedCell?.format) ? { format: base?.format ?? typedCell?.format } : {}),
        ...(base?.style ? { style: base.style } : {}),
        ...(base?.note ? { note: base.note } : {}),
      };
      cells.set(target, next);
    }

    const grown: CellRange = {
      top: newRangeStart.top,
      left: newRangeStart.left,
      bottom: Math.max(newRangeStart.bottom, oldRange.bottom + dRow),
      right: Math.max(newRangeStart.right, oldRange.right + dCol),
    };
    if (grown.bottom !== newRangeStart.bottom || grown.right !== newRangeStart.right) {
      areas = areas.map((a) => (a === area ? { ...a, ref: formatRange(grown) } : a));
      tables = growTables(tables, newRangeStart, grown);
      validations = validations?.map((v) => ({ ...v, ref: growRef(v.ref, newRangeStart, grown) }));
      // Style the grown rows like the area's last planned row so the table looks whole.
      cells = styleGrownRows(cells, newRangeStart, grown);
    }
  }
  return {
    ...plan,
    cells: [...cells.values()],
    areas,
    ...(tables ? { tables } : {}),
    ...(validations ? { validations } : {}),
  };
}

function styleGrownRows(
  cells: Map<string, CellPlan>,
  planned: CellRange,
  grown: CellRange,
): Map<string, CellPlan> {
  for (let r = planned.bottom + 1; r <= grown.bottom; r++) {
    for (let c = grown.left; c <= grown.right; c++) {
      const ref = toA1(r, c);
      const model = cells.get(toA1(planned.bottom, Math.min(c, planned.right)));
      const cell = cells.get(ref);
      if (!cell || !model) continue;
      cells.set(ref, {
        ...cell,
        ...(model.style && !cell.style ? { style: model.style } : {}),
        ...(model.format && !cell.format ? { format: model.format } : {}),
      });
    }
  }
  return cells;
}
