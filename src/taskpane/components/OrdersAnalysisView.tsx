import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { OrdersAnalysis } from '../analysis';
import type { OrderRole } from '../../core/table';
import type { RoleChoice } from '../mapping';
import type { Strings } from '../strings';
import { formatDate } from '../locale-format';
import { IngestReportView } from './IngestReportView';
import { KpiTiles } from './KpiTiles';
import { MappingEditor } from './MappingEditor';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

export interface OrdersAnalysisViewProps {
  readonly strings: Strings;
  readonly analysis: OrdersAnalysis;
  readonly locale: string;
  readonly formatNumber: (n: number) => string;
  readonly onChoose: (role: OrderRole, column: RoleChoice) => void;
}

/** What the read data holds as orders: the column mapping, the rows used and skipped, the KPIs. */
export function OrdersAnalysisView({
  strings,
  analysis,
  locale,
  formatNumber,
  onChoose,
}: OrdersAnalysisViewProps) {
  const styles = useStyles();
  const { result, kpis } = analysis;
  return (
    <div className={styles.root}>
      <MappingEditor
        strings={strings}
        headers={analysis.headers}
        rows={analysis.rows}
        error={result.error}
        onChoose={onChoose}
      />
      {result.table && (
        <>
          <IngestReportView
            strings={strings}
            report={result.report}
            formatNumber={formatNumber}
            {...(analysis.dates ? { dates: analysis.dates } : {})}
            formatDate={(day) => formatDate(day, locale)}
          />
          {kpis ? (
            <KpiTiles strings={strings} headline={kpis} locale={locale} />
          ) : (
            <Caption1>{strings.noOrders}</Caption1>
          )}
        </>
      )}
    </div>
  );
}
