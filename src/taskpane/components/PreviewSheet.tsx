import { Caption1, Subtitle2, makeStyles, tokens, useId } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { isDateNumberFormat, serialToDate } from '../../core/number-format';
import { fromA1 } from '../../sheets/a1';
import type { SheetPlan } from '../../sheets/plan';
import { formatPercent } from '../locale-format';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  box: {
    overflow: 'auto',
    maxWidth: '100%',
    maxHeight: '60vh',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  cell: {
    padding: `1px ${tokens.spacingHorizontalXS}`,
    border: `1px solid ${tokens.colorNeutralStroke3}`,
    whiteSpace: 'nowrap',
    maxWidth: '14em',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  number: { textAlign: 'end' },
  formula: { fontStyle: 'italic' },
});

/**
 * A number as its cell's format shows it in the pane's language, roughly: dates, percentages,
 * points, hidden bar values (`12,5%` and `1.398,69` in Indonesian, as Excel shows them there).
 */
function formatted(value: number, format: string | undefined, locale: string): string {
  if (format === ';;;') return '';
  if (isDateNumberFormat(format)) return serialToDate(value).toISOString().slice(0, 10);
  if (format?.includes('" pp"')) {
    const points = new Intl.NumberFormat(locale, {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
      signDisplay: 'exceptZero',
    });
    return `${points.format(value)} pp`;
  }
  if (format?.includes('%')) return formatPercent(value, locale);
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

/** Rows and columns shown of a sheet (a preview, not the whole dashboard). */
const MAX_ROWS = 60;
const MAX_COLUMNS = 16;

export interface PreviewSheetProps {
  readonly plan: SheetPlan;
  readonly note: string;
  /** The pane's locale: numbers are shown with its decimal mark and grouping. */
  readonly locale: string;
}

/**
 * A written sheet as an HTML table, for the preview outside Excel: each cell's value, or a formula's
 * cached result in italics.
 */
export function PreviewSheet({ plan, note, locale }: PreviewSheetProps) {
  const styles = useStyles();
  const id = useId('sheet');
  const box = useRef<HTMLDivElement>(null);
  // "Go to sheet" shows the sheet here: take focus to it, as going to a sheet in Excel would.
  useEffect(() => box.current?.focus(), [plan]);
  const grid = new Map<string, { text: string; number: boolean; formula: boolean }>();
  let rows = 0;
  let columns = 0;
  for (const cell of plan.cells) {
    const pos = fromA1(cell.ref);
    if (!pos || pos.row > MAX_ROWS || pos.column > MAX_COLUMNS) continue;
    const shown = cell.formula !== undefined ? cell.result : cell.value;
    if (shown === null || shown === undefined || shown === '') continue;
    rows = Math.max(rows, pos.row);
    columns = Math.max(columns, pos.column);
    const number = typeof shown === 'number';
    grid.set(`${pos.row}:${pos.column}`, {
      text: number ? formatted(shown, cell.format, locale) : String(shown),
      number,
      formula: cell.formula !== undefined,
    });
  }
  return (
    <div className={styles.root} data-testid="preview-sheet">
      <Subtitle2 as="h2" id={id}>
        {plan.name}
      </Subtitle2>
      <Caption1>{note}</Caption1>
      <div className={styles.box} tabIndex={0} role="region" aria-labelledby={id} ref={box}>
        <table className={styles.table}>
          <tbody>
            {Array.from({ length: rows }, (_, r) => (
              <tr key={r}>
                {Array.from({ length: columns }, (_, c) => {
                  const cell = grid.get(`${r + 1}:${c + 1}`);
                  const classes = [
                    styles.cell,
                    cell?.number ? styles.number : '',
                    cell?.formula ? styles.formula : '',
                  ];
                  return (
                    <td key={c} className={classes.join(' ')} title={cell?.text}>
                      {cell?.text ?? ''}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
