import { Caption1, Subtitle2, Text, makeStyles, tokens, useId } from '@fluentui/react-components';
import { translateNote, translateReason } from '../ingest-messages';
import type { ReportDates } from '../analysis';
import type { IngestReport } from '../../core/report';
import { cellText } from '../format';
import type { Strings } from '../strings';

/** Issues listed one by one; the rest are counted. */
const LISTED_ISSUES = 5;
/** Table-level notes (blank rows, formats chosen, mapping problems) shown under the issues. */
const LISTED_NOTES = 3;

const useStyles = makeStyles({
  heading: { margin: 0 },
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  issue: { display: 'flex', flexDirection: 'column', overflowWrap: 'anywhere' },
  reason: { color: tokens.colorNeutralForeground2 },
  skipped: { color: tokens.colorPaletteRedForeground1 },
});

export interface IngestReportViewProps {
  readonly strings: Strings;
  readonly report: IngestReport;
  readonly formatNumber: (n: number) => string;
  /** The dates the rows cover and the rows after the as-of day, with a way to write a day. */
  readonly dates?: ReportDates;
  readonly formatDate?: (epochDay: number) => string;
}

/**
 * Rows read, used (up to the as-of day), skipped and after the as-of day, the dates the rows cover
 * and the as-of day, the first few rows left out (or questioned) with the reason, and ingestion's
 * notes on the table as a whole (blank rows are counted there, not listed).
 */
export function IngestReportView({
  strings,
  report,
  formatNumber,
  dates,
  formatDate,
}: IngestReportViewProps) {
  const styles = useStyles();
  const headingId = useId('report');
  const listed = report.issues.slice(0, LISTED_ISSUES);
  const rest = report.issues.length - listed.length + (report.issuesOmitted ?? 0);
  const after = dates?.afterAsOf ?? 0;
  const day = (d: number) => (formatDate ? formatDate(d) : String(d));
  return (
    <section className={styles.root} aria-labelledby={headingId} data-testid="ingest-report">
      <Subtitle2 as="h2" id={headingId} className={styles.heading}>
        {strings.reportHeading}
      </Subtitle2>
      <Text className={report.rowsSkipped > 0 ? styles.skipped : undefined}>
        {strings.reportCounts(
          formatNumber(report.rowsRead),
          formatNumber(report.rowsUsed - after),
          formatNumber(report.rowsSkipped),
        )}
        {after > 0 && ` · ${strings.reportAfter(formatNumber(after), day(dates!.asOf.day))}`}
      </Text>
      {dates && (
        <Caption1 data-testid="report-dates">
          {[
            ...(dates.range ? [strings.reportDates(day(dates.range.first), day(dates.range.last))] : []),
            strings.reportAsOf(day(dates.asOf.day), dates.asOf.source === 'given'),
          ].join(' · ')}
        </Caption1>
      )}
      {report.issues.length === 0 && report.rowsSkipped === 0 && after === 0 && (
        <Caption1>{strings.everyRowUsed}</Caption1>
      )}
      {listed.length > 0 && (
        <ul className={styles.list}>
          {listed.map((issue, i) => (
            <li key={i} className={styles.issue}>
              <Caption1>
                <strong>{strings.issueWhere(formatNumber(issue.row), issue.column)}</strong>
                {`: ${cellText(issue.value, strings.blankValue)}`}
              </Caption1>
              <Caption1 className={styles.reason}>
                {translateReason(issue.reason, strings.catalogue)}
              </Caption1>
            </li>
          ))}
        </ul>
      )}
      {rest > 0 && <Caption1>{strings.moreIssues(formatNumber(rest))}</Caption1>}
      {(report.notes ?? []).slice(0, LISTED_NOTES).map((note, i) => (
        <Caption1 key={i} className={styles.reason}>
          {translateNote(note, strings.catalogue)}
        </Caption1>
      ))}
    </section>
  );
}
