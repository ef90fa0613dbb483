import fc from 'fast-check';
import { mergePeopleAreas, withRowsTypedBelow, type PeopleAreaContent } from '../../src/sheets/merge';
import { emptyPlan, textCell, type SheetPlan } from '../../src/sheets/plan';
import { cellsOf, parseRange } from '../../src/sheets/a1';

/** Actions header in row 9 (computed), body A10:C12 owned by people, a pre-filled status column. */
function reviewPlan(bodyTop = 10): SheetPlan {
  const top = bodyTop;
  return {
    ...emptyPlan('Review 2026-W48'),
    cells: [
      textCell(`A${top - 1}`, 'Action', 'header'),
      textCell(`B${top - 1}`, 'Owner', 'header'),
      textCell(`C${top - 1}`, 'Status', 'header'),
      ...[0, 1, 2].flatMap((i) => [
        { ref: `A${top + i}`, value: null, style: 'input' as const },
        { ref: `B${top + i}`, value: null, style: 'input' as const },
        { ref: `C${top + i}`, value: 'open', style: 'input' as const },
      ]),
      textCell('A1', 'Weekly review', 'title'),
    ],
    tables: [
      { name: 'Actions_2026_W48', ref: `A${top - 1}:C${top + 2}`, columns: ['Action', 'Owner', 'Status'] },
    ],
    validations: [{ ref: `C${top}:C${top + 2}`, list: ['open', 'done'] }],
    areas: [
      { ref: `A${top - 1}:C${top - 1}`, owner: 'computed' },
      { ref: `A${top}:C${top + 2}`, owner: 'people', name: 'actions' },
    ],
  };
}

const cell = (plan: SheetPlan, ref: string) => plan.cells.find((c) => c.ref === ref);

describe('mergePeopleAreas', () => {
  it('keeps typed cells, the plan style, and cells people cleared', () => {
    const typed: PeopleAreaContent[] = [
      {
        name: 'actions',
        ref: 'A10:C12',
        cells: [
          { ref: 'A10', value: 'Call Acme' },
          { ref: 'B10', value: 'Dewi' },
          { ref: 'C10', value: 'done' },
          { ref: 'A11', value: '=not a formula' },
          { ref: 'C11', value: null },
          { ref: 'A12', value: null, formula: 'B10&" follows up"' },
          { ref: 'B12', value: 45900, format: 'yyyy-mm-dd' },
        ],
      },
    ];
    const merged = mergePeopleAreas(reviewPlan(), typed);
    expect(cell(merged, 'A10')).toEqual({ ref: 'A10', value: 'Call Acme', style: 'input' });
    expect(cell(merged, 'C10')?.value).toBe('done');
    expect(cell(merged, 'A11')?.value).toBe('=not a formula');
    expect(cell(merged, 'A11')?.formula).toBeUndefined();
    expect(cell(merged, 'C11')?.value).toBeNull(); // cleared by people, not refilled with 'open'
    expect(cell(merged, 'A12')).toEqual({ ref: 'A12', formula: 'B10&" follows up"', style: 'input' });
    expect(cell(merged, 'B12')).toEqual({ ref: 'B12', value: 45900, format: 'yyyy-mm-dd', style: 'input' });
    expect(cell(merged, 'A9')?.value).toBe('Action');
    expect(merged.cells.filter((c) => c.ref === 'A10')).toHaveLength(1);
  });

  it('moves typed cells with their area when the fresh plan places it lower', () => {
    const typed: PeopleAreaContent[] = [
      { name: 'actions', ref: 'A10:C12', cells: [{ ref: 'B11', value: 'Rudi' }] },
    ];
    const merged = mergePeopleAreas(reviewPlan(15), typed);
    expect(cell(merged, 'B16')?.value).toBe('Rudi');
    expect(cell(merged, 'B11')).toBeUndefined();
  });

  it('grows the area and its table when people wrote more rows than the plan has', () => {
    const typed: PeopleAreaContent[] = [
      {
        name: 'actions',
        ref: 'A10:C14',
        cells: [
          { ref: 'A14', value: 'Fifth action' },
          { ref: 'C14', value: 'open' },
        ],
      },
    ];
    const merged = mergePeopleAreas(reviewPlan(), typed);
    expect(merged.areas.find((a) => a.name === 'actions')?.ref).toBe('A10:C14');
    expect(merged.tables?.[0].ref).toBe('A9:C14');
    expect(merged.validations?.[0].ref).toBe('C10:C14');
    expect(cell(merged, 'A14')).toEqual({ ref: 'A14', value: 'Fifth action', style: 'input' });
    expect(cell(merged, 'B13')).toEqual({ ref: 'B13', value: null, style: 'input' });
  });

  it('ignores content whose area the fresh plan no longer has', () => {
    const typed: PeopleAreaContent[] = [{ name: 'gone', ref: 'Z1:Z2', cells: [{ ref: 'Z1', value: 'x' }] }];
    expect(mergePeopleAreas(reviewPlan(), typed)).toEqual(reviewPlan());
  });

  it('keeps every typed cell, wherever the area moves (property)', () => {
    const area = parseRange('A10:C12')!;
    const refs = cellsOf(area);
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom(...refs),
            fc.oneof(fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(null)),
          ),
        ),
        fc.integer({ min: 2, max: 40 }),
        (edits, newTop) => {
          const typedMap = new Map(edits);
          const typed: PeopleAreaContent[] = [
            { name: 'actions', ref: 'A10:C12', cells: [...typedMap].map(([ref, value]) => ({ ref, value })) },
          ];
          const merged = mergePeopleAreas(reviewPlan(newTop), typed);
          return [...typedMap].every(([ref, value]) => {
            const p = parseRange(ref)!;
            const moved = `${ref[0]}${p.top - 10 + newTop}`;
            return Object.is(cell(merged, moved)?.value, value);
          });
        },
      ),
    );
  });
});

describe('withRowsTypedBelow', () => {
  const area = {
    name: 'actions',
    ref: 'A98:B99',
    cells: [
      { ref: 'A98', value: 'Call Ani' },
      { ref: 'B98', value: 'open' },
      { ref: 'A99', value: null },
      { ref: 'B99', value: null },
    ],
  };
  const row = (n: number, a: string | null, b: string | null, formula?: string) => [
    { ref: `A${n}`, value: a, ...(formula ? { formula } : {}) },
    { ref: `B${n}`, value: b },
  ];

  it('adds the rows typed under the area up to the first empty one', () => {
    const grown = withRowsTypedBelow(area, [
      row(100, 'Visit Bali', null),
      row(101, null, 'done'),
      row(102, null, null),
      row(103, 'far below', null),
    ]);
    expect(grown.ref).toBe('A98:B101');
    expect(grown.cells.map((c) => c.ref)).toEqual([
      'A98',
      'B98',
      'A99',
      'B99',
      'A100',
      'B100',
      'A101',
      'B101',
    ]);
    expect(grown.cells.find((c) => c.ref === 'B101')?.value).toBe('done');
  });

  it('counts a formula as typed and an empty text as nothing', () => {
    expect(withRowsTypedBelow(area, [row(100, '', '')]).ref).toBe('A98:B99');
    expect(withRowsTypedBelow(area, [row(100, null, null, '=A98')]).ref).toBe('A98:B100');
  });

  it('leaves the area as it is with nothing under it', () => {
    expect(withRowsTypedBelow(area, [])).toBe(area);
  });
});
