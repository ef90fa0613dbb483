import {
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Strings } from '../strings';
import type { ReadState } from '../use-source-reader';

const useStyles = makeStyles({
  summary: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  address: { wordBreak: 'break-all', color: tokens.colorNeutralForeground2 },
});

export interface ReadResultProps {
  readonly strings: Strings;
  readonly state: ReadState;
  readonly formatNumber: (n: number) => string;
}

/** Shows progress while reading, then how many rows and columns were read and from where, or the error. */
export function ReadResult({ strings, state, formatNumber }: ReadResultProps) {
  const styles = useStyles();
  switch (state.status) {
    case 'idle':
      return null;
    case 'reading': {
      const progress = state.progress;
      const fraction =
        progress && progress.totalRows > 0 ? progress.rowsRead / progress.totalRows : undefined;
      return (
        <div aria-live="polite">
          <ProgressBar value={fraction} thickness="large" />
          <Caption1>
            {progress
              ? strings.rowsProgress(formatNumber(progress.rowsRead), formatNumber(progress.totalRows))
              : strings.reading}
          </Caption1>
        </div>
      );
    }
    case 'error':
      return (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{strings.readFailed}</MessageBarTitle>
            {state.message}
          </MessageBarBody>
        </MessageBar>
      );
    case 'done': {
      const { summary } = state;
      return (
        <section className={styles.summary} aria-live="polite" data-testid="read-summary">
          <Text weight="semibold" size={400}>
            {strings.rowsRead(formatNumber(summary.rowCount))}
          </Text>
          <Caption1 className={styles.address}>{strings.readFrom(summary.label, summary.address)}</Caption1>
          <Caption1>{strings.columnsHeading(formatNumber(summary.columns.length))}</Caption1>
        </section>
      );
    }
  }
}
