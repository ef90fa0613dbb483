import {
  Caption1,
  Subtitle2,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
  useId,
} from '@fluentui/react-components';
import { isMetricError } from '../../core/errors';
import { getMetric } from '../../core/metrics';
import { dayLabel, monthLabel, showChange, showMetric, type Shown } from '../format';
import type { HeadlineKpis, Kpi } from '../kpis';
import type { Strings } from '../strings';

const useStyles = makeStyles({
  heading: { margin: 0 },
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  window: { color: tokens.colorNeutralForeground2 },
  tiles: {
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(128px, 1fr))',
    gap: tokens.spacingHorizontalS,
  },
  tile: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    overflowWrap: 'anywhere',
  },
  label: { color: tokens.colorNeutralForeground2 },
  reason: { color: tokens.colorNeutralForeground2 },
  good: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
});

export interface KpiTilesProps {
  readonly strings: Strings;
  readonly headline: HeadlineKpis;
  readonly locale: string;
}

/** A value, or an error code with its reason under it (and as a tooltip). */
function ShownValue({ shown, className, size }: { shown: Shown; className?: string; size?: 200 | 500 }) {
  const styles = useStyles();
  return (
    <>
      <Text
        className={className}
        size={size}
        weight={size === 500 ? 'semibold' : 'regular'}
        title={shown.reason}
      >
        {shown.text}
      </Text>
      {shown.reason && <Caption1 className={styles.reason}>{shown.reason}</Caption1>}
    </>
  );
}

function KpiTile({
  kpi,
  strings,
  locale,
  previousLabel,
}: {
  kpi: Kpi;
  strings: Strings;
  locale: string;
  previousLabel: string;
}) {
  const styles = useStyles();
  const metric = getMetric(kpi.id);
  const labelId = useId('kpi');
  const change = showChange(kpi.change, locale);
  const previous = showMetric(kpi.previous, metric.unit, locale);
  const good =
    isMetricError(kpi.change) || kpi.change === 0
      ? undefined
      : kpi.change > 0 === (metric.better === 'higher');
  return (
    <li className={styles.tile} aria-labelledby={labelId} data-kpi={kpi.id}>
      <Caption1 id={labelId} className={styles.label}>
        {metric.label[strings.catalogue]}
      </Caption1>
      <ShownValue shown={showMetric(kpi.current, metric.unit, locale)} size={500} />
      <ShownValue
        shown={{ ...change, text: strings.kpiChange(change.text) }}
        className={mergeClasses(good === true && styles.good, good === false && styles.bad)}
        size={200}
      />
      <Caption1 className={styles.label} title={previous.reason}>
        {`${previousLabel}: ${previous.text}`}
      </Caption1>
    </li>
  );
}

/** Headline KPIs for the latest month in the data, each beside the month before and the change. */
export function KpiTiles({ strings, headline, locale }: KpiTilesProps) {
  const styles = useStyles();
  const headingId = useId('kpis');
  const window = headline.previousWindow;
  const previousLabel = `${dayLabel(window.start, locale)} – ${dayLabel(window.end - 1, locale)}`;
  return (
    <section className={styles.root} aria-labelledby={headingId} data-testid="kpis">
      <Subtitle2 as="h2" id={headingId} className={styles.heading}>
        {strings.kpiHeading(monthLabel(headline.period.start, locale))}
      </Subtitle2>
      <Caption1 className={styles.window}>
        {strings.kpiWindow(dayLabel(headline.asOf, locale), previousLabel, headline.asOfSource === 'given')}
      </Caption1>
      <ul className={styles.tiles}>
        {headline.kpis.map((kpi) => (
          <KpiTile key={kpi.id} kpi={kpi} strings={strings} locale={locale} previousLabel={previousLabel} />
        ))}
      </ul>
    </section>
  );
}
