import {
  Body1,
  Button,
  Caption1,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Field,
  ProgressBar,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useId, useRef, useState } from 'react';
import { clearNotice, onNotice } from '../../workflows/notices';
import type { JobKind, JobResult, WorkbookGateway } from '../gateway';
import type { Strings } from '../strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  hint: { color: tokens.colorNeutralForeground2 },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  links: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  progress: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

export interface BuildPanelProps {
  readonly gateway: WorkbookGateway;
  readonly strings: Strings;
  /** The orders source chosen in the pane (a table name or the selection's address). */
  readonly source?: string;
  /** This ISO week's key (`2026-W49`), to offer a refresh when the latest review is older. */
  readonly currentWeek?: string;
  /** Runs before a job (the pane saves its settings in the workbook there). */
  readonly beforeRun?: () => Promise<void>;
}

type Shown = { readonly kind: JobKind; readonly result: JobResult; readonly fromRibbon?: boolean };

/**
 * Builds the dashboard and refreshes the weekly review through the gateway, with progress and the
 * outcome (also of jobs started from the ribbon), and links to the sheets written.
 */
export function BuildPanel({ gateway, strings, source, currentWeek, beforeRun }: BuildPanelProps) {
  const styles = useStyles();
  const headingId = useId();
  const [running, setRunning] = useState<JobKind | null>(null);
  const [stage, setStage] = useState('');
  const [progress, setProgress] = useState<{ rowsRead: number; totalRows: number } | null>(null);
  const cancel = useRef<{ aborted: boolean } | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const [latestReview, setLatestReview] = useState<string | undefined>(undefined);
  const mounted = useRef(true);

  useEffect(() => {
    gateway
      .savedState()
      .then((state) => {
        if (mounted.current && state.configured) setLatestReview(state.latestReview);
      })
      .catch(() => undefined);
  }, [gateway, shown]);
  const behind = currentWeek !== undefined && latestReview !== undefined && latestReview < currentWeek;

  useEffect(() => {
    mounted.current = true;
    const stop = onNotice((notice) =>
      setShown({
        kind: notice.kind,
        fromRibbon: true,
        result: notice.ok
          ? { ok: true, sheets: notice.sheets, summary: notice.message }
          : { ok: false, message: notice.message },
      }),
    );
    return () => {
      mounted.current = false;
      stop();
    };
  }, []);

  const run = async (kind: JobKind) => {
    setRunning(kind);
    setShown(null);
    setProgress(null);
    setStage(strings.working);
    const signal = { aborted: false };
    cancel.current = signal;
    let result: JobResult;
    try {
      await beforeRun?.();
      result = await gateway.runJob(kind, {
        ...(source ? { source } : {}),
        onStage: (m) => setStage(strings.stage(m)),
        onProgress: (p) => setProgress(p),
        signal,
      });
    } catch (error) {
      result = { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    cancel.current = null;
    if (!mounted.current) return;
    setRunning(null);
    setShown({ kind, result });
  };

  return (
    <section className={styles.root} aria-labelledby={headingId} data-testid="build">
      <Subtitle2 as="h2" id={headingId}>
        {strings.buildHeading}
      </Subtitle2>
      <Caption1 className={styles.hint}>{strings.buildHint}</Caption1>
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={running !== null} onClick={() => void run('dashboard')}>
          {strings.buildDashboard}
        </Button>
        <Button disabled={running !== null} onClick={() => void run('review')}>
          {strings.refreshReview}
        </Button>
      </div>
      {behind && running === null && (
        <MessageBar intent="warning">
          <MessageBarBody>{strings.reviewBehind(latestReview!, currentWeek!)}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => void run('review')}>
              {strings.refreshReview}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <div aria-live="polite">
        {running !== null && (
          <div className={styles.progress}>
            <Field label={stage} validationState="none">
              <ProgressBar
                aria-label={strings.progressLabel}
                {...(progress && progress.totalRows > 0
                  ? { value: progress.rowsRead / progress.totalRows }
                  : {})}
              />
            </Field>
            <Button
              size="small"
              onClick={() => {
                if (cancel.current) cancel.current.aborted = true;
              }}
            >
              {strings.cancel}
            </Button>
          </div>
        )}
      </div>
      {shown && (
        <MessageBar intent={shown.result.ok ? 'success' : 'error'} role="alert">
          <MessageBarBody>
            <MessageBarTitle>
              {shown.result.ok ? strings.jobDone : strings.jobFailed}
              {shown.fromRibbon ? ` (${strings.fromRibbon})` : ''}
            </MessageBarTitle>
            <Body1>
              {shown.result.ok
                ? strings.jobSummary(shown.result.summary, shown.result.sheets)
                : shown.result.message}
            </Body1>
            {shown.result.ok && (
              <div className={styles.links}>
                {shown.result.sheets.map((name) => (
                  <Link key={name} onClick={() => void gateway.goToSheet(name)}>
                    {strings.goToSheet(name)}
                  </Link>
                ))}
              </div>
            )}
          </MessageBarBody>
          <MessageBarActions>
            <Button
              size="small"
              onClick={() => {
                clearNotice();
                setShown(null);
              }}
            >
              {strings.dismiss}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </section>
  );
}
