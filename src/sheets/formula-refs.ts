/**
 * Moving people's formulas with the cells they refer to. When a refresh moves a people area (the
 * Actions table sits lower because the review above it grew), a formula typed there keeps
 * pointing at what it pointed at, as when Excel cuts and pastes a block: references into the
 * moved block move with it; references elsewhere stay.
 */
import { columnLetters, columnNumber, type CellRange } from './a1';

/** A1 references, optionally sheet-qualified; not part of a name or followed by `(` (a function). */
const REFERENCE =
  /(?<![A-Za-z0-9_.$'\]])((?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(!])/g;

function sheetOf(prefix: string | undefined): string | undefined {
  if (!prefix) return undefined;
  const name = prefix.slice(0, -1);
  return name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
}

/**
 * `formula` (A1 notation, without `=` or with it) with every reference into `area` on `sheet`
 * moved by `dRow` rows and `dCol` columns; text in double quotes is left alone.
 * @example moveReferences('A53*2', 'Review', { top: 50, left: 1, bottom: 60, right: 7 }, 2, 0) // 'A55*2'
 * @example moveReferences('Dashboard!B7+A53', 'Review', { top: 50, left: 1, bottom: 60, right: 7 }, 2, 0) // 'Dashboard!B7+A55'
 */
export function moveReferences(
  formula: string,
  sheet: string,
  area: CellRange,
  dRow: number,
  dCol: number,
): string {
  if (dRow === 0 && dCol === 0) return formula;
  // Split on string literals ("a""b" included) and move references in the code parts only.
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            REFERENCE,
            (match, prefix: string | undefined, colAbs: string, col: string, rowAbs: string, row: string) => {
              const target = sheetOf(prefix);
              if (target !== undefined && target.toLowerCase() !== sheet.toLowerCase()) return match;
              const c = columnNumber(col.toUpperCase());
              const r = Number(row);
              if (c > 16384 || r > 1048576) return match;
              if (r < area.top || r > area.bottom || c < area.left || c > area.right) return match;
              return `${prefix ?? ''}${colAbs}${columnLetters(c + dCol)}${rowAbs}${r + dRow}`;
            },
          ),
    )
    .join('');
}
