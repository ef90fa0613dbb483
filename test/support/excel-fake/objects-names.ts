/**
 * Names, in the workbook or on a sheet: `add` fails when the name exists (or a table has it), a
 * name follows its sheet when it is renamed and becomes `#REF!` when the sheet is deleted.
 */
import { parseSheetRef } from '../../../src/sheets/a1';
import { FakeObject, defineProps } from './proxy';
import { FakeRange } from './objects-range';
import {
  officeError,
  refText,
  validateDefinedName,
  type NameState,
  type SheetState,
  type WorkbookState,
} from './state';

export type NameScope = { readonly workbook: WorkbookState } | { readonly sheet: SheetState };
const namesOf = (scope: NameScope): Map<string, NameState> =>
  'sheet' in scope ? scope.sheet.names : scope.workbook.names;

export class FakeNamedItemCollection extends FakeObject<NameScope> {
  static override typeName = 'NamedItemCollection';

  add(name: string, reference: unknown, comment?: string): FakeNamedItem {
    const item = new FakeNamedItem(this.context, `${this.path}.add('${name}')`, () => null);
    this.queue(
      'NamedItemCollection.add',
      [name, reference, comment],
      () => {
        const scope = this.target();
        validateDefinedName(name);
        const names = namesOf(scope);
        const key = name.toLowerCase();
        const taken =
          names.has(key) ||
          ('workbook' in scope && scope.workbook.tables().some((t) => t.name.toLowerCase() === key));
        if (taken) throw officeError('ItemAlreadyExists', `The name "${name}" already exists.`);
        let state: NameState;
        if (reference instanceof FakeRange) state = { name, ref: reference.target() };
        else if (typeof reference === 'string' && parseSheetRef(reference.replace(/^=/, ''))) {
          const parsed = parseSheetRef(reference.replace(/^=/, ''))!;
          const sheet = this.context.state.sheet(parsed.sheet);
          if (!sheet) throw officeError('InvalidArgument', `There is no sheet named "${parsed.sheet}".`);
          state = { name, ref: { sheet, rect: parsed.range } };
        } else if (typeof reference === 'string') state = { name, formula: reference };
        else throw officeError('InvalidArgument', 'A name refers to a range or a formula.');
        names.set(key, state);
        item.bind(state);
      },
      '1.4',
    );
    return item;
  }

  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, `${this.path}.getItem('${name}')`, () => {
      const found = namesOf(this.target()).get(name.toLowerCase());
      if (!found) throw officeError('ItemNotFound', `There is no name "${name}".`);
      return found;
    });
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    const item = new FakeNamedItem(
      this.context,
      `${this.path}.getItemOrNullObject('${name}')`,
      () => namesOf(this.target()).get(name.toLowerCase()) ?? null,
    );
    this.queue('NamedItemCollection.getItemOrNullObject', [name], () => item.resolve(), '1.4');
    return item;
  }

  get items(): FakeNamedItem[] {
    return this.loadedValue('items') as FakeNamedItem[];
  }

  protected override loadItems(scope: NameScope, names: string[]): void {
    this.loaded.set(
      'items',
      [...namesOf(scope).values()].map((n) => {
        const item = new FakeNamedItem(this.context, `${this.path}.getItem('${n.name}')`, () => n);
        item.snapshot(names);
        return item;
      }),
    );
  }
}

export class FakeNamedItem extends FakeObject<NameState> {
  static override typeName = 'NamedItem';
  delete(): void {
    this.queue(
      'NamedItem.delete',
      [],
      () => {
        const target = this.target();
        const wb = this.context.state;
        for (const map of [wb.names, ...wb.sheets.map((s) => s.names)]) {
          for (const [key, value] of map) if (value === target) map.delete(key);
        }
      },
      '1.4',
    );
  }
  getRange(): FakeRange {
    return new FakeRange(this.context, `${this.path}.getRange()`, () => {
      const ref = this.target().ref;
      if (!ref || ref.sheet.deleted)
        throw officeError('InvalidOperation', 'The name does not refer to a range.');
      return ref;
    });
  }
}
defineProps(FakeNamedItem, {
  name: { get: (n) => n.name },
  formula: { get: (n) => (n.ref ? `=${refText(n.ref)}` : n.formula), since: '1.7' },
  type: { get: (n) => (n.ref ? (n.ref.sheet.deleted ? 'Error' : 'Range') : 'String') },
  visible: { get: () => true },
});
