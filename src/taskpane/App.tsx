import {
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { BuildPanel } from './components/BuildPanel';
import { OrdersAnalysisView } from './components/OrdersAnalysisView';
import { ReadResult } from './components/ReadResult';
import { SourcePicker } from './components/SourcePicker';
import type { TableInfo, WorkbookGateway } from './gateway';
import type { Strings } from './strings';
import { useOrdersAnalysis } from './use-orders-analysis';
import { useSourceReader, type DataSource } from './use-source-reader';

const useStyles = makeStyles({
  root: {
    boxSizing: 'border-box',
    minWidth: '280px',
    maxWidth: '640px',
    minHeight: '100vh',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  subtitle: { color: tokens.colorNeutralForeground2 },
  readButton: { alignSelf: 'flex-start' },
});

export interface AppProps {
  readonly gateway: WorkbookGateway;
  /** This ISO week's key (`2026-W49`): the pane offers a refresh when the latest review is older. */
  readonly currentWeek?: string;
  readonly strings: Strings;
  /** BCP 47 tag for number formatting, e.g. Office's display language. */
  readonly locale: string;
  /** True when running outside Excel on sample data. */
  readonly preview?: boolean;
}

/**
 * The user's choice when it still exists, else the first table, else the selection. While the
 * table list is unknown (`null`: loading or failed) the choice stands as it is.
 */
export function resolveSource(chosen: DataSource | null, tables: readonly TableInfo[] | null): DataSource {
  if (tables === null) return chosen ?? { kind: 'selection' };
  if (chosen && (chosen.kind === 'selection' || tables.some((t) => t.name === chosen.name))) return chosen;
  return tables.length > 0 ? { kind: 'table', name: tables[0].name } : { kind: 'selection' };
}

/** The task pane: pick a data source, read it, check the column mapping and see the headline KPIs. */
export function App({ gateway, strings, locale, preview = false, currentWeek }: AppProps) {
  const styles = useStyles();
  const { tables, loadTables, readState, read } = useSourceReader(gateway, strings.currentSelection);
  // Until the user picks, the first table is the source: a table is sturdier than a selection.
  const [chosen, setChosen] = useState<DataSource | null>(null);
  const source = resolveSource(chosen, tables.status === 'ready' ? tables.tables : null);
  const reading = readState.status === 'reading';
  const numberFormat = useMemo(() => new Intl.NumberFormat(locale), [locale]);
  const formatNumber = (n: number) => numberFormat.format(n);
  const { analysis, choose } = useOrdersAnalysis(readState.status === 'done' ? readState.data : null);

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Title3 as="h1">{strings.appTitle}</Title3>
        <Body1 className={styles.subtitle}>{strings.appSubtitle}</Body1>
      </header>
      {preview && (
        <MessageBar intent="info">
          <MessageBarBody>{strings.previewNotice}</MessageBarBody>
        </MessageBar>
      )}
      <SourcePicker
        strings={strings}
        tables={tables}
        source={source}
        disabled={reading}
        onSourceChange={setChosen}
        onReloadTables={() => void loadTables()}
      />
      <Button
        className={styles.readButton}
        appearance="primary"
        disabled={reading}
        onClick={() => void read(source)}
      >
        {reading ? strings.reading : strings.readData}
      </Button>
      <ReadResult strings={strings} state={readState} formatNumber={formatNumber} />
      {analysis && (
        <OrdersAnalysisView
          strings={strings}
          analysis={analysis}
          locale={locale}
          formatNumber={formatNumber}
          onChoose={choose}
        />
      )}
      <BuildPanel
        gateway={gateway}
        strings={strings}
        {...(currentWeek ? { currentWeek } : {})}
        source={
          source.kind === 'table'
            ? source.name
            : readState.status === 'done'
              ? readState.data.address
              : undefined
        }
      />
    </main>
  );
}
