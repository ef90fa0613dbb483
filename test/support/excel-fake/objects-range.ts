/**
 * `Range` and its formats: 2-D writes parse text as typing does (`null` leaves a cell, `''` clears
 * it), locked cells of a protected sheet refuse changes, merges and clears work on rectangles.
 */
import { formatRange, quoteSheetName, type CellRange } from '../../../src/sheets/a1';
import { FakeObject, defineProps } from './proxy';
import { FakeConditionalFormatCollection } from './objects-cf';
import {
  SheetState,
  defaultFormat,
  intersects,
  officeError,
  type Border,
  type CellState,
  type FormatState,
  type RangeRef,
} from './state';
import { a1ToR1C1, isColor, r1c1ToA1, typeText, type FakeValue } from './typing';

type Mode = 'values' | 'formulas' | 'formulasR1C1';

const outValue = (cell: CellState | undefined): unknown => {
  const v = cell?.value;
  if (cell?.formula !== undefined) return v === undefined ? 0 : typeof v === 'object' ? v.error : v;
  if (v === undefined) return '';
  return typeof v === 'object' ? v.error : v;
};

function read(
  ref: RangeRef,
  fn: (cell: CellState | undefined, row: number, column: number) => unknown,
): unknown[][] {
  const { rect, sheet } = ref;
  const rows: unknown[][] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    const row: unknown[] = [];
    for (let c = rect.left; c <= rect.right; c++) row.push(fn(sheet.peek(r, c), r, c));
    rows.push(row);
  }
  return rows;
}

export function assertUnprotected(sheet: SheetState): void {
  if (sheet.protection.protected) throw officeError('AccessDenied', `Sheet "${sheet.name}" is protected.`);
}

function assertShape(ref: RangeRef, input: unknown): unknown[][] {
  const rows = ref.rect.bottom - ref.rect.top + 1;
  const cols = ref.rect.right - ref.rect.left + 1;
  if (
    !Array.isArray(input) ||
    input.length !== rows ||
    input.some((r) => !Array.isArray(r) || r.length !== cols)
  )
    throw officeError(
      'InvalidArgument',
      `The array does not match the size of the range (${rows} × ${cols}).`,
    );
  return input as unknown[][];
}

function writeCell(cell: CellState, input: unknown, mode: Mode, row: number, column: number): void {
  if (typeof input === 'number' || typeof input === 'boolean') {
    if (typeof input === 'number' && !Number.isFinite(input))
      throw officeError('InvalidArgument', 'Not a finite number.');
    Object.assign(cell, { value: input, formula: undefined });
    cell.format.quotePrefix = false;
    return;
  }
  if (typeof input !== 'string')
    throw officeError('InvalidArgument', `Cannot write ${JSON.stringify(input)} to a cell.`);
  const typed = typeText(input);
  cell.format.quotePrefix = false;
  if (typed.kind === 'clear') {
    cell.value = undefined;
    cell.formula = undefined;
  } else if (typed.kind === 'formula') {
    cell.formula = mode === 'formulasR1C1' ? r1c1ToA1(typed.formula, row, column) : typed.formula;
    cell.value = undefined;
  } else {
    cell.value = typed.value as FakeValue;
    cell.formula = undefined;
    if (typed.quotePrefix) cell.format.quotePrefix = true;
    if (typed.format && (cell.numberFormat ?? 'General') === 'General') cell.numberFormat = typed.format;
  }
  if (typeof input === 'string' && input.length > 32767)
    throw officeError('InvalidArgument', 'Text longer than 32,767 characters.');
}

function write(ref: RangeRef, input: unknown, mode: Mode | 'numberFormat'): void {
  const data = assertShape(ref, input);
  const { sheet, rect } = ref;
  data.forEach((row, i) =>
    row.forEach((value, j) => {
      if (value === null) return;
      const r = rect.top + i;
      const c = rect.left + j;
      const cell = sheet.cell(r, c);
      if (sheet.protection.protected && cell.format.locked)
        throw officeError(
          'AccessDenied',
          `Cell ${formatRange({ top: r, left: c, bottom: r, right: c })} is locked.`,
        );
      if (mode === 'numberFormat') cell.numberFormat = value === '' ? undefined : String(value);
      else writeCell(cell, value, mode, r, c);
    }),
  );
}

/** Applies `fn` to every cell's format in the range (stored cells only when it is very large). */
export function eachFormat(
  ref: RangeRef,
  fn: (format: FormatState, row: number, column: number) => void,
): void {
  assertUnprotected(ref.sheet);
  const { rect, sheet } = ref;
  if ((rect.bottom - rect.top + 1) * (rect.right - rect.left + 1) > 2_000_000) {
    sheet.eachStored(rect, (cell, r, c) => fn(cell.format, r, c));
    return;
  }
  for (let r = rect.top; r <= rect.bottom; r++)
    for (let c = rect.left; c <= rect.right; c++) fn(sheet.cell(r, c).format, r, c);
}

export class FakeRange extends FakeObject<RangeRef> {
  static override typeName = 'Range';

  get format(): FakeRangeFormat {
    return this.child(
      'format',
      (p, l) => new FakeRangeFormat(this.context, p, l),
      (t) => t,
    );
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    return this.child(
      'conditionalFormats',
      (p, l) => new FakeConditionalFormatCollection(this.context, p, l),
      (t) => t,
    );
  }

  get dataValidation(): FakeDataValidation {
    return this.child(
      'dataValidation',
      (p, l) => new FakeDataValidation(this.context, p, l),
      (t) => t,
    );
  }

  clear(applyTo: string = 'All'): void {
    this.queue('Range.clear', [applyTo], () => {
      const ref = this.target();
      assertUnprotected(ref.sheet);
      ref.sheet.eachStored(ref.rect, (cell, r, c) => {
        if (applyTo === 'All' || applyTo === 'Contents')
          Object.assign(cell, { value: undefined, formula: undefined });
        if (applyTo === 'All' || applyTo === 'Formats')
          Object.assign(cell, { numberFormat: undefined, format: defaultFormat() });
        // Notes stay: clearing is not documented to remove them, so a renderer deletes them itself.
        if (cell.value === undefined && cell.formula === undefined && !cell.note && applyTo === 'All')
          ref.sheet.cells.delete(SheetState.key(r, c));
      });
    });
  }

  merge(across = false): void {
    this.queue('Range.merge', [across], () => {
      const { sheet, rect } = this.target();
      assertUnprotected(sheet);
      if (sheet.tables.some((t) => intersects(t.rect, rect)))
        throw officeError('InvalidOperation', 'Cannot merge cells in a table.');
      const parts: CellRange[] = across
        ? Array.from({ length: rect.bottom - rect.top + 1 }, (_, i) => ({
            ...rect,
            top: rect.top + i,
            bottom: rect.top + i,
          }))
        : [rect];
      for (const part of parts) {
        sheet.merges = sheet.merges.filter((m) => !intersects(m, part));
        sheet.merges.push(part);
        sheet.eachStored(part, (cell, r, c) => {
          if (r !== part.top || c !== part.left)
            Object.assign(cell, { value: undefined, formula: undefined });
        });
      }
    });
  }

  unmerge(): void {
    this.queue('Range.unmerge', [], () => {
      const { sheet, rect } = this.target();
      assertUnprotected(sheet);
      sheet.merges = sheet.merges.filter((m) => !intersects(m, rect));
    });
  }
}

defineProps(FakeRange, {
  address: { get: (t) => `${quoteSheetName(t.sheet.name)}!${formatRange(t.rect)}` },
  rowCount: { get: (t) => t.rect.bottom - t.rect.top + 1 },
  columnCount: { get: (t) => t.rect.right - t.rect.left + 1 },
  values: { get: (t) => read(t, outValue), set: (t, v) => write(t, v, 'values') },
  formulas: {
    get: (t) => read(t, (cell) => (cell?.formula !== undefined ? cell.formula : outValue(cell))),
    set: (t, v) => write(t, v, 'formulas'),
  },
  formulasR1C1: {
    get: (t) =>
      read(t, (cell, r, c) => (cell?.formula !== undefined ? a1ToR1C1(cell.formula, r, c) : outValue(cell))),
    set: (t, v) => write(t, v, 'formulasR1C1'),
    since: '1.2',
  },
  numberFormat: {
    get: (t) => read(t, (cell) => cell?.numberFormat ?? 'General'),
    set: (t, v) => write(t, v, 'numberFormat'),
  },
});

const H_ALIGN = [
  'General',
  'Left',
  'Center',
  'Right',
  'Fill',
  'Justify',
  'CenterAcrossSelection',
  'Distributed',
];
const V_ALIGN = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];

function oneOf(list: readonly string[], value: unknown, what: string): string {
  if (typeof value !== 'string' || !list.includes(value))
    throw officeError('InvalidArgument', `${String(value)} is not a ${what}.`);
  return value;
}

function color(value: unknown): string {
  if (!isColor(value)) throw officeError('InvalidArgument', `${String(value)} is not a colour (#RRGGBB).`);
  return (value as string).toUpperCase();
}

function positive(value: unknown): number {
  if (typeof value !== 'number' || !(value >= 0))
    throw officeError('InvalidArgument', `${String(value)} is not a size.`);
  return value;
}

export class FakeRangeFormat extends FakeObject<RangeRef> {
  static override typeName = 'RangeFormat';
  get font(): FakeRangeFont {
    return this.child(
      'font',
      (p, l) => new FakeRangeFont(this.context, p, l),
      (t) => t,
    );
  }
  get fill(): FakeRangeFill {
    return this.child(
      'fill',
      (p, l) => new FakeRangeFill(this.context, p, l),
      (t) => t,
    );
  }
  get protection(): FakeFormatProtection {
    return this.child(
      'protection',
      (p, l) => new FakeFormatProtection(this.context, p, l),
      (t) => t,
    );
  }
  get borders(): FakeBorders {
    return this.child(
      'borders',
      (p, l) => new FakeBorders(this.context, p, l),
      (t) => t,
    );
  }
}

const lines = (t: RangeRef, pick: 'columns' | 'rows'): number[] => {
  const [a, b] = pick === 'columns' ? [t.rect.left, t.rect.right] : [t.rect.top, t.rect.bottom];
  if (b - a > 20000) return [];
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
};

defineProps(FakeRangeFormat, {
  columnWidth: {
    get: (t) => t.sheet.columnWidths.get(t.rect.left) ?? 48,
    set: (t, v) => lines(t, 'columns').forEach((c) => t.sheet.columnWidths.set(c, positive(v))),
    since: '1.2',
  },
  rowHeight: {
    get: (t) => t.sheet.rowHeights.get(t.rect.top) ?? 15,
    set: (t, v) => lines(t, 'rows').forEach((r) => t.sheet.rowHeights.set(r, positive(v))),
    since: '1.2',
  },
  useStandardWidth: {
    set: (t, v: boolean) =>
      v &&
      [...t.sheet.columnWidths.keys()]
        .filter((c) => c >= t.rect.left && c <= t.rect.right)
        .forEach((c) => t.sheet.columnWidths.delete(c)),
    since: '1.7',
  },
  useStandardHeight: {
    set: (t, v: boolean) =>
      v &&
      [...t.sheet.rowHeights.keys()]
        .filter((r) => r >= t.rect.top && r <= t.rect.bottom)
        .forEach((r) => t.sheet.rowHeights.delete(r)),
    since: '1.7',
  },
  horizontalAlignment: {
    set: (t, v) => eachFormat(t, (f) => (f.horizontal = oneOf(H_ALIGN, v, 'horizontal alignment'))),
  },
  verticalAlignment: {
    set: (t, v) => eachFormat(t, (f) => (f.vertical = oneOf(V_ALIGN, v, 'vertical alignment'))),
  },
  wrapText: { set: (t, v: boolean) => eachFormat(t, (f) => (f.wrap = Boolean(v))) },
});

export class FakeRangeFont extends FakeObject<RangeRef> {
  static override typeName = 'RangeFont';
}
defineProps(FakeRangeFont, {
  name: { set: (t, v: string) => eachFormat(t, (f) => (f.font.name = String(v))) },
  size: { set: (t, v) => eachFormat(t, (f) => (f.font.size = positive(v))) },
  bold: { set: (t, v: boolean) => eachFormat(t, (f) => (f.font.bold = Boolean(v))) },
  italic: { set: (t, v: boolean) => eachFormat(t, (f) => (f.font.italic = Boolean(v))) },
  color: { set: (t, v) => eachFormat(t, (f) => (f.font.color = color(v))) },
});

export class FakeRangeFill extends FakeObject<RangeRef> {
  static override typeName = 'RangeFill';
}
defineProps(FakeRangeFill, { color: { set: (t, v) => eachFormat(t, (f) => (f.fill = color(v))) } });

export class FakeFormatProtection extends FakeObject<RangeRef> {
  static override typeName = 'FormatProtection';
}
defineProps(FakeFormatProtection, {
  locked: {
    get: (t) => t.sheet.peek(t.rect.top, t.rect.left)?.format.locked ?? true,
    set: (t, v: boolean) => eachFormat(t, (f) => (f.locked = Boolean(v))),
    since: '1.2',
  },
});

const EDGES = [
  'EdgeTop',
  'EdgeBottom',
  'EdgeLeft',
  'EdgeRight',
  'InsideVertical',
  'InsideHorizontal',
  'DiagonalDown',
  'DiagonalUp',
];
const LINE_STYLES = ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot'];

export class FakeBorders extends FakeObject<RangeRef> {
  static override typeName = 'RangeBorderCollection';
  getItem(index: string): FakeBorder {
    return this.child(
      `getItem('${index}')`,
      (p, l) => new FakeBorder(this.context, p, l),
      (t) => {
        oneOf(EDGES, index, 'border index');
        return { ref: t, index };
      },
    );
  }
}

interface BorderRef {
  readonly ref: RangeRef;
  readonly index: string;
}

function setBorder(t: BorderRef, patch: Partial<Border>): void {
  const { rect } = t.ref;
  eachFormat(t.ref, (f, r, c) => {
    const sides: string[] = [];
    if ((t.index === 'EdgeTop' && r === rect.top) || (t.index === 'InsideHorizontal' && r > rect.top))
      sides.push('top');
    if (
      (t.index === 'EdgeBottom' && r === rect.bottom) ||
      (t.index === 'InsideHorizontal' && r < rect.bottom)
    )
      sides.push('bottom');
    if ((t.index === 'EdgeLeft' && c === rect.left) || (t.index === 'InsideVertical' && c > rect.left))
      sides.push('left');
    if ((t.index === 'EdgeRight' && c === rect.right) || (t.index === 'InsideVertical' && c < rect.right))
      sides.push('right');
    for (const side of sides) {
      const next: Border = {
        ...{ style: 'Continuous', color: '#000000', weight: 'Thin' },
        ...f.borders[side],
        ...patch,
      };
      if (next.style === 'None') delete f.borders[side];
      else f.borders[side] = next;
    }
  });
}

export class FakeBorder extends FakeObject<BorderRef> {
  static override typeName = 'RangeBorder';
}
defineProps(FakeBorder, {
  style: { set: (t, v) => setBorder(t, { style: oneOf(LINE_STYLES, v, 'line style') }) },
  color: { set: (t, v) => setBorder(t, { color: color(v) }) },
  weight: {
    set: (t, v) =>
      setBorder(t, { weight: oneOf(['Hairline', 'Thin', 'Medium', 'Thick'], v, 'border weight') }),
  },
});

export class FakeDataValidation extends FakeObject<RangeRef> {
  static override typeName = 'DataValidation';
  clear(): void {
    this.queue(
      'DataValidation.clear',
      [],
      () => {
        const { sheet, rect } = this.target();
        assertUnprotected(sheet);
        sheet.validations = sheet.validations.filter((v) => !intersects(v.rect, rect));
      },
      '1.8',
    );
  }
}

function validationOf(t: RangeRef) {
  assertUnprotected(t.sheet);
  const same = (r: CellRange) =>
    r.top === t.rect.top && r.left === t.rect.left && r.bottom === t.rect.bottom && r.right === t.rect.right;
  let entry = t.sheet.validations.find((v) => same(v.rect));
  if (!entry) {
    t.sheet.validations = t.sheet.validations.filter((v) => !intersects(v.rect, t.rect));
    t.sheet.validations.push((entry = { rect: t.rect, rule: undefined }));
  }
  return entry;
}

defineProps(FakeDataValidation, {
  rule: {
    set: (t, v: { list?: { source: unknown; inCellDropDown: boolean } }) => {
      const source = v?.list?.source;
      if (v?.list && typeof source === 'string' && (source.length > 255 || source.length === 0))
        throw officeError(
          'InvalidArgument',
          'A list typed in a validation rule holds at most 255 characters.',
        );
      validationOf(t).rule = v;
    },
    since: '1.8',
  },
  errorAlert: { set: (t, v) => (validationOf(t).errorAlert = v), since: '1.8' },
  ignoreBlanks: { set: (t, v: boolean) => (validationOf(t).ignoreBlanks = v), since: '1.8' },
});
