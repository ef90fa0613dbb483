import fc from 'fast-check';
import { moveReferences } from '../../src/sheets/formula-refs';
import { mergePeopleAreas } from '../../src/sheets/merge';
import { emptyPlan } from '../../src/sheets/plan';

const area = { top: 50, left: 1, bottom: 60, right: 7 };

describe('moving people formulas with their block', () => {
  it('moves references into the block, keeps the rest, leaves text alone', () => {
    expect(moveReferences('A53*2', 'Review', area, 2, 0)).toBe('A55*2');
    expect(moveReferences('$A$53+B$60', 'Review', area, 2, 0)).toBe('$A$55+B$62');
    expect(moveReferences('SUM(A50:G60)', 'Review', area, 3, 1)).toBe('SUM(B53:H63)');
    expect(moveReferences('A49+H53+A61', 'Review', area, 2, 0)).toBe('A49+H53+A61');
    expect(moveReferences('Dashboard!B55+A53', 'Review', area, 2, 0)).toBe('Dashboard!B55+A55');
    expect(moveReferences("'Review'!A53&\"A53\"", 'Review', area, 2, 0)).toBe("'Review'!A55&\"A53\"");
    expect(moveReferences('LOG10(A53)+ATAN2(1,2)', 'Review', area, 2, 0)).toBe('LOG10(A55)+ATAN2(1,2)');
    expect(moveReferences('Sales_2026+A53', 'Review', area, 2, 0)).toBe('Sales_2026+A55');
  });

  it('is undone by the opposite move (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 50, max: 60 }), fc.integer({ min: 0, max: 30 }), (c, r, d) => {
        const ref = `${String.fromCharCode(64 + c)}${r}`;
        const moved = moveReferences(`${ref}*2+Z1`, 'S', area, d, 0);
        const back = moveReferences(moved, 'S', { ...area, top: area.top + d, bottom: area.bottom + d }, -d, 0);
        expect(back).toBe(`${ref}*2+Z1`);
      }),
    );
  });

  it('a refresh that moves the Actions area keeps a typed formula pointing at its neighbour', () => {
    const plan = { ...emptyPlan('Review 2026-W48'), areas: [{ ref: 'A55:G62', owner: 'people' as const, name: 'actions' }] };
    const merged = mergePeopleAreas(plan, [
      { name: 'actions', ref: 'A53:G60', cells: [{ ref: 'A53', value: 21 }, { ref: 'B53', value: null, formula: 'A53*2' }] },
    ]);
    expect(merged.cells.find((c) => c.ref === 'B55')).toMatchObject({ formula: 'A55*2' });
    expect(merged.cells.find((c) => c.ref === 'A55')).toMatchObject({ value: 21 });
  });
});
