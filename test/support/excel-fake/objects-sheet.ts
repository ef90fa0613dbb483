/**
 * The workbook, its sheets and what hangs off a sheet: protection, freeze panes, page layout and
 * page breaks (ExcelApi 1.9) and notes (1.18).
 */
import { formatRange } from '../../../src/sheets/a1';
import { FakeObject, defineProps, newer, type FakeContext } from './proxy';
import { FakeRange, assertUnprotected } from './objects-range';
import { FakeChartCollection, FakeTableCollection } from './objects-table-chart';
import { FakeNamedItemCollection } from './objects-names';
import { officeError, parseAddress, type RangeRef, type SheetState, type WorkbookState } from './state';
import { isColor } from './typing';

export class FakeApplication extends FakeObject<WorkbookState> {
  static override typeName = 'Application';
  suspendApiCalculationUntilNextSync(): void {
    this.queue(
      'Application.suspendApiCalculationUntilNextSync',
      [],
      () => this.context.markSuspended(),
      '1.6',
    );
  }
}

export class FakeWorkbook extends FakeObject<WorkbookState> {
  static override typeName = 'Workbook';
  get worksheets(): FakeWorksheetCollection {
    return this.child(
      'worksheets',
      (p, l) => new FakeWorksheetCollection(this.context, p, l),
      (t) => t,
    );
  }
  get names(): FakeNamedItemCollection {
    return this.child(
      'names',
      (p, l) => new FakeNamedItemCollection(this.context, p, l),
      (t) => ({ workbook: t }),
    );
  }
  get tables(): FakeTableCollection {
    return this.child(
      'tables',
      (p, l) => new FakeTableCollection(this.context, p, l),
      (t) => ({ workbook: t }),
    );
  }
  get protection(): FakeWorkbookProtection {
    return this.child(
      'protection',
      (p, l) => new FakeWorkbookProtection(this.context, p, l),
      (t) => t,
    );
  }
  get application(): FakeApplication {
    return this.child(
      'application',
      (p, l) => new FakeApplication(this.context, p, l),
      (t) => t,
    );
  }
}

export class FakeWorkbookProtection extends FakeObject<WorkbookState> {
  static override typeName = 'WorkbookProtection';
  protect(): void {
    this.queue('WorkbookProtection.protect', [], () => (this.target().protection.protected = true), '1.7');
  }
  unprotect(): void {
    this.queue('WorkbookProtection.unprotect', [], () => (this.target().protection.protected = false), '1.7');
  }
}
defineProps(FakeWorkbookProtection, { protected: { get: (w) => w.protection.protected, since: '1.7' } });

export class FakeWorksheetCollection extends FakeObject<WorkbookState> {
  static override typeName = 'WorksheetCollection';

  add(name?: string): FakeWorksheet {
    const sheet = new FakeWorksheet(this.context, `${this.path}.add('${name ?? ''}')`, () => null);
    this.queue('WorksheetCollection.add', [name], () => sheet.bind(this.target().addSheet(name)));
    return sheet;
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, `${this.path}.getItem('${name}')`, () => {
      const found = this.target().sheet(name);
      if (!found) throw officeError('ItemNotFound', `There is no sheet named "${name}".`);
      return found;
    });
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    const sheet = new FakeWorksheet(
      this.context,
      `${this.path}.getItemOrNullObject('${name}')`,
      () => this.target().sheet(name) ?? null,
    );
    this.queue('WorksheetCollection.getItemOrNullObject', [name], () => sheet.resolve());
    return sheet;
  }

  get items(): FakeWorksheet[] {
    return this.loadedValue('items') as FakeWorksheet[];
  }

  protected override loadItems(wb: WorkbookState, names: string[]): void {
    this.loaded.set(
      'items',
      wb.sheets.map((s) => {
        const item = new FakeWorksheet(this.context, `${this.path}.getItem('${s.name}')`, () => s);
        item.snapshot(names);
        return item;
      }),
    );
  }
}

export class FakeWorksheet extends FakeObject<SheetState> {
  static override typeName = 'Worksheet';

  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, `${this.path}.getRange('${address ?? ''}')`, () => {
      const rect = parseAddress(address);
      if (!rect) throw officeError('InvalidArgument', `"${address}" is not an address.`);
      return { sheet: this.target(), rect };
    });
  }

  getRangeByIndexes(row: number, column: number, rows: number, columns: number): FakeRange {
    const rect = { top: row + 1, left: column + 1, bottom: row + rows, right: column + columns };
    return new FakeRange(
      this.context,
      `${this.path}.getRangeByIndexes(${row},${column},${rows},${columns})`,
      () => {
        if (rows < 1 || columns < 1) throw officeError('InvalidArgument', 'A range has at least one cell.');
        return { sheet: this.target(), rect };
      },
    );
  }

  activate(): void {
    this.queue('Worksheet.activate', [], () => {
      const sheet = this.target();
      if (sheet.visibility !== 'Visible')
        throw officeError('InvalidOperation', 'A hidden sheet cannot be activated.');
      this.context.state.active = sheet;
    });
  }

  delete(): void {
    this.queue('Worksheet.delete', [], () => this.context.state.deleteSheet(this.target()));
  }

  private part<P>(name: string, make: (c: FakeContext, p: string, l: () => SheetState | null) => P): P {
    return this.child(
      name,
      (p, l) => make(this.context, p, l) as unknown as FakeObject<SheetState>,
      (t) => t,
    ) as unknown as P;
  }
  get protection(): FakeWorksheetProtection {
    return this.part('protection', (c, p, l) => new FakeWorksheetProtection(c, p, l));
  }
  get freezePanes(): FakeFreezePanes {
    return this.part('freezePanes', (c, p, l) => new FakeFreezePanes(c, p, l));
  }
  get pageLayout(): FakePageLayout {
    return this.part('pageLayout', (c, p, l) => new FakePageLayout(c, p, l));
  }
  get horizontalPageBreaks(): FakePageBreaks {
    return this.part('horizontalPageBreaks', (c, p, l) => new FakePageBreaks(c, p, l));
  }
  get notes(): FakeNotes {
    return this.part('notes', (c, p, l) => new FakeNotes(c, p, l));
  }
  get charts(): FakeChartCollection {
    return this.part('charts', (c, p, l) => new FakeChartCollection(c, p, l));
  }
  get tables(): FakeTableCollection {
    return this.child(
      'tables',
      (p, l) => new FakeTableCollection(this.context, p, l),
      (t) => ({ sheet: t }),
    );
  }
  get names(): FakeNamedItemCollection {
    return this.child(
      'names',
      (p, l) => new FakeNamedItemCollection(this.context, p, l),
      (t) => ({ sheet: t }),
    );
  }
}

defineProps(FakeWorksheet, {
  id: { get: (s) => s.id },
  name: { get: (s) => s.name, set: (s, v: string, p) => p.context.state.renameSheet(s, v) },
  position: {
    get: (s, p) => p.context.state.sheets.indexOf(s),
    set: (s, v: number, p) => p.context.state.moveSheet(s, v),
  },
  visibility: { get: (s) => s.visibility, set: (s, v: string, p) => p.context.state.setVisibility(s, v) },
  tabColor: {
    get: (s) => s.tabColor,
    set: (s, v: string) => {
      if (v !== '' && !isColor(v)) throw officeError('InvalidArgument', `${v} is not a colour (#RRGGBB).`);
      s.tabColor = v.toUpperCase();
    },
    since: '1.7',
  },
});

export class FakeWorksheetProtection extends FakeObject<SheetState> {
  static override typeName = 'WorksheetProtection';
  protect(options?: object, password?: string): void {
    this.queue(
      'WorksheetProtection.protect',
      [options, password],
      () => {
        const sheet = this.target();
        if (sheet.protection.protected)
          throw officeError('InvalidOperation', `Sheet "${sheet.name}" is already protected.`);
        sheet.protection = { protected: true, ...(password ? { password } : {}) };
      },
      '1.2',
    );
  }
  unprotect(password?: string): void {
    this.queue(
      'WorksheetProtection.unprotect',
      [password],
      () => {
        const sheet = this.target();
        if (sheet.protection.password !== undefined && sheet.protection.password !== password)
          throw officeError('InvalidArgument', 'The password is incorrect.');
        sheet.protection = { protected: false };
      },
      '1.7',
    );
  }
}
defineProps(FakeWorksheetProtection, { protected: { get: (s) => s.protection.protected, since: '1.2' } });

function rangeOf(sheet: SheetState, x: unknown): RangeRef {
  if (x instanceof FakeRange) return x.target();
  const rect = typeof x === 'string' ? parseAddress(x) : undefined;
  if (!rect) throw officeError('InvalidArgument', `${String(x)} is not an address.`);
  return { sheet, rect };
}

export class FakeFreezePanes extends FakeObject<SheetState> {
  static override typeName = 'WorksheetFreezePanes';
  freezeRows(count = 1): void {
    this.queue(
      'WorksheetFreezePanes.freezeRows',
      [count],
      () => (this.target().freeze = { rows: count, columns: 0 }),
      '1.7',
    );
  }
  freezeColumns(count = 1): void {
    this.queue(
      'WorksheetFreezePanes.freezeColumns',
      [count],
      () => (this.target().freeze = { rows: 0, columns: count }),
      '1.7',
    );
  }
  freezeAt(range: unknown): void {
    this.queue(
      'WorksheetFreezePanes.freezeAt',
      [range],
      () => {
        const { rect } = rangeOf(this.target(), range);
        this.target().freeze = { rows: rect.bottom, columns: rect.right };
      },
      '1.7',
    );
  }
  unfreeze(): void {
    this.queue(
      'WorksheetFreezePanes.unfreeze',
      [],
      () => (this.target().freeze = { rows: 0, columns: 0 }),
      '1.7',
    );
  }
}

export class FakePageLayout extends FakeObject<SheetState> {
  static override typeName = 'PageLayout';
  setPrintArea(area: unknown): void {
    this.queue(
      'PageLayout.setPrintArea',
      [area],
      () => {
        const sheet = this.target();
        sheet.page.printArea = formatRange(rangeOf(sheet, area).rect);
      },
      '1.9',
    );
  }
  setPrintTitleRows(rows: unknown): void {
    this.queue(
      'PageLayout.setPrintTitleRows',
      [rows],
      () => {
        const sheet = this.target();
        const { rect } = rangeOf(sheet, rows);
        if (rect.left !== 1 || rect.right !== 16384)
          throw officeError('InvalidArgument', 'Print title rows must be whole rows.');
        sheet.page.titleRows = `$${rect.top}:$${rect.bottom}`;
      },
      '1.9',
    );
  }
}
defineProps(FakePageLayout, {
  orientation: {
    get: (s) => s.page.orientation,
    set: (s, v: string) => {
      if (v !== 'Landscape' && v !== 'Portrait')
        throw officeError('InvalidArgument', `Unknown orientation ${v}.`);
      s.page.orientation = v;
    },
    since: '1.9',
  },
  zoom: {
    get: (s) => s.page.zoom,
    set: (s, v: Record<string, number>) => {
      const ok = (n: unknown, min: number, max: number) =>
        n === undefined || (typeof n === 'number' && n >= min && n <= max);
      if (
        !v ||
        !ok(v.scale, 10, 400) ||
        !ok(v.horizontalFitToPages, 0, 32767) ||
        !ok(v.verticalFitToPages, 0, 32767)
      )
        throw officeError('InvalidArgument', 'Invalid zoom options.');
      s.page.zoom = { ...v };
    },
    since: '1.9',
  },
});

export class FakePageBreaks extends FakeObject<SheetState> {
  static override typeName = 'PageBreakCollection';
  add(range: unknown): void {
    this.queue(
      'PageBreakCollection.add',
      [range],
      () => {
        const sheet = this.target();
        const row = rangeOf(sheet, range).rect.top;
        if (row < 2) throw officeError('InvalidArgument', 'A page break goes below the first row.');
        if (!sheet.pageBreaks.includes(row))
          sheet.pageBreaks = [...sheet.pageBreaks, row].sort((a, b) => a - b);
      },
      '1.9',
    );
  }
  removePageBreaks(): void {
    this.queue('PageBreakCollection.removePageBreaks', [], () => (this.target().pageBreaks = []), '1.9');
  }
}

export class FakeNotes extends FakeObject<SheetState> {
  static override typeName = 'NoteCollection';
  add(cell: unknown, content: string): void {
    this.queue(
      'NoteCollection.add',
      [cell, content],
      () => {
        const sheet = this.target();
        assertUnprotected(sheet);
        const { rect } = rangeOf(sheet, cell);
        const target = sheet.cell(rect.top, rect.left);
        if (target.note !== undefined) throw officeError('InvalidOperation', 'The cell already has a note.');
        target.note = String(content);
      },
      '1.18',
    );
  }
  get items(): FakeNote[] {
    return this.loadedValue('items') as FakeNote[];
  }
  protected override loadItems(sheet: SheetState, names: string[]): void {
    if (newer('1.18', this.context.api)) throw officeError('ApiNotFound', 'Notes need ExcelApi 1.18.');
    const items: FakeNote[] = [];
    for (const [key, cell] of sheet.cells) {
      if (cell.note === undefined) continue;
      const item = new FakeNote(this.context, `${this.path}.getItem(${key})`, () => ({ sheet, key }));
      item.snapshot(names);
      items.push(item);
    }
    this.loaded.set('items', items);
  }
}

class FakeNote extends FakeObject<{ sheet: SheetState; key: number }> {
  static override typeName = 'Note';
  delete(): void {
    this.queue(
      'Note.delete',
      [],
      () => {
        const { sheet, key } = this.target();
        const cell = sheet.cells.get(key);
        if (cell) cell.note = undefined;
      },
      '1.18',
    );
  }
}
defineProps(FakeNote, { content: { get: (n) => n.sheet.cells.get(n.key)?.note ?? '' } });
