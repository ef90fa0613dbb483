import { stringsFor } from '../../src/taskpane/strings';

describe('stringsFor', () => {
  it('picks Indonesian for any id-* tag and English otherwise', () => {
    expect(stringsFor('id-ID').readData).toBe('Baca data');
    expect(stringsFor('ID').readData).toBe('Baca data');
    expect(stringsFor('en-GB').readData).toBe('Read data');
    expect(stringsFor('fr-FR').readData).toBe('Read data');
    expect(stringsFor(undefined).readData).toBe('Read data');
  });

  it('translates every string', () => {
    const en = stringsFor('en');
    const id = stringsFor('id');
    const render = (s: unknown): unknown => (typeof s === 'function' ? s('1', '2', '3') : s);
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      if (key === 'appTitle') continue; // the product name stays as is
      const a = en[key];
      const b = id[key];
      if (typeof a === 'object') {
        for (const role of Object.keys(a) as (keyof typeof a)[]) {
          expect([role, (b as typeof a)[role]]).not.toEqual([role, a[role]]);
        }
        expect(Object.keys(b as object)).toEqual(Object.keys(a));
      } else {
        expect([key, render(b)]).not.toEqual([key, render(a)]);
      }
    }
  });

  it('fills the placeholders', () => {
    expect(stringsFor('en').rowsProgress('1,000', '5,000')).toBe('1,000 of 5,000 rows');
    expect(stringsFor('id').readFrom('Orders', 'A1:B2')).toBe('Dari Orders (A1:B2)');
  });
});
