import { Caption1, Subtitle2, makeStyles, tokens, useId } from '@fluentui/react-components';
import { useState } from 'react';
import type { Evaluate } from '../../core/goals';
import type { MetricId } from '../../core/metrics';
import type { Calendar } from '../../core/periods';
import type { GoalRow, OwnFigure } from '../model';
import type { GoalsStrings } from '../strings-goals';
import { BenchmarkPanel } from './goals/BenchmarkPanel';
import { GoalsGrid } from './goals/GoalsGrid';

const DAY_MS = 86_400_000;

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  heading: { margin: 0 },
  intro: { color: tokens.colorNeutralForeground2 },
});

export interface GoalsStepProps {
  readonly strings: GoalsStrings;
  /** BCP 47, for number formatting (Intl). */
  readonly locale: string;
  readonly goals: readonly GoalRow[];
  readonly onGoalsChange: (goals: GoalRow[]) => void;
  readonly figures: readonly OwnFigure[];
  readonly onFiguresChange: (figures: OwnFigure[]) => void;
  /** PaneSettings.industry. */
  readonly industry?: string;
  readonly onIndustryChange: (industry: string | undefined) => void;
  /** From the settings (fiscal year start, week start). */
  readonly calendar: Calendar;
  /** A metric's actual over a window (for "from last year" and the seasonal split); absent before data is read. */
  readonly evaluate?: (metric: MetricId) => Evaluate | undefined;
  /** Metrics the loaded data can compute (others are listed but marked as needing data). */
  readonly available?: readonly MetricId[];
  /** Reps and regions seen in the data, offered as goal scopes. */
  readonly scopes?: { readonly reps: readonly string[]; readonly regions: readonly string[] };
  /**
   * The last day the figures cover (epoch day, the dashboard's as-of). New goals start in its
   * year, and last year's period is no baseline until it has ended by then. Absent: today.
   */
  readonly asOf?: number;
}

/**
 * The "Goals & benchmarks" step: the goals grid (with targets from last year or a benchmark and
 * a split preview) and the benchmarks (an industry preset, own and competitor figures). Props
 * in, callbacks out: it reads no workbook and saves nothing itself.
 *
 * @example
 * <GoalsStep strings={goalsStrings(language)} locale={language} calendar={calendarOf(settings)}
 *   goals={goals} onGoalsChange={setGoals} figures={figures} onFiguresChange={setFigures}
 *   industry={settings.industry} onIndustryChange={setIndustry}
 *   evaluate={(id) => (table ? makeEvaluate({ orders: table }, id, { asOf, calendar }) : undefined)} />
 */
export function GoalsStep(props: GoalsStepProps) {
  const { strings, locale } = props;
  const styles = useStyles();
  const headingId = useId('goals-step');
  // Today is read once: the step's default year must not change under someone typing at midnight.
  const [today] = useState(() => Math.floor(Date.now() / DAY_MS));
  const asOf = props.asOf ?? today;
  return (
    <section className={styles.root} aria-labelledby={headingId} data-testid="goals-step">
      <div>
        <Subtitle2 as="h2" id={headingId} className={styles.heading}>
          {strings.heading}
        </Subtitle2>
        <Caption1 className={styles.intro} block>
          {strings.intro}
        </Caption1>
      </div>
      <GoalsGrid
        strings={strings}
        locale={locale}
        goals={props.goals}
        onGoalsChange={props.onGoalsChange}
        calendar={props.calendar}
        asOf={asOf}
        {...(props.evaluate ? { evaluate: props.evaluate } : {})}
        {...(props.available ? { available: props.available } : {})}
        {...(props.scopes ? { scopes: props.scopes } : {})}
        {...(props.industry ? { industry: props.industry } : {})}
      />
      <BenchmarkPanel
        strings={strings}
        locale={locale}
        onIndustryChange={props.onIndustryChange}
        figures={props.figures}
        onFiguresChange={props.onFiguresChange}
        {...(props.industry ? { industry: props.industry } : {})}
      />
    </section>
  );
}
