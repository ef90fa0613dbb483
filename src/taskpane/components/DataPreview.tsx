import { Caption1, makeStyles, tokens, useId } from '@fluentui/react-components';
import type { CellValue } from '../../core/cell';
import { serialToDate } from '../../core/number-format';

/** A cell as the preview shows it: text as is, dates as days, numbers as Excel would. */
function shownText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.toISOString().slice(0, 10) : '';
  return String(value);
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  // The table scrolls inside its box: the pane itself never scrolls sideways.
  box: {
    overflowX: 'auto',
    maxWidth: '100%',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  cell: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    whiteSpace: 'nowrap',
    maxWidth: '12em',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  head: { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorNeutralBackground2 },
});

export interface DataPreviewProps {
  readonly heading: string;
  readonly rows: readonly (readonly CellValue[])[];
  /** Rows shown (the header included). */
  readonly limit?: number;
  /** The column read as the order date: its serial numbers are shown as dates. */
  readonly dateColumn?: number | null;
}

/** The first rows of what was read, as a small table that scrolls inside its box. */
export function DataPreview({ heading, rows, limit = 6, dateColumn }: DataPreviewProps) {
  const styles = useStyles();
  const id = useId('preview');
  const shown = rows.slice(0, limit);
  const width = Math.max(0, ...shown.map((r) => r.length));
  if (shown.length === 0) return null;
  return (
    <div className={styles.root} data-testid="data-preview">
      <Caption1 id={id}>{heading}</Caption1>
      <div className={styles.box} tabIndex={0} role="region" aria-labelledby={id}>
        <table className={styles.table}>
          <tbody>
            {shown.map((row, r) => (
              <tr key={r}>
                {Array.from({ length: width }, (_, c) => {
                  const value = row[c] ?? null;
                  const text =
                    r > 0 && c === dateColumn && typeof value === 'number'
                      ? serialToDate(value).toISOString().slice(0, 10)
                      : shownText(value);
                  return r === 0 ? (
                    <th key={c} scope="col" className={`${styles.cell} ${styles.head}`} title={text}>
                      {text}
                    </th>
                  ) : (
                    <td key={c} className={styles.cell} title={text}>
                      {text}
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
