import {
  Button,
  Caption1,
  Field,
  Input,
  Select,
  makeStyles,
  tokens,
  useId,
} from '@fluentui/react-components';
import type { Evaluate } from '../../../core/goals';
import type { MetricId } from '../../../core/metrics';
import { getMetric, METRIC_IDS } from '../../../core/metrics';
import type { Calendar } from '../../../core/periods';
import type { GoalCheck, GoalDraft } from '../../goals-model';
import { describePeriod, scopeKey, valueText } from '../../goals-model';
import type { GoalsStrings } from '../../strings-goals';
import { GoalTools } from './GoalTools';

const useStyles = makeStyles({
  row: {
    margin: 0,
    padding: tokens.spacingVerticalS,
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  legend: {
    padding: `0 ${tokens.spacingHorizontalXS}`,
    fontWeight: tokens.fontWeightSemibold,
  },
  // Two fields side by side when there is room, stacked in a 320 px pane.
  fields: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(140px, 1fr))',
    gap: tokens.spacingHorizontalS,
  },
  // A <select>'s longest option must not widen the field past a 320 px pane.
  field: { minWidth: 0, gridTemplateColumns: 'minmax(0, 1fr)' },
  control: { minWidth: 0, width: '100%' },
  basis: {
    color: tokens.colorNeutralForeground2,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface GoalRowEditorProps {
  readonly strings: GoalsStrings;
  readonly locale: string;
  readonly calendar: Calendar;
  readonly index: number;
  readonly check: GoalCheck;
  /** Field names (`period`, `target`) people have edited: their problems show from then on. */
  readonly touched: ReadonlySet<string>;
  readonly available?: readonly MetricId[];
  readonly scopes?: { readonly reps: readonly string[]; readonly regions: readonly string[] };
  readonly evaluate?: Evaluate;
  readonly industry?: string;
  readonly asOf?: number;
  readonly open: boolean;
  readonly autoFocus: boolean;
  readonly onToggle: () => void;
  /** A field edit; `touch` names the field whose problems may now show. */
  readonly onEdit: (patch: Partial<GoalDraft>, touch?: string) => void;
  readonly onRemove: () => void;
}

/** The scope choices: the whole business, each rep and region seen, and the row's own if no longer seen. */
function scopeOptions(strings: GoalsStrings, scopes: GoalRowEditorProps['scopes'], current: string) {
  const options = [
    { key: '', text: strings.wholeBusiness },
    ...(scopes?.reps ?? []).map((rep) => ({ key: scopeKey({ rep }), text: strings.repScope(rep) })),
    ...(scopes?.regions ?? []).map((region) => ({
      key: scopeKey({ region }),
      text: strings.regionScope(region),
    })),
  ];
  if (!options.some((o) => o.key === current)) {
    const [kind, ...name] = current.split(':');
    const text = kind === 'rep' ? strings.repScope(name.join(':')) : strings.regionScope(name.join(':'));
    options.push({ key: current, text });
  }
  return options;
}

/** One goal: metric, period, scope and target as stacked fields, with its tools behind a toggle. */
export function GoalRowEditor(props: GoalRowEditorProps) {
  const { strings, locale, check, touched, available } = props;
  const draft = check.draft;
  const styles = useStyles();
  const toolsId = useId('goal-tools');
  const legendId = useId('goal');
  const n = String(props.index + 1);
  const ratio = getMetric(draft.metric).unit === 'ratio';
  const scopes = scopeOptions(strings, props.scopes, draft.scope);
  const periodProblem =
    touched.has('period') || check.periodProblem === 'duplicate' ? check.periodProblem : undefined;
  const targetProblem = touched.has('target') ? check.targetProblem : undefined;
  const periodText = check.period ? describePeriod(check.period, locale, strings) : strings.periodHint;
  const error = (problem: keyof GoalsStrings['problems'] | undefined) =>
    problem ? { validationState: 'error' as const, validationMessage: strings.problems[problem] } : {};

  return (
    <fieldset className={styles.row} data-goal={draft.id}>
      <legend id={legendId} className={styles.legend}>
        {strings.goalLabel(n)}
      </legend>
      <div className={styles.fields}>
        <Field className={styles.field} label={strings.metric} size="small">
          <Select
            className={styles.control}
            size="small"
            autoFocus={props.autoFocus}
            value={draft.metric}
            // Another metric reads the target in another unit: its problem, if any, must show.
            onChange={(_, d) => props.onEdit({ metric: d.value as MetricId }, 'target')}
          >
            {METRIC_IDS.map((id) => {
              const label = getMetric(id).label[strings.language];
              return (
                <option key={id} value={id}>
                  {available && !available.includes(id) ? strings.needsData(label) : label}
                </option>
              );
            })}
          </Select>
        </Field>
        <Field
          className={styles.field}
          label={strings.period}
          size="small"
          hint={<span title={periodText}>{periodText}</span>}
          {...error(periodProblem)}
        >
          <Input
            className={styles.control}
            size="small"
            value={draft.period}
            onChange={(_, d) => props.onEdit({ period: d.value }, 'period')}
            onBlur={() => props.onEdit({}, 'period')}
          />
        </Field>
        {scopes.length > 1 && (
          <Field className={styles.field} label={strings.scope} size="small">
            <Select
              className={styles.control}
              size="small"
              value={draft.scope}
              onChange={(_, d) => props.onEdit({ scope: d.value })}
            >
              {scopes.map((o) => (
                <option key={o.key} value={o.key}>
                  {o.text}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Field
          className={styles.field}
          label={strings.target}
          size="small"
          {...(ratio ? { hint: strings.inPercent } : {})}
          {...error(targetProblem)}
        >
          <Input
            className={styles.control}
            size="small"
            inputMode="decimal"
            value={draft.target}
            {...(ratio ? { contentAfter: '%' } : {})}
            onChange={(_, d) => props.onEdit({ target: d.value }, 'target')}
            onBlur={() => props.onEdit({}, 'target')}
          />
        </Field>
      </div>
      <div aria-live="polite">
        {draft.basis && (
          <Caption1 className={styles.basis} title={draft.basis} block>
            {strings.basis(draft.basis)}
          </Caption1>
        )}
      </div>
      <div className={styles.buttons}>
        <Button
          size="small"
          appearance="subtle"
          aria-expanded={props.open}
          aria-controls={props.open ? toolsId : undefined}
          aria-describedby={legendId}
          onClick={props.onToggle}
        >
          {strings.tools}
        </Button>
        <Button size="small" appearance="subtle" aria-label={strings.removeGoal(n)} onClick={props.onRemove}>
          {strings.remove}
        </Button>
      </div>
      {props.open && (
        <GoalTools
          id={toolsId}
          strings={strings}
          locale={locale}
          calendar={props.calendar}
          check={check}
          onSet={(target, basis) =>
            props.onEdit({ target: valueText(target, draft.metric, locale), basis }, 'target')
          }
          {...(props.evaluate ? { evaluate: props.evaluate } : {})}
          {...(props.industry ? { industry: props.industry } : {})}
          {...(props.asOf !== undefined ? { asOf: props.asOf } : {})}
        />
      )}
    </fieldset>
  );
}
