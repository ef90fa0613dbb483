/**
 * What the Excel host's reading side uses on top of the renderer's subset: a range's rows
 * (`getRow`, `getResizedRange`), a sheet's used range, a table's range, sheet and totals row,
 * a name's range or null, and `workbook.functions.date` (to learn the date system).
 */
import { FakeRange } from './objects-range';
import { FakeWorkbook, FakeWorksheet } from './objects-sheet';
import { FakeNamedItem } from './objects-names';
import { FakeTable } from './objects-table-chart';
import { FakeObject, defineProps } from './proxy';
import { officeError, type RangeRef, type SheetState, type TableState, type WorkbookState } from './state';

declare module './objects-range' {
  interface FakeRange {
    getRow(row: number): FakeRange;
    getResizedRange(deltaRows: number, deltaColumns: number): FakeRange;
  }
}
declare module './objects-sheet' {
  interface FakeWorksheet {
    getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange;
  }
  interface FakeWorkbook {
    readonly functions: FakeFunctions;
  }
}
declare module './objects-names' {
  interface FakeNamedItem {
    getRangeOrNullObject(): FakeRange;
  }
}
declare module './objects-table-chart' {
  interface FakeTable {
    getRange(): FakeRange;
    readonly worksheet: FakeWorksheet;
  }
}

FakeRange.prototype.getRow = function getRow(this: FakeRange, row: number): FakeRange {
  return new FakeRange(this.context, `${this.path}.getRow(${row})`, () => {
    const { sheet, rect } = this.target();
    const r = rect.top + row;
    if (row < 0 || r > rect.bottom)
      throw officeError('InvalidArgument', `Row ${row} is outside ${this.path}.`);
    return { sheet, rect: { top: r, bottom: r, left: rect.left, right: rect.right } };
  });
};

FakeRange.prototype.getResizedRange = function getResizedRange(
  this: FakeRange,
  deltaRows: number,
  deltaColumns: number,
): FakeRange {
  return new FakeRange(this.context, `${this.path}.getResizedRange(${deltaRows},${deltaColumns})`, () => {
    const { sheet, rect } = this.target();
    const next = { ...rect, bottom: rect.bottom + deltaRows, right: rect.right + deltaColumns };
    if (next.bottom < next.top || next.right < next.left)
      throw officeError('InvalidArgument', 'A range has at least one cell.');
    return { sheet, rect: next };
  });
};

/** The smallest rectangle holding every cell with a value or formula (`null` for an empty sheet). */
function usedRect(sheet: SheetState): RangeRef | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  sheet.eachStored({ top: 1, left: 1, bottom: 1_048_576, right: 16_384 }, (cell, r, c) => {
    if (cell.value === undefined && cell.formula === undefined) return;
    top = Math.min(top, r);
    left = Math.min(left, c);
    bottom = Math.max(bottom, r);
    right = Math.max(right, c);
  });
  return bottom === 0 ? null : { sheet, rect: { top, left, bottom, right } };
}

FakeWorksheet.prototype.getUsedRangeOrNullObject = function getUsedRangeOrNullObject(
  this: FakeWorksheet,
): FakeRange {
  const range = new FakeRange(this.context, `${this.path}.getUsedRangeOrNullObject()`, () =>
    usedRect(this.target()),
  );
  this.queue('Worksheet.getUsedRangeOrNullObject', [], () => range.resolve(), '1.4');
  return range;
};

FakeNamedItem.prototype.getRangeOrNullObject = function getRangeOrNullObject(this: FakeNamedItem): FakeRange {
  const range = new FakeRange(this.context, `${this.path}.getRangeOrNullObject()`, () => {
    const ref = this.target().ref;
    return !ref || ref.sheet.deleted ? null : ref;
  });
  this.queue('NamedItem.getRangeOrNullObject', [], () => range.resolve(), '1.4');
  return range;
};

const sheetOfTable = (wb: WorkbookState, t: TableState): SheetState =>
  wb.sheets.find((s) => s.tables.includes(t))!;

FakeTable.prototype.getRange = function getRange(this: FakeTable): FakeRange {
  return new FakeRange(this.context, `${this.path}.getRange()`, () => {
    const table = this.target();
    return { sheet: sheetOfTable(this.context.state, table), rect: table.rect };
  });
};
Object.defineProperty(FakeTable.prototype, 'worksheet', {
  configurable: true,
  get(this: FakeTable) {
    return this.child(
      'worksheet',
      (p, l) => new FakeWorksheet(this.context, p, l),
      (t) => sheetOfTable(this.context.state, t),
    );
  },
});

/** `workbook.functions`: just `date`, which tells the date system (serial 0 in 1904, 1462 in 1900). */
export class FakeFunctions extends FakeObject<WorkbookState> {
  static override typeName = 'Functions';
  date1904 = false;
  date(year: number, month: number, day: number): FakeFunctionResult {
    const result = new FakeFunctionResult(this.context, `${this.path}.date(${year},${month},${day})`, () => {
      const serial = Date.UTC(year, month - 1, day) / 86400000 + 25569;
      return { value: this.date1904 ? serial - 1462 : serial };
    });
    return result;
  }
}
export class FakeFunctionResult extends FakeObject<{ value: number }> {
  static override typeName = 'FunctionResult';
}
defineProps(FakeFunctionResult, { value: { get: (r) => r.value } });

const functionsOf = new WeakMap<FakeWorkbook, FakeFunctions>();
Object.defineProperty(FakeWorkbook.prototype, 'functions', {
  configurable: true,
  get(this: FakeWorkbook) {
    let found = functionsOf.get(this);
    if (!found) {
      found = new FakeFunctions(this.context, 'workbook.functions', () => this.context.state);
      found.date1904 = this.context.state.date1904;
      functionsOf.set(this, found);
    }
    return found;
  },
});
