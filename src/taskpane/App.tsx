import {
  Body1,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Tab,
  TabList,
  Title3,
  ToggleButton,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { detectCurrency } from '../core/currency';
import type { DateOrder } from '../core/ingest';
import { METRIC_IDS, type MetricId } from '../core/metrics';
import { calendarOf, formatDay, parseDay } from '../core/periods';
import { ORDER_DIMENSIONS, type OrderRole } from '../core/table';
import { makeEvaluate } from '../workflows/evaluate';
import { metricStatus } from './catalogue';
import { latestOrderDay } from './kpis';
import { BuildPanel } from './components/BuildPanel';
import { DataPreview } from './components/DataPreview';
import { DataWarnings } from './components/DataWarnings';
import { GoalsStep } from './components/GoalsStep';
import { OrdersAnalysisView } from './components/OrdersAnalysisView';
import { PreviewSheet } from './components/PreviewSheet';
import type { SheetPlan } from '../sheets/plan';
import { ReadResult } from './components/ReadResult';
import { SettingsStep } from './components/SettingsStep';
import { SideTables } from './components/SideTables';
import { savedSideChoice, savedSource, type SideChoice } from './side-tables';
import { SourcePicker } from './components/SourcePicker';
import { ThisWeekStep } from './components/ThisWeekStep';
import type { TableInfo, WorkbookGateway } from './gateway';
import { dataWarnings } from './guardrails';
import { htmlLang, type PaneLanguage } from './locale-format';
import type { SourceChoice } from './persist';
import { stringsFor, type Strings } from './strings';
import { goalsStrings } from './strings-goals';
import { settingsStrings } from './strings-settings';
import { useOrdersAnalysis } from './use-orders-analysis';
import { usePaneState } from './use-pane-state';
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
    overflowX: 'hidden',
  },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  titleRow: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
  },
  subtitle: { color: tokens.colorNeutralForeground2 },
  tabs: { flexWrap: 'wrap' },
  step: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  readButton: { alignSelf: 'flex-start' },
  saved: { color: tokens.colorNeutralForeground2 },
});

export type StepId = 'data' | 'settings' | 'goals' | 'build' | 'week';
const STEPS: readonly StepId[] = ['data', 'settings', 'goals', 'build', 'week'];

export interface AppProps {
  readonly gateway: WorkbookGateway;
  /** The strings of the language the pane opens in (Office's display language). */
  readonly strings: Strings;
  /** BCP 47 tag for number formatting, e.g. Office's display language. */
  readonly locale: string;
  /** True when running outside Excel on sample data. */
  readonly preview?: boolean;
  /** This ISO week's key (`2026-W49`): the pane offers a refresh when the latest review is older. */
  readonly currentWeek?: string;
  /** Today as an epoch day (the caller reads the clock). */
  readonly today?: number;
  /** The step shown first. */
  readonly initialStep?: StepId;
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

const LOCALE_OF: Readonly<Record<PaneLanguage, string>> = { en: 'en-US', id: 'id-ID' };

/**
 * The task pane, a stepper: the data (orders and optional tables, the column mapping and checks),
 * metrics and settings, goals and benchmarks, building the sheets, and this week at a glance.
 */
export function App(props: AppProps) {
  const { gateway, preview = false, currentWeek } = props;
  const styles = useStyles();
  const [language, setLanguage] = useState<PaneLanguage>(props.strings.catalogue);
  const strings = useMemo(
    () => (language === props.strings.catalogue ? props.strings : stringsFor(language)),
    [language, props.strings],
  );
  const locale = language === props.strings.catalogue ? props.locale : LOCALE_OF[language];
  const [step, setStep] = useState<StepId>(props.initialStep ?? 'data');
  const { tables, loadTables, readState, read } = useSourceReader(gateway, strings.currentSelection);
  const [chosen, setChosen] = useState<DataSource | null>(null);
  const [dateOrder, setDateOrder] = useState<DateOrder | undefined>(undefined);
  const [side, setSide] = useState<SideChoice>({});
  const tableList = tables.status === 'ready' ? tables.tables : [];
  const source = resolveSource(chosen, tables.status === 'ready' ? tables.tables : null);
  const reading = readState.status === 'reading';
  const numberFormat = useMemo(() => new Intl.NumberFormat(locale), [locale]);
  const formatNumber = (n: number) => numberFormat.format(n);
  const data = readState.status === 'done' ? readState.data : null;
  // The source and mapping to save are read when the pane saves, after this render.
  const { state, update, save, saveStatus, restored } = usePaneState(gateway, () => sourceChoice());
  const savedOrders = useMemo(() => (restored ? savedSource(restored, 'orders') : undefined), [restored]);
  useEffect(() => {
    // The tables the workbook saved are the pane's first choice (a person's choice made since stands).
    if (!restored) return;
    const saved = savedSideChoice(restored);
    setSide((current) => ({ ...saved, ...current }));
    if (savedOrders) setChosen((current) => current ?? { kind: 'table', name: savedOrders.source });
  }, [restored, savedOrders]);
  // The as-of day set in the pane overrides the latest date in the data everywhere in the pane.
  const asOfSetting = (state?.settings.asOf ? parseDay(state.settings.asOf) : null) ?? undefined;
  const sourceName = source.kind === 'table' ? source.name : data ? data.address : undefined;
  const { analysis, choose } = useOrdersAnalysis(
    data,
    dateOrder,
    asOfSetting,
    savedOrders && sourceName === savedOrders.source ? savedOrders.mapping : undefined,
  );
  const orders = analysis?.result.table ?? null;

  const sourceChoice = (): SourceChoice => ({
    ...(sourceName && orders ? { orders: { source: sourceName, mapping: orders.mapping } } : {}),
    side,
  });

  useEffect(() => {
    if (typeof document !== 'undefined') document.documentElement.lang = htmlLang(language);
  }, [language]);

  const warnings = useMemo(
    () => (data && analysis ? dataWarnings(data.values, analysis) : []),
    [data, analysis],
  );
  const settings = state?.settings;
  const calendar = calendarOf({
    fiscalYearStartMonth: settings?.fiscalYearStartMonth ?? 1,
    weekStartsOn: (settings?.weekStartsOn ?? 1) as 1,
  });
  const available = useMemo(() => {
    // A cost derived from a profit column (amount − profit) has no header of its own.
    const roles = orders
      ? [...Object.keys(orders.mapping), ...(orders.cost && !orders.mapping.cost ? ['cost'] : [])]
      : undefined;
    return {
      ...(roles ? { orders: roles } : {}),
      ...(side.pipeline ? { pipeline: ['created', 'status', 'value', 'closed'] } : {}),
      ...(side.spend ? { spend: ['date', 'spend'] } : {}),
    };
  }, [orders, side]);
  const latest = useMemo(() => (orders ? latestOrderDay(orders) : null), [orders]);
  const latestDay = latest === null ? undefined : formatDay(latest);
  const dimensionChoices = useMemo(() => {
    if (!orders) return [];
    const roles = ORDER_DIMENSIONS.filter((d) => orders.dimensions[d] !== undefined).map((d) => ({
      id: d,
      label: strings.roles[d as OrderRole] ?? d,
    }));
    return [...roles, ...Object.keys(orders.extra).map((h) => ({ id: h, label: h }))];
  }, [orders, strings]);
  const detected = analysis?.result.table
    ? detectCurrency(analysis.result.formats, Object.values(analysis.result.table.mapping) as string[])
    : undefined;
  const today = props.today ?? Math.floor(Date.now() / 86400000);
  // One rule: the day set in the pane, else the latest date in the data, else today.
  const asOfDay = asOfSetting ?? latest ?? today;
  const goalsAvailable = useMemo(
    () => (orders ? METRIC_IDS.filter((id) => metricStatus(id, available).ready) : undefined),
    [orders, available],
  );
  const evaluate = useMemo(
    () =>
      orders
        ? (metric: MetricId) =>
            makeEvaluate({ orders }, metric, {
              asOf: asOfDay,
              calendar,
            })
        : undefined,
    [orders, asOfDay, calendar],
  );
  const scopes = useMemo(
    () =>
      orders
        ? {
            reps: orders.dimensions.rep?.dictionary ?? [],
            regions: orders.dimensions.region?.dictionary ?? [],
          }
        : undefined,
    [orders],
  );

  const [shownSheet, setShownSheet] = useState<SheetPlan | undefined>(undefined);
  useEffect(() => gateway.watchShownSheet?.(setShownSheet), [gateway]);

  const useAs = (table: 'pipeline' | 'spend') => {
    if (source.kind !== 'table') return;
    setSide({ ...side, [table]: { source: source.name } });
    const other = tableList.find((t) => t.name !== source.name);
    setChosen(other ? { kind: 'table', name: other.name } : { kind: 'selection' });
  };

  return (
    <main className={styles.root} lang={htmlLang(language)}>
      <header className={styles.header}>
        <div className={styles.titleRow}>
          <Title3 as="h1">{strings.appTitle}</Title3>
          <ToggleButton
            size="small"
            checked={language === 'id'}
            lang={language === 'id' ? 'en' : 'id'}
            aria-label={language === 'id' ? 'EN – Switch to English' : 'ID – Ganti ke Bahasa Indonesia'}
            onClick={() => setLanguage(language === 'id' ? 'en' : 'id')}
          >
            {language === 'id' ? 'EN' : 'ID'}
          </ToggleButton>
        </div>
        <Body1 className={styles.subtitle}>{strings.appSubtitle}</Body1>
      </header>
      {preview && (
        <MessageBar intent="info">
          <MessageBarBody>{strings.previewNotice}</MessageBarBody>
        </MessageBar>
      )}
      <TabList
        className={styles.tabs}
        size="small"
        aria-label={strings.stepsLabel}
        selectedValue={step}
        onTabSelect={(_, d) => setStep(d.value as StepId)}
      >
        {STEPS.map((id) => (
          <Tab
            key={id}
            value={id}
            id={`step-${id}`}
            {...(id === step ? { 'aria-controls': `panel-${id}` } : {})}
          >
            {strings.tabs[id]}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" id={`panel-${step}`} aria-labelledby={`step-${step}`} className={styles.step}>
        {step === 'data' && (
          <>
            <SourcePicker
              strings={strings}
              tables={tables}
              source={source}
              disabled={reading}
              onSourceChange={setChosen}
              onReloadTables={() => void loadTables()}
            />
            <Field label={strings.dateOrderLabel}>
              <Select
                value={dateOrder ?? 'auto'}
                onChange={(_, d) => setDateOrder(d.value === 'auto' ? undefined : (d.value as DateOrder))}
              >
                {(['auto', 'dmy', 'mdy', 'ymd'] as const).map((o) => (
                  <option key={o} value={o}>
                    {strings.dateOrders[o]}
                  </option>
                ))}
              </Select>
            </Field>
            <Button
              className={styles.readButton}
              appearance="primary"
              disabled={reading}
              onClick={() => void read(source)}
            >
              {reading ? strings.reading : strings.readData}
            </Button>
            <ReadResult strings={strings} state={readState} formatNumber={formatNumber} />
            {data && (
              <DataPreview
                heading={strings.previewHeading}
                rows={data.values}
                dateColumn={analysis?.rows.find((r) => r.role === 'date')?.column ?? null}
              />
            )}
            <DataWarnings strings={strings} warnings={warnings} onUseAs={useAs} />
            {analysis && (
              <OrdersAnalysisView
                strings={strings}
                analysis={analysis}
                locale={locale}
                formatNumber={formatNumber}
                onChoose={choose}
              />
            )}
            <SideTables
              strings={strings}
              gateway={gateway}
              tables={tableList.filter((t) => t.name !== sourceName)}
              value={side}
              onChange={setSide}
              formatNumber={formatNumber}
            />
          </>
        )}
        {step === 'settings' && settings && (
          <SettingsStep
            strings={settingsStrings(language)}
            language={language}
            settings={settings}
            onSettingsChange={(next) => update({ settings: next })}
            available={available}
            dimensionChoices={dimensionChoices}
            {...(latestDay ? { latestDay } : {})}
            {...(detected ? { detectedCurrency: detected } : {})}
          />
        )}
        {step === 'goals' && state && (
          <GoalsStep
            strings={goalsStrings(language)}
            locale={locale}
            goals={state.goals}
            onGoalsChange={(goals) => update({ goals })}
            figures={state.figures}
            onFiguresChange={(figures) => update({ figures })}
            {...(state.settings.industry ? { industry: state.settings.industry } : {})}
            onIndustryChange={(industry) =>
              update({
                settings: {
                  ...state.settings,
                  ...(industry ? { industry } : { industry: undefined }),
                },
              })
            }
            calendar={calendar}
            {...(evaluate ? { evaluate } : {})}
            {...(goalsAvailable ? { available: goalsAvailable } : {})}
            {...(scopes ? { scopes } : {})}
            asOf={asOfDay}
          />
        )}
        {step === 'build' && (
          <BuildPanel
            gateway={gateway}
            strings={strings}
            {...(sourceName ? { source: sourceName } : {})}
            {...(currentWeek ? { currentWeek } : {})}
            beforeRun={save}
          />
        )}
        {step === 'week' && state && (
          <ThisWeekStep
            strings={strings}
            locale={locale}
            gateway={gateway}
            orders={orders}
            settings={state.settings}
            goals={state.goals}
            today={today}
            {...(state.settings.currency
              ? { currency: state.settings.currency }
              : detected
                ? { currency: detected }
                : {})}
          />
        )}
      </div>
      {preview && shownSheet && (
        <PreviewSheet plan={shownSheet} note={strings.previewSheetNote} locale={locale} />
      )}
      <Caption1 className={styles.saved} aria-live="polite">
        {saveStatus.status === 'saving'
          ? strings.saving
          : saveStatus.status === 'saved'
            ? strings.saved
            : saveStatus.status === 'error'
              ? `${strings.saveFailed}: ${saveStatus.message}`
              : ''}
      </Caption1>
    </main>
  );
}
