import {
  Caption1,
  Field,
  Select,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
  useId,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Evaluate, SplitMethod, SplitUnit } from '../../../core/goals';
import { getMetric } from '../../../core/metrics';
import type { Calendar, Period } from '../../../core/periods';
import { showMetric } from '../../format';
import { isCurvePaced, splitPreview, splitUnits } from '../../goals-model';
import type { GoalRow } from '../../model';
import type { GoalsStrings } from '../../strings-goals';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  heading: { margin: 0 },
  choices: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(120px, 1fr))',
    gap: tokens.spacingHorizontalS,
  },
  field: { minWidth: 0, gridTemplateColumns: 'minmax(0, 1fr)' },
  control: { minWidth: 0, width: '100%' },
  note: { color: tokens.colorNeutralForeground2 },
  // A year of weeks is 53 lines: it scrolls down inside its box, never sideways.
  scroller: { maxHeight: '240px', overflowY: 'auto', overflowX: 'hidden' },
  table: { width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed' },
  cell: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    textAlign: 'left',
  },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  total: { fontWeight: tokens.fontWeightSemibold },
});

export interface SplitPreviewProps {
  readonly strings: GoalsStrings;
  readonly locale: string;
  readonly calendar: Calendar;
  /** The goal when its row is valid. */
  readonly row?: GoalRow;
  readonly period?: Period;
  /** The goal's metric over last year's windows, for the seasonal split. */
  readonly evaluate?: Evaluate;
}

/** A goal's months or weeks, evenly or shaped like last year: a preview, nothing is saved. */
export function SplitPreview({ strings, locale, calendar, row, period, evaluate }: SplitPreviewProps) {
  const styles = useStyles();
  const headingId = useId('split');
  const units = period ? splitUnits(period) : [];
  const [chosenUnit, setUnit] = useState<SplitUnit>('month');
  const [method, setMethod] = useState<SplitMethod>('even');
  // A month goal offers weeks only, whatever was chosen for a year before.
  const unit = units.includes(chosenUnit) ? chosenUnit : units[0];
  // Rows are rebuilt on every keystroke elsewhere in the grid; a seasonal split evaluates the
  // data once per part, so it is redone only when the goal itself changes.
  const rowKey = row ? JSON.stringify(row) : '';
  const data = useMemo(
    () =>
      row && unit
        ? splitPreview(row, {
            unit,
            method,
            calendar,
            locale,
            words: strings,
            ...(evaluate ? { evaluate } : {}),
          })
        : null,
    // `row` itself is left out on purpose: it is compared by its content, rowKey.
    [rowKey, unit, method, calendar, locale, strings, evaluate],
  );
  const body = !row ? (
    <Caption1 className={styles.note}>{strings.fixRowFirst}</Caption1>
  ) : isCurvePaced(row.metric) ? (
    <Caption1 className={styles.note}>{strings.notSplitCurve}</Caption1>
  ) : !unit || !data ? (
    <Caption1 className={styles.note}>{strings.notSplittable}</Caption1>
  ) : (
    <>
      <div className={styles.choices}>
        <Field className={styles.field} label={strings.splitInto} size="small">
          <Select
            className={styles.control}
            size="small"
            value={unit}
            onChange={(_, d) => setUnit(d.value as SplitUnit)}
          >
            {units.map((u) => (
              <option key={u} value={u}>
                {u === 'month' ? strings.months : strings.weeks}
              </option>
            ))}
          </Select>
        </Field>
        <Field className={styles.field} label={strings.splitHow} size="small">
          <Select
            className={styles.control}
            size="small"
            value={method}
            onChange={(_, d) => setMethod(d.value as SplitMethod)}
          >
            <option value="even">{strings.even}</option>
            <option value="seasonal">{strings.seasonal}</option>
          </Select>
        </Field>
      </div>
      <div aria-live="polite">
        {data.applied === 'same-rate' && <Caption1 className={styles.note}>{strings.sameRate}</Caption1>}
        {method === 'seasonal' && data.applied === 'even' && (
          <Caption1 className={styles.note} title={data.fallbackReason}>
            {strings.seasonalFallback}
          </Caption1>
        )}
      </div>
      <SplitTable strings={strings} locale={locale} row={row} data={data} labelledBy={headingId} />
      <Caption1 className={styles.note}>{strings.splitNote}</Caption1>
    </>
  );
  return (
    <section className={styles.root} aria-labelledby={headingId} data-testid="split-preview">
      <Text as="h4" weight="semibold" size={200} id={headingId} className={styles.heading}>
        {strings.splitHeading}
      </Text>
      {body}
    </section>
  );
}

function SplitTable(props: {
  strings: GoalsStrings;
  locale: string;
  row: GoalRow;
  data: NonNullable<ReturnType<typeof splitPreview>>;
  labelledBy: string;
}) {
  const { strings, locale, row, data } = props;
  const styles = useStyles();
  const unit = getMetric(row.metric).unit;
  const show = (n: number) => showMetric(n, unit, locale).text;
  const total = data.parts.reduce((sum, p) => sum + p.target, 0);
  return (
    // Focusable so that a keyboard can scroll a long list of weeks.
    <div className={styles.scroller} tabIndex={0} role="region" aria-labelledby={props.labelledBy}>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col" className={styles.cell}>
              {strings.period}
            </th>
            <th scope="col" className={mergeClasses(styles.cell, styles.number)}>
              {strings.target}
            </th>
          </tr>
        </thead>
        <tbody>
          {data.parts.map((part) => {
            const label = part.partial ? `${part.label} (${strings.partialWeek})` : part.label;
            return (
              <tr key={part.key}>
                <th scope="row" className={styles.cell} title={label}>
                  {label}
                </th>
                <td className={mergeClasses(styles.cell, styles.number)}>{show(part.target)}</td>
              </tr>
            );
          })}
          {data.applied !== 'same-rate' && (
            <tr className={styles.total}>
              <th scope="row" className={styles.cell}>
                {strings.total}
              </th>
              <td className={mergeClasses(styles.cell, styles.number)}>{show(total)}</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
