import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { DataWarning } from '../guardrails';
import type { Strings } from '../strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export interface DataWarningsProps {
  readonly strings: Strings;
  readonly warnings: readonly DataWarning[];
  /** Puts the table read as orders in another slot (it looks like a pipeline or spend). */
  readonly onUseAs: (table: 'pipeline' | 'spend') => void;
}

/** What to check before trusting the figures, each with a way out where there is one. */
export function DataWarnings({ strings, warnings, onUseAs }: DataWarningsProps) {
  const styles = useStyles();
  if (warnings.length === 0) return null;
  return (
    <div className={styles.root} data-testid="data-warnings">
      {warnings.map((w, i) => (
        <MessageBar key={i} intent="warning">
          <MessageBarBody>
            {w.kind === 'looks-like'
              ? strings.warnLooksLike(w.table)
              : w.kind === 'low-confidence'
                ? strings.warnUnsure(
                    w.roles.map((r) => strings.roles[r as keyof typeof strings.roles] ?? r).join(', '),
                  )
                : w.kind === 'percent-amounts'
                  ? strings.warnPercent
                  : strings.warnCurrencies(w.markers.join(', '))}
          </MessageBarBody>
          {w.kind === 'looks-like' && (
            <MessageBarActions>
              <Button size="small" onClick={() => onUseAs(w.table)}>
                {strings.useAs(w.table)}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      ))}
    </div>
  );
}
