import {
  Button,
  Caption1,
  Field,
  Input,
  Select,
  Text,
  makeStyles,
  tokens,
  useId,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { MetricId } from '../../../core/metrics';
import { getMetric, METRIC_IDS } from '../../../core/metrics';
import type { FieldProblem, FigureDraft } from '../../goals-model';
import { checkFigures, figureDraft, newId, sameFigures } from '../../goals-model';
import type { OwnFigure } from '../../model';
import type { GoalsStrings } from '../../strings-goals';
import { plainList } from '../styles';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0 },
  hint: { color: tokens.colorNeutralForeground2 },
  list: plainList(tokens.spacingVerticalS),
  row: {
    margin: 0,
    padding: tokens.spacingVerticalS,
    minWidth: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(140px, 1fr))',
    gap: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  legend: { padding: `0 ${tokens.spacingHorizontalXS}`, fontWeight: tokens.fontWeightSemibold },
  // A <select>'s longest option must not widen the field past a 320 px pane.
  field: { minWidth: 0, gridTemplateColumns: 'minmax(0, 1fr)' },
  control: { minWidth: 0, width: '100%' },
  remove: { alignSelf: 'end', justifySelf: 'start' },
  add: { alignSelf: 'flex-start' },
});

export interface FiguresEditorProps {
  readonly strings: GoalsStrings;
  readonly locale: string;
  readonly figures: readonly OwnFigure[];
  readonly onFiguresChange: (figures: OwnFigure[]) => void;
}

/** Own and competitor figures: metric, value, whose and where from. Only complete, valid ones go out. */
export function FiguresEditor({ strings, locale, figures, onFiguresChange }: FiguresEditorProps) {
  const styles = useStyles();
  const headingId = useId('figures');
  const [drafts, setDrafts] = useState<FigureDraft[]>(() => figures.map((f) => figureDraft(f, locale)));
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [focus, setFocus] = useState<string | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  // As in the goals grid: the parent's echo of what was sent must not reset half-typed rows.
  const emitted = useRef<readonly OwnFigure[]>(figures);
  useEffect(() => {
    if (sameFigures(figures, emitted.current)) return;
    emitted.current = figures;
    setDrafts(figures.map((f) => figureDraft(f, locale)));
  }, [figures]);
  const checks = useMemo(() => checkFigures(drafts, locale), [drafts, locale]);

  const update = (next: FigureDraft[], touch?: string) => {
    setDrafts(next);
    if (touch) setTouched((t) => new Set(t).add(touch));
    const valid = checkFigures(next, locale).flatMap((c) => (c.figure ? [c.figure] : []));
    if (sameFigures(valid, emitted.current)) return;
    emitted.current = valid;
    onFiguresChange(valid);
  };
  const edit = (id: string, patch: Partial<FigureDraft>, touch?: string) =>
    update(
      drafts.map((d) => (d.id === id ? { ...d, ...patch } : d)),
      touch ? `${id}:${touch}` : undefined,
    );
  const add = () => {
    const id = newId(
      'figure',
      drafts.map((d) => d.id),
    );
    update([...drafts, { id, metric: 'revenue', value: '', kind: 'own', source: '' }]);
    setFocus(id);
  };
  const remove = (id: string) => {
    update(drafts.filter((d) => d.id !== id));
    addRef.current?.focus();
  };
  const error = (id: string, field: string, problem: FieldProblem | undefined) =>
    problem && touched.has(`${id}:${field}`)
      ? { validationState: 'error' as const, validationMessage: strings.problems[problem] }
      : {};

  return (
    <section className={styles.root} aria-labelledby={headingId} data-testid="figures">
      <Text as="h4" weight="semibold" id={headingId} className={styles.heading}>
        {strings.figuresHeading}
      </Text>
      <Caption1 className={styles.hint}>
        {checks.length === 0 ? strings.noFigures : strings.figuresHint}
      </Caption1>
      <ul className={styles.list} aria-labelledby={headingId}>
        {checks.map(({ draft, valueProblem, sourceProblem }, index) => {
          const n = String(index + 1);
          const ratio = getMetric(draft.metric).unit === 'ratio';
          return (
            <li key={draft.id}>
              <fieldset className={styles.row} data-figure={draft.id}>
                <legend className={styles.legend}>{strings.figureLabel(n)}</legend>
                <Field className={styles.field} label={strings.metric} size="small">
                  <Select
                    className={styles.control}
                    size="small"
                    autoFocus={focus === draft.id}
                    value={draft.metric}
                    onChange={(_, d) => edit(draft.id, { metric: d.value as MetricId }, 'value')}
                  >
                    {METRIC_IDS.map((id) => (
                      <option key={id} value={id}>
                        {getMetric(id).label[strings.language]}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field
                  className={styles.field}
                  label={strings.value}
                  size="small"
                  {...(ratio ? { hint: strings.inPercent } : {})}
                  {...error(draft.id, 'value', valueProblem)}
                >
                  <Input
                    className={styles.control}
                    size="small"
                    inputMode="decimal"
                    value={draft.value}
                    {...(ratio ? { contentAfter: '%' } : {})}
                    onChange={(_, d) => edit(draft.id, { value: d.value }, 'value')}
                    onBlur={() => edit(draft.id, {}, 'value')}
                  />
                </Field>
                <Field className={styles.field} label={strings.whose} size="small">
                  <Select
                    className={styles.control}
                    size="small"
                    value={draft.kind}
                    onChange={(_, d) => edit(draft.id, { kind: d.value as OwnFigure['kind'] })}
                  >
                    <option value="own">{strings.own}</option>
                    <option value="competitor">{strings.competitor}</option>
                  </Select>
                </Field>
                <Field
                  className={styles.field}
                  label={strings.source}
                  size="small"
                  hint={strings.sourceHint}
                  {...error(draft.id, 'source', sourceProblem)}
                >
                  <Input
                    className={styles.control}
                    size="small"
                    value={draft.source}
                    title={draft.source}
                    onChange={(_, d) => edit(draft.id, { source: d.value }, 'source')}
                    onBlur={() => edit(draft.id, {}, 'source')}
                  />
                </Field>
                <Button
                  className={styles.remove}
                  size="small"
                  appearance="subtle"
                  aria-label={strings.removeFigure(n)}
                  onClick={() => remove(draft.id)}
                >
                  {strings.remove}
                </Button>
              </fieldset>
            </li>
          );
        })}
      </ul>
      <Button ref={addRef} className={styles.add} size="small" onClick={add}>
        {strings.addFigure}
      </Button>
    </section>
  );
}
