/**
 * What building the dashboard and refreshing the review share: reading the configuration, the
 * orders (from the source chosen, else the one saved, else the one that looks like orders) and the
 * side tables, the goals and the currency.
 */
import type { Currency } from '../core/currency';
import type { AsOfChoice, DataDates } from '../core/data-range';
import { chooseAsOf, dataDates } from '../core/data-range';
import type { Goal } from '../core/goals';
import type { IngestOptions } from '../core/ingest';
import type { MetricInputs } from '../core/metrics';
import type { Calendar } from '../core/periods';
import type { IngestReport } from '../core/report';
import type { Mapping, OrdersTable, PipelineTable, SpendTable, TargetsTable } from '../core/table';
import type { PipelineSettings } from '../core/pipeline';
import type { SalesMetricsConfig } from '../sheets/config';
import type { OrdersSource } from '../sheets/sources';
import { chosenCurrency, goalsOf, type ChosenCurrency } from './plans';
import type { SourceSheet, WorkbookPort } from './port';
import { WorkflowError } from './port';
import { currencyOfTable, findSource, ordersSourceOf, readOrders, readTable } from './sources';

/**
 * A side table: already read (from a file of its own, `origin` naming that file as the configuration
 * saves it, `mapping` the columns people mapped for it), or found among the workbook's sources
 * (`saved`: the name is the one the configuration saved, so a source that is gone is reported and
 * the job goes on without the table, and the column mapping saved with it is used unless `ingest`
 * maps columns for this run).
 */
export type SideSpec<T> =
  | { readonly table: T; readonly origin?: string; readonly mapping?: Mapping }
  | { readonly source?: string; readonly ingest?: IngestOptions; readonly saved?: boolean };

/** The side tables a job can read besides the orders. */
export type SideKind = 'pipeline' | 'spend' | 'targets';

export interface RefreshOptions {
  /** The as-of epoch day people gave; absent: the latest date in the data (`chooseAsOf`). */
  readonly asOf?: number;
  /**
   * Today's epoch day, read by the caller: the weekly review's week is never later than today's
   * when the as-of day came from the data, and data without a single date falls back to it.
   */
  readonly today?: number;
  readonly calendar: Calendar;
  /** The refresh stamp `YYYY-MM-DD HH:mm` (the caller reads the clock; jobs never do). */
  readonly refreshedAt: string;
  readonly orders?: {
    /** The source to read (a sheet or table name); else the saved one, else detected. */
    readonly source?: string;
    readonly ingest?: IngestOptions;
    /** The person mapped columns for this run: the saved mapping is not used. */
    readonly mappingGiven?: boolean;
  };
  readonly pipeline?: SideSpec<PipelineTable>;
  readonly spend?: SideSpec<SpendTable>;
  readonly targets?: SideSpec<TargetsTable>;
  /** The currency chosen for this run (`null`: none); else the saved one, else the data's. */
  readonly currency?: Currency | null;
  /** The data's currency when the caller read it before the workbook was made (a CSV's amounts). */
  readonly detectedCurrency?: Currency;
  /** Pipeline forecast settings for this run (saved in the configuration); else the saved ones. */
  readonly pipelineSettings?: PipelineSettings;
  /** Progress and findings, one line each. */
  readonly report?: (message: string) => void;
  /**
   * Called between stages (after reading, after computing) so a host that shares its thread with
   * a user interface can let it breathe; a job waits for it.
   */
  readonly pause?: () => Promise<void>;
}

/** What a refresh read from the workbook. */
export interface Loaded {
  readonly config: SalesMetricsConfig;
  readonly configWarning?: string;
  readonly inputs: MetricInputs;
  readonly orders: {
    readonly table: OrdersTable;
    readonly report: IngestReport;
    readonly source: SourceSheet;
    readonly formulas: OrdersSource;
  };
  readonly goals: Goal[];
  /** True when the goals came from the configuration (no Targets table this time). */
  readonly goalsSaved: boolean;
  readonly currency: ChosenCurrency;
  /** The as-of day and where it came from: given, else the latest date in the data. */
  readonly asOf: AsOfChoice;
  /** Each table's first and last date and its rows after the as-of day. */
  readonly dates: DataDates;
  /** Where each side table read was found: its sheet or table, or the file it came from. */
  readonly sideSources: Partial<Record<SideKind, string>>;
  /** The columns people mapped for each side table read (given this time, or saved and still fitting). */
  readonly sideMappings: Partial<Record<SideKind, Mapping>>;
}

/**
 * A side table read, where it came from (unnamed when the caller read it and did not say), and the
 * columns people mapped for it.
 */
interface SideRead<T> {
  readonly table: T;
  readonly origin?: string;
  readonly mapping?: Mapping;
}

/** The line saying a saved column mapping no longer fits a table, whose columns are detected again. */
export function mappingNoLongerFits(kind: 'orders' | SideKind): string {
  return `the saved column mapping no longer fits the ${kind}; detecting the columns again`;
}

/**
 * The role → header entries of a mapping (a saved one, or one given for this run), if there are
 * any; column numbers and anything that is not text are left out.
 * @example headerMapping({ status: 'Stage', value: 3 }) // { status: 'Stage' }
 */
export function headerMapping(value: unknown): Mapping | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const entries = Object.entries(value).filter(([, header]) => typeof header === 'string' && header !== '');
  return entries.length > 0 ? (Object.fromEntries(entries) as Mapping) : undefined;
}

async function sideTable<K extends SideKind>(
  kind: K,
  spec: SideSpec<Extract<OrdersTable | PipelineTable | SpendTable | TargetsTable, { kind: K }>> | undefined,
  sources: readonly SourceSheet[],
  label: string,
  report: (message: string) => void,
  savedMapping: unknown,
): Promise<
  SideRead<Extract<OrdersTable | PipelineTable | SpendTable | TargetsTable, { kind: K }>> | undefined
> {
  if (spec === undefined) return undefined;
  if ('table' in spec) {
    const mapping = headerMapping(spec.mapping);
    return {
      table: spec.table,
      ...(spec.origin ? { origin: spec.origin } : {}),
      ...(mapping ? { mapping } : {}),
    };
  }
  const wanted = spec.source?.trim().toLowerCase();
  if (spec.saved && !sources.some((s) => s.name.toLowerCase() === wanted)) {
    report(`the saved ${kind} source "${spec.source}" is not in ${label}; going on without it`);
    return undefined;
  }
  const ingest = spec.ingest ?? {};
  const source = await findSource(kind, sources, ingest, label, spec.source);
  const given = headerMapping(ingest.mapping);
  const saved = spec.saved && given === undefined ? headerMapping(savedMapping) : undefined;
  if (saved) {
    try {
      const table = (await readTable(kind, source, { ...ingest, mapping: saved }, label)).table;
      return { table, origin: source.name, mapping: saved };
    } catch (error) {
      // A saved mapping that no longer fits (columns renamed): detect the columns again.
      if (!(error instanceof WorkflowError)) throw error;
      report(mappingNoLongerFits(kind));
    }
  }
  const table = (await readTable(kind, source, ingest, label)).table;
  return { table, origin: source.name, ...(given ? { mapping: given } : {}) };
}

/** The sources, with one named by an address appended when the host can read it. */
async function withAddressed(
  port: WorkbookPort,
  sources: SourceSheet[],
  name: string | undefined,
): Promise<SourceSheet[]> {
  if (name === undefined || !port.sourceAt) return sources;
  if (sources.some((s) => s.name.toLowerCase() === name.trim().toLowerCase())) return sources;
  const addressed = await port.sourceAt(name);
  return addressed ? [...sources, addressed] : sources;
}

/** The orders' source and how to read them: this run's choice, else the saved one, else detected. */
async function ordersPlace(
  port: WorkbookPort,
  sources: SourceSheet[],
  config: SalesMetricsConfig,
  options: RefreshOptions,
  report: (message: string) => void,
): Promise<{ source: SourceSheet; ingest: IngestOptions; savedMapping: boolean }> {
  const given = options.orders ?? {};
  const ingest = given.ingest ?? {};
  const savedName = config.mappings.sources?.orders;
  const savedMapping = config.mappings.orders;
  sources = await withAddressed(port, sources, given.source ?? savedName);
  if (given.source !== undefined) {
    const source = await findSource('orders', sources, ingest, port.label, given.source);
    const useSaved = !given.mappingGiven && savedMapping !== undefined && source.name === savedName;
    return {
      source,
      ingest: useSaved ? { ...ingest, mapping: savedMapping } : ingest,
      savedMapping: useSaved,
    };
  }
  if (typeof savedName === 'string') {
    const saved = sources.find((s) => s.name === savedName);
    if (saved) {
      const useSaved = !given.mappingGiven && savedMapping !== undefined;
      return {
        source: saved,
        ingest: useSaved ? { ...ingest, mapping: savedMapping } : ingest,
        savedMapping: useSaved,
      };
    }
    report(`the saved orders source "${savedName}" is gone; looking for the orders again`);
  }
  return { source: await findSource('orders', sources, ingest, port.label), ingest, savedMapping: false };
}

/**
 * Reads what a refresh needs: configuration, orders, side tables, goals and currency.
 * @example const loaded = await loadWorkbook(port, { asOf, calendar, refreshedAt });
 */
export async function loadWorkbook(port: WorkbookPort, options: RefreshOptions): Promise<Loaded> {
  const report = options.report ?? (() => undefined);
  const { config, warning } = await port.readConfig();
  const sources = await port.listSources();
  const place = await ordersPlace(port, sources, config, options, report);
  let read;
  let ingest = place.ingest;
  try {
    read = await readOrders(place.source, ingest, port.label);
  } catch (error) {
    // A saved mapping that no longer fits (columns renamed): detect the columns again.
    if (!(error instanceof WorkflowError) || !place.savedMapping) throw error;
    report(mappingNoLongerFits('orders'));
    ingest = options.orders?.ingest ?? {};
    read = await readOrders(place.source, ingest, port.label);
  }
  const side = {
    pipeline: await sideTable(
      'pipeline',
      options.pipeline,
      sources,
      port.label,
      report,
      config.mappings.pipeline,
    ),
    spend: await sideTable('spend', options.spend, sources, port.label, report, config.mappings.spend),
    targets: await sideTable(
      'targets',
      options.targets,
      sources,
      port.label,
      report,
      config.mappings.targets,
    ),
  };
  const pipeline = side.pipeline?.table;
  const spend = side.spend?.table;
  await options.pause?.();
  const { goals, saved } = goalsOf(side.targets?.table, config, report, options.calendar);
  const formulas = ordersSourceOf(read.source, read.cells, read.table, ingest, port.label);
  const inputs = { orders: read.table, pipeline, spend };
  const asOf = chooseAsOf(inputs, options.asOf, options.today);
  if (!asOf) throw new WorkflowError('no-rows', `${port.label}: the data holds no dates to be as of`);
  return {
    config,
    ...(warning ? { configWarning: warning } : {}),
    inputs,
    orders: { table: read.table, report: read.report, source: read.source, formulas },
    goals,
    goalsSaved: saved,
    currency: chosenCurrency(
      options.currency,
      config,
      options.detectedCurrency ?? currencyOfTable(read.result),
    ),
    asOf,
    dates: dataDates(inputs, asOf.day),
    sideSources: Object.fromEntries(
      Object.entries(side).flatMap(([kind, read]) => (read?.origin ? [[kind, read.origin]] : [])),
    ),
    sideMappings: Object.fromEntries(
      Object.entries(side).flatMap(([kind, read]) => (read?.mapping ? [[kind, read.mapping]] : [])),
    ),
  };
}
