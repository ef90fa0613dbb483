import {
  Caption1,
  Field,
  Select,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
  useId,
} from '@fluentui/react-components';
import type { BenchmarkEntry, BenchmarkPeriod } from '../../../core/benchmarks';
import { libraryIndustries, librarySet } from '../../../core/benchmarks';
import { getMetric, isMetricId } from '../../../core/metrics';
import type { OwnFigure } from '../../model';
import type { GoalsStrings } from '../../strings-goals';
import { FiguresEditor } from './FiguresEditor';
import { plainList } from '../styles';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0 },
  field: { minWidth: 0, gridTemplateColumns: 'minmax(0, 1fr)' },
  control: { minWidth: 0, width: '100%' },
  subheading: { margin: 0 },
  list: plainList(tokens.spacingVerticalXS),
  item: {
    display: 'flex',
    flexDirection: 'column',
    minWidth: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  line: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
  source: {
    color: tokens.colorNeutralForeground2,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
});

type FigureWords = Pick<GoalsStrings, 'per' | 'monthsUnit' | 'daysUnit'>;

/**
 * A benchmark figure in words: `2.5%–3%`, `≥ 3×`, `≤ 12 months`, `10% per year`.
 * @example benchmarkText({ min: 0.03, max: 0.05, unit: 'ratio', period: 'month' }, 'en', words) // '3%–5% per month'
 */
export function benchmarkText(
  entry: Pick<BenchmarkEntry, 'value' | 'min' | 'max' | 'unit'> & { period?: BenchmarkPeriod },
  locale: string,
  words: FigureWords,
): string {
  const ratio = entry.unit === 'ratio';
  const format = new Intl.NumberFormat(locale, {
    maximumFractionDigits: 2,
    ...(ratio ? { style: 'percent' } : {}),
  });
  const suffix =
    entry.unit === 'multiple'
      ? '×'
      : entry.unit === 'months'
        ? ` ${words.monthsUnit}`
        : entry.unit === 'days'
          ? ` ${words.daysUnit}`
          : '';
  const n = (v: number) => `${format.format(v)}${suffix}`;
  const text =
    entry.value !== undefined
      ? n(entry.value)
      : entry.min !== undefined && entry.max !== undefined
        ? `${format.format(entry.min)}–${n(entry.max)}`
        : entry.min !== undefined
          ? `≥ ${n(entry.min)}`
          : `≤ ${n(entry.max ?? NaN)}`;
  const per = entry.period ? words.per[entry.period] : '';
  return per ? `${text} ${per}` : text;
}

/** One line of an industry's list. */
export interface IndustryFigure {
  readonly metric: string;
  readonly metricLabel: string;
  readonly figure: string;
  readonly source: string;
  readonly note?: string;
}

/**
 * An industry preset's figures in the pane's language, each with its source and year.
 * @example industryFigures('b2b-saas', 'en', words)[0] // { metricLabel: 'LTV:CAC', figure: '≥ 3×', source: '… 2013', … }
 */
export function industryFigures(
  industry: string,
  locale: string,
  words: FigureWords & { language: 'en' | 'id' },
): IndustryFigure[] {
  const set = librarySet(industry, words.language);
  return (set?.metrics ?? []).map((entry) => ({
    metric: entry.metric,
    metricLabel: isMetricId(entry.metric) ? getMetric(entry.metric).label[words.language] : entry.metric,
    figure: benchmarkText(entry, locale, words),
    source: [entry.source, entry.year].filter((part) => part !== undefined).join(' '),
    ...(entry.note ? { note: entry.note } : {}),
  }));
}

export interface BenchmarkPanelProps {
  readonly strings: GoalsStrings;
  readonly locale: string;
  readonly industry?: string;
  readonly onIndustryChange: (industry: string | undefined) => void;
  readonly figures: readonly OwnFigure[];
  readonly onFiguresChange: (figures: OwnFigure[]) => void;
}

/** The industry preset with its published figures (source and year each), then own and competitor figures. */
export function BenchmarkPanel(props: BenchmarkPanelProps) {
  const { strings, locale, industry } = props;
  const styles = useStyles();
  const headingId = useId('benchmarks');
  const listId = useId('industry-figures');
  const industries = libraryIndustries();
  const known = industries.find((i) => i.id === industry);
  const lines = known ? industryFigures(known.id, locale, strings) : [];
  return (
    <section className={styles.root} aria-labelledby={headingId} data-testid="benchmarks">
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        {strings.benchmarksHeading}
      </Subtitle2>
      <Field className={styles.field} label={strings.industry} size="small">
        <Select
          className={styles.control}
          size="small"
          value={known?.id ?? ''}
          onChange={(_, d) => props.onIndustryChange(d.value === '' ? undefined : d.value)}
        >
          <option value="">{strings.noIndustry}</option>
          {industries.map((i) => (
            <option key={i.id} value={i.id}>
              {i.name[strings.language]}
            </option>
          ))}
        </Select>
      </Field>
      {known && (
        <>
          <Text as="h4" weight="semibold" id={listId} className={styles.subheading}>
            {strings.industryFigures(known.name[strings.language])}
          </Text>
          <ul className={styles.list} aria-labelledby={listId} data-testid="industry-figures">
            {lines.map((line, k) => (
              // The note says how the source's definition differs; it stays one hover away.
              <li key={k} className={styles.item} title={line.note}>
                <span className={styles.line}>
                  <Text weight="semibold">{line.metricLabel}</Text>
                  <Text>{line.figure}</Text>
                </span>
                <Caption1 className={styles.source} title={line.source}>
                  {line.source}
                </Caption1>
              </li>
            ))}
          </ul>
        </>
      )}
      <FiguresEditor
        strings={strings}
        locale={locale}
        figures={props.figures}
        onFiguresChange={props.onFiguresChange}
      />
    </section>
  );
}
