import { Button, Caption1, Subtitle2, makeStyles, tokens, useId } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Evaluate } from '../../../core/goals';
import type { MetricId } from '../../../core/metrics';
import type { Calendar } from '../../../core/periods';
import { periodOf } from '../../../core/periods';
import type { GoalDraft } from '../../goals-model';
import { checkGoals, goalDraft, newId, sameGoals } from '../../goals-model';
import type { GoalRow } from '../../model';
import type { GoalsStrings } from '../../strings-goals';
import { GoalRowEditor } from './GoalRowEditor';
import { plainList } from '../styles';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0 },
  hint: { color: tokens.colorNeutralForeground2 },
  list: plainList(tokens.spacingVerticalS),
  add: { alignSelf: 'flex-start' },
});

export interface GoalsGridProps {
  readonly strings: GoalsStrings;
  readonly locale: string;
  readonly goals: readonly GoalRow[];
  readonly onGoalsChange: (goals: GoalRow[]) => void;
  readonly calendar: Calendar;
  readonly evaluate?: (metric: MetricId) => Evaluate | undefined;
  readonly available?: readonly MetricId[];
  readonly scopes?: { readonly reps: readonly string[]; readonly regions: readonly string[] };
  readonly industry?: string;
  /** The day the figures run to (epoch day): new goals start in its year, and an unfinished year is no baseline. */
  readonly asOf: number;
}

/**
 * The goals, one editable row each. Rows live here as typed text, so a half-typed or wrong entry
 * stays on screen with its message; only the rows that make valid goals go out.
 */
export function GoalsGrid(props: GoalsGridProps) {
  const { strings, locale, goals, calendar, onGoalsChange } = props;
  const styles = useStyles();
  const headingId = useId('goals');
  const [drafts, setDrafts] = useState<GoalDraft[]>(() => goals.map((g) => goalDraft(g, locale)));
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [open, setOpen] = useState<string | null>(null);
  const [focus, setFocus] = useState<string | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  // What was last sent out (or came in): the parent's echo of it must not reset the rows.
  const emitted = useRef<readonly GoalRow[]>(goals);
  useEffect(() => {
    if (sameGoals(goals, emitted.current)) return;
    emitted.current = goals;
    setDrafts(goals.map((g) => goalDraft(g, locale)));
    // Only a new list from outside (a workbook opened, an undo) resets the rows; a change of
    // locale alone keeps what people typed.
  }, [goals]);

  const checks = useMemo(() => checkGoals(drafts, calendar, locale), [drafts, calendar, locale]);

  const update = (next: GoalDraft[], touch?: string) => {
    setDrafts(next);
    if (touch) setTouched((t) => new Set(t).add(touch));
    const rows = checkGoals(next, calendar, locale).flatMap((c) => (c.row ? [c.row] : []));
    if (sameGoals(rows, emitted.current)) return;
    emitted.current = rows;
    onGoalsChange(rows);
  };

  const edit = (id: string, patch: Partial<GoalDraft>, touch?: string) => {
    // A target typed by hand, or a goal moved to another metric, period or scope, no longer rests on its basis.
    const stale = Object.keys(patch).length > 0 && !('basis' in patch);
    const next = drafts.map((d) => {
      if (d.id !== id) return d;
      const changed = { ...d, ...patch };
      if (!stale) return changed;
      const { basis: _basis, ...rest } = changed;
      return rest;
    });
    update(next, touch ? `${id}:${touch}` : undefined);
  };

  const add = () => {
    const id = newId(
      'goal',
      drafts.map((d) => d.id),
    );
    const metric = props.available?.[0] ?? 'revenue';
    const period = periodOf(props.asOf, 'year', calendar).key;
    update([...drafts, { id, metric, period, scope: '', target: '' }]);
    setFocus(id);
  };

  const remove = (id: string) => {
    update(drafts.filter((d) => d.id !== id));
    // A later row may get this id again: it starts untouched.
    setTouched((t) => new Set([...t].filter((key) => !key.startsWith(`${id}:`))));
    if (open === id) setOpen(null);
    // The row and its button are gone: keep the keyboard in the list, on "Add goal".
    addRef.current?.focus();
  };

  return (
    <section className={styles.root} aria-labelledby={headingId} data-testid="goals-grid">
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        {strings.goalsHeading}
      </Subtitle2>
      {checks.length === 0 && <Caption1 className={styles.hint}>{strings.noGoals}</Caption1>}
      <ul className={styles.list} aria-labelledby={headingId}>
        {checks.map((check, index) => {
          const id = check.draft.id;
          const isOpen = open === id;
          const touchedHere = new Set(
            [...touched].filter((t) => t.startsWith(`${id}:`)).map((t) => t.slice(id.length + 1)),
          );
          const evaluate = isOpen ? props.evaluate?.(check.draft.metric) : undefined;
          return (
            <li key={id}>
              <GoalRowEditor
                strings={strings}
                locale={locale}
                calendar={calendar}
                index={index}
                check={check}
                touched={touchedHere}
                open={isOpen}
                autoFocus={focus === id}
                asOf={props.asOf}
                onToggle={() => setOpen(isOpen ? null : id)}
                onEdit={(patch, touch) => edit(id, patch, touch)}
                onRemove={() => remove(id)}
                {...(props.available ? { available: props.available } : {})}
                {...(props.scopes ? { scopes: props.scopes } : {})}
                {...(evaluate ? { evaluate } : {})}
                {...(props.industry ? { industry: props.industry } : {})}
              />
            </li>
          );
        })}
      </ul>
      <Button ref={addRef} className={styles.add} size="small" onClick={add}>
        {strings.addGoal}
      </Button>
    </section>
  );
}
