import { Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { librarySet } from '../../../core/benchmarks';
import type { Evaluate } from '../../../core/goals';
import { getMetric } from '../../../core/metrics';
import type { Calendar } from '../../../core/periods';
import type { FieldProblem, GoalCheck } from '../../goals-model';
import { fromBenchmark, fromLastYear, numberStyleOf, parseGrowth, scopeOf } from '../../goals-model';
import type { GoalsStrings } from '../../strings-goals';
import { SplitPreview } from './SplitPreview';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
  },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalS,
  },
  growth: { flexBasis: '7em', flexGrow: 1, minWidth: 0, gridTemplateColumns: 'minmax(0, 1fr)' },
  control: { minWidth: 0, width: '100%' },
  message: { color: tokens.colorPaletteRedForeground1, overflowWrap: 'anywhere' },
});

export interface GoalToolsProps {
  readonly id: string;
  readonly strings: GoalsStrings;
  readonly locale: string;
  readonly calendar: Calendar;
  readonly check: GoalCheck;
  /** The row's metric over any window; absent before the data is read. */
  readonly evaluate?: Evaluate;
  readonly industry?: string;
  readonly asOf?: number;
  readonly onSet: (target: number, basis: string) => void;
}

/** Sets a row's target from last year plus growth or from the industry's figure, and previews its split. */
export function GoalTools(props: GoalToolsProps) {
  const { strings, locale, check, evaluate, industry } = props;
  const styles = useStyles();
  const [growthText, setGrowthText] = useState('');
  const [growthProblem, setGrowthProblem] = useState<FieldProblem>();
  const [message, setMessage] = useState<{ text: string; detail?: string }>();
  const { metric, period, scope } = check.draft;
  // A message about another metric, period or scope would mislead once the row has changed.
  useEffect(() => setMessage(undefined), [metric, period, scope]);
  const metricLabel = getMetric(metric).label[strings.language];

  const lastYear = () => {
    setMessage(undefined);
    if (!check.period) return setMessage({ text: strings.fixRowFirst });
    if (!evaluate) return setMessage({ text: strings.readDataFirst });
    const growth = parseGrowth(growthText, numberStyleOf(locale));
    setGrowthProblem('problem' in growth ? growth.problem : undefined);
    if ('problem' in growth) return;
    const scoped = scopeOf(scope);
    const result = fromLastYear({
      metric,
      period: check.period,
      growth: growth.value,
      evaluate,
      locale,
      words: strings,
      ...(scoped ? { scope: scoped } : {}),
      ...(props.asOf !== undefined ? { asOf: props.asOf } : {}),
    });
    if ('problem' in result) {
      const text =
        result.problem === 'noBaseline'
          ? strings.noBaseline(result.period)
          : strings.baselineUnfinished(result.period);
      return setMessage({ text, ...(result.reason ? { detail: result.reason } : {}) });
    }
    props.onSet(result.target, result.basis);
  };

  const benchmark = () => {
    setMessage(undefined);
    if (!check.period) return setMessage({ text: strings.fixRowFirst });
    if (!industry) return setMessage({ text: strings.chooseIndustryFirst });
    const result = fromBenchmark(metric, check.period.unit, industry, strings.language);
    if (!result || 'skipped' in result) {
      const name = librarySet(industry, strings.language)?.name ?? industry;
      // A figure that measures something else says why, in the message itself.
      const text = strings.noBenchmark(name, metricLabel);
      return setMessage(result ? { text: `${text} (${result.skipped})`, detail: result.skipped } : { text });
    }
    props.onSet(result.target, result.basis);
  };

  return (
    <div id={props.id} className={styles.root}>
      <div className={styles.actions}>
        <Field
          className={styles.growth}
          label={strings.growth}
          hint={strings.growthHint}
          size="small"
          {...(growthProblem
            ? { validationState: 'error' as const, validationMessage: strings.problems[growthProblem] }
            : {})}
        >
          <Input
            className={styles.control}
            size="small"
            inputMode="decimal"
            placeholder="10"
            value={growthText}
            contentAfter="%"
            onChange={(_, d) => setGrowthText(d.value)}
          />
        </Field>
        <Button size="small" onClick={lastYear}>
          {strings.fromLastYear}
        </Button>
        <Button size="small" onClick={benchmark}>
          {strings.fromBenchmark}
        </Button>
      </div>
      <div role="alert">
        {message && (
          <Text size={200} className={styles.message} title={message.detail}>
            {message.text}
          </Text>
        )}
      </div>
      <SplitPreview
        strings={strings}
        locale={locale}
        calendar={props.calendar}
        {...(check.row ? { row: check.row } : {})}
        {...(check.period ? { period: check.period } : {})}
        {...(evaluate ? { evaluate } : {})}
      />
    </div>
  );
}
