import {
  Badge,
  Body1,
  Button,
  Caption1,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
  useId,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { Currency } from '../../core/currency';
import { isMetricError, type MetricValue } from '../../core/errors';
import { numberGoal, type Goal, type GoalStatus } from '../../core/goals';
import { weekProjections, type WeekProjection } from '../../core/analyses/week-projection';
import { computeWindows, getMetric, type MetricId } from '../../core/metrics';
import {
  calendarOf,
  elapsedShare,
  likeForLike,
  parsePeriodKey,
  periodAt,
  periodOf,
} from '../../core/periods';
import type { OrdersTable } from '../../core/table';
import { chooseAsOf, reviewDay } from '../../core/data-range';
import { weeklyGoals } from '../../workflows/plans';
import type { OpenActionRow } from '../../workflows/saved-job';
import type { WorkbookGateway } from '../gateway';
import { formatCount, formatDate, formatMoney, formatPercent } from '../locale-format';
import type { GoalRow, PaneSettings } from '../model';
import type { Strings } from '../strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  table: { tableLayout: 'fixed', width: '100%' },
  number: { textAlign: 'end', whiteSpace: 'nowrap' },
  // Headings wrap: at 320 px "Same days last week" would run into "Goal pace".
  numberHeading: { textAlign: 'end', whiteSpace: 'normal', overflowWrap: 'break-word' },
  muted: { color: tokens.colorNeutralForeground2 },
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  item: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: tokens.spacingHorizontalS },
  text: { overflow: 'hidden', textOverflow: 'ellipsis', maxWidth: '100%' },
});

const IDS: readonly MetricId[] = ['revenue', 'orders', 'aov', 'customers'];

export interface ThisWeekStepProps {
  readonly strings: Strings;
  readonly locale: string;
  readonly gateway: WorkbookGateway;
  /** The orders read in the Data step, if any. */
  readonly orders: OrdersTable | null;
  readonly settings: PaneSettings;
  readonly goals: readonly GoalRow[];
  /** Today (the caller reads the clock): the week shown is never later than this one. */
  readonly today: number;
  readonly currency?: Currency;
}

interface Line {
  readonly id: MetricId;
  readonly now: MetricValue;
  readonly last: MetricValue;
  readonly pace: number | null;
}

const STATUS_COLOR: Readonly<Record<GoalStatus, 'success' | 'warning' | 'danger'>> = {
  'on track': 'success',
  'at risk': 'warning',
  'off track': 'danger',
};

/** The week at a glance: this week so far against the same days of last week and the goal pace, and the open actions. */
export function ThisWeekStep(props: ThisWeekStepProps) {
  const { strings, locale, gateway, orders, settings, goals, today, currency } = props;
  const styles = useStyles();
  const headingId = useId('week');
  const [actions, setActions] = useState<OpenActionRow[] | null>(null);

  useEffect(() => {
    let live = true;
    gateway
      .openActions()
      .then((list) => live && setActions(list))
      .catch(() => live && setActions([]));
    return () => {
      live = false;
    };
  }, [gateway]);

  const calendar = calendarOf({
    fiscalYearStartMonth: settings.fiscalYearStartMonth,
    weekStartsOn: settings.weekStartsOn as 1,
  });
  // The as-of day set in the pane, else the latest order date but never later than today.
  const given = settings.asOf ? parsePeriodKey(settings.asOf, calendar)?.start : undefined;
  const chosen = chooseAsOf(orders ? { orders } : {}, given, today);
  const asOf = chosen ? reviewDay(chosen, today) : today;
  const week = periodOf(asOf, 'week', calendar);

  const { lines, projections } = useMemo((): { lines: Line[]; projections: WeekProjection[] } => {
    if (!orders) return { lines: [], projections: [] };
    const w = likeForLike(week, asOf);
    const before = (p: { index: number }) => periodAt(p.index - 1, 'week', calendar);
    const inputs = { orders };
    const options = { asOf, calendar };
    const now = computeWindows(
      inputs,
      IDS,
      [before(w.current.period), { ...w.current, key: week.key }],
      options,
    )[0];
    const last = computeWindows(
      inputs,
      IDS,
      [before(w.previous.period), { ...w.previous, key: w.previous.period.key }],
      options,
    )[0];
    const asGoals: Goal[] = goals.flatMap((g) => {
      const period = parsePeriodKey(g.period, calendar);
      const goal = period
        ? numberGoal({ metric: g.metric, period, ...(g.scope ? { scope: g.scope } : {}) }, g.target)
        : null;
      return goal && !isMetricError(goal) ? [goal] : [];
    });
    const targets = weeklyGoals(asGoals, week);
    const share = elapsedShare(week, asOf);
    return {
      lines: IDS.map((id, m) => {
        const goal = targets[id];
        const pace = goal === undefined ? null : getMetric(id).kind === 'flow' ? goal * share : goal;
        return { id, now: now[m], last: last[m], pace };
      }),
      // Where the week is headed, as the review's notes say it.
      projections: weekProjections(inputs, week, asOf, targets, IDS, now, calendar),
    };
  }, [orders, goals, week, asOf, calendar]);

  const show = (id: MetricId, value: MetricValue | null): string => {
    if (value === null) return '';
    if (isMetricError(value)) return '—';
    const unit = getMetric(id).unit;
    return unit === 'currency'
      ? formatMoney(value, currency, locale)
      : unit === 'ratio'
        ? formatPercent(value, locale)
        : formatCount(value, locale);
  };
  const language = strings.catalogue;

  return (
    <section className={styles.root} aria-labelledby={headingId} data-testid="this-week">
      <Subtitle2 as="h2" id={headingId}>
        {strings.weekHeading(week.key)}
      </Subtitle2>
      {!orders ? (
        <Body1 className={styles.muted}>{strings.weekNeedsData}</Body1>
      ) : (
        <Table size="small" className={styles.table} aria-labelledby={headingId}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{strings.weekColumns.metric}</TableHeaderCell>
              <TableHeaderCell className={styles.numberHeading}>{strings.weekColumns.now}</TableHeaderCell>
              <TableHeaderCell className={styles.numberHeading}>{strings.weekColumns.last}</TableHeaderCell>
              <TableHeaderCell className={styles.numberHeading}>{strings.weekColumns.pace}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {lines.map((line) => (
              <TableRow key={line.id} data-metric={line.id}>
                <TableCell>{getMetric(line.id).label[language]}</TableCell>
                <TableCell className={styles.number}>{show(line.id, line.now)}</TableCell>
                <TableCell className={styles.number}>{show(line.id, line.last)}</TableCell>
                <TableCell className={styles.number}>{show(line.id, line.pace)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {projections.length > 0 && (
        <>
          <Subtitle2 as="h3">{strings.weekHeaded}</Subtitle2>
          <ul className={styles.list} data-testid="week-projections">
            {projections.map((p) => (
              <li key={p.id} className={styles.item} data-metric={p.id}>
                <Body1 className={styles.text}>
                  {strings.weekProjected(
                    getMetric(p.id).label[language],
                    formatPercent(p.value / p.goal, locale),
                  )}{' '}
                  <Badge appearance="tint" color={STATUS_COLOR[p.status]}>
                    {strings.goalStatus[p.status]}
                  </Badge>
                </Body1>
                <Caption1 className={styles.muted}>
                  {[
                    strings.weekProjectedValue(
                      show(p.id, p.value),
                      p.interval
                        ? strings.weekInterval(
                            formatPercent(p.interval.low / p.goal, locale),
                            formatPercent(p.interval.high / p.goal, locale),
                          )
                        : undefined,
                    ),
                    p.method.kind === 'ets'
                      ? strings.weekByEts(p.method.model, formatCount(p.method.weeks, locale), p.daysLeft)
                      : strings.weekByRunRate(p.method.reason),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Caption1>
              </li>
            ))}
          </ul>
        </>
      )}
      <Subtitle2 as="h3">{strings.openActionsHeading}</Subtitle2>
      {actions === null ? null : actions.length === 0 ? (
        <Body1 className={styles.muted}>{strings.noOpenActions}</Body1>
      ) : (
        <ul className={styles.list} data-testid="open-actions">
          {actions.map((a) => (
            <li key={`${a.sheet}!${a.ref}`} className={styles.item}>
              <Body1 className={styles.text} title={a.action}>
                {a.action || a.metric}
              </Body1>
              <Caption1 className={styles.muted}>
                {[
                  a.owner,
                  a.status,
                  a.due !== undefined ? strings.dueOn(formatDate(Math.round(a.due) - 25569, locale)) : '',
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Caption1>
              <Button size="small" appearance="subtle" onClick={() => void gateway.goToCell(a.sheet, a.ref)}>
                {strings.goToAction}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
