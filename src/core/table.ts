/**
 * The columnar tables the engine computes on. One typed array per numeric column,
 * dictionary-encoded strings, dates as day numbers. Tables are immutable: filters
 * and joins return new tables.
 *
 * Dates are "epoch days": days since 1970-01-01 in UTC, as a float whose integer part
 * is the calendar day and whose fraction is the time of day. `Math.floor(d)` is the day.
 * Missing numbers are `NaN`; missing dictionary codes are `-1`.
 */

export type TableKind = 'orders' | 'pipeline' | 'spend' | 'targets';

export const ORDER_ROLES = [
  'date',
  'amount',
  'order_id',
  'customer',
  'quantity',
  'product',
  'category',
  'region',
  'rep',
  'channel',
  'segment',
  'cost',
  'profit',
] as const;
export const PIPELINE_ROLES = [
  'created',
  'status',
  'id',
  'closed',
  'value',
  'rep',
  'source',
  'region',
  'expected_close',
  'probability',
  'stage',
  'forecast_category',
] as const;
export const SPEND_ROLES = ['date', 'spend', 'channel', 'end', 'period'] as const;
export const TARGET_ROLES = ['metric', 'period', 'target', 'rep', 'region'] as const;

export type OrderRole = (typeof ORDER_ROLES)[number];
export type PipelineRole = (typeof PIPELINE_ROLES)[number];
export type SpendRole = (typeof SPEND_ROLES)[number];
export type TargetRole = (typeof TARGET_ROLES)[number];
export type ColumnRole = OrderRole | PipelineRole | SpendRole | TargetRole;

/** Roles each table cannot do without (docs/metrics.md). */
export const REQUIRED_ROLES: { readonly [K in TableKind]: readonly ColumnRole[] } = {
  orders: ['date', 'amount'],
  pipeline: ['created', 'status'],
  spend: ['date', 'spend'],
  targets: ['metric', 'period', 'target'],
};

/** Text dimensions of an orders table that breakdowns can group by. */
export const ORDER_DIMENSIONS = ['product', 'category', 'region', 'rep', 'channel', 'segment'] as const;
export type OrderDimension = (typeof ORDER_DIMENSIONS)[number];

/** Strings stored once; rows hold an index into `dictionary` (`-1` = missing). */
export interface DictColumn {
  readonly codes: Int32Array;
  readonly dictionary: readonly string[];
}

/** Which header each role was read from (`role → header text`). */
export type Mapping = Partial<Record<ColumnRole, string>>;

interface TableBase {
  readonly length: number;
  /** Row number as the user sees it in the sheet/file (1-based, header included). */
  readonly sourceRow: Int32Array;
  /** role → header name it came from. */
  readonly mapping: Mapping;
  /** Text columns with no role, by header name (usable as breakdown dimensions). */
  readonly extra: Readonly<Record<string, DictColumn>>;
}

export interface OrdersTable extends TableBase {
  readonly kind: 'orders';
  readonly date: Float64Array;
  /** Signed: negative amounts are refunds. */
  readonly amount: Float64Array;
  readonly orderId?: DictColumn;
  readonly customer?: DictColumn;
  readonly quantity?: Float64Array;
  /**
   * Cost of each row: the cost column, else amount − profit when the file carries a profit column
   * instead (`mapping.profit` set, `mapping.cost` not).
   */
  readonly cost?: Float64Array;
  readonly dimensions: Partial<Record<OrderDimension, DictColumn>>;
}

export type PipelineStatus = 'won' | 'lost' | 'open';
/** Status codes stored in `PipelineTable.status`. */
export const STATUS_CODE: { readonly [K in PipelineStatus]: number } = { open: 0, won: 1, lost: 2 };

export interface PipelineTable extends TableBase {
  readonly kind: 'pipeline';
  readonly created: Float64Array;
  /** `STATUS_CODE` values. */
  readonly status: Uint8Array;
  /** Closing date; `NaN` while open or unknown. */
  readonly closed: Float64Array;
  readonly value?: Float64Array;
  readonly id?: DictColumn;
  readonly rep?: DictColumn;
  readonly source?: DictColumn;
  readonly region?: DictColumn;
  /**
   * Expected close date of open deals: the expected-close column, else the date an open row
   * carries in the close column; `NaN` where neither is known (and for won or lost deals).
   */
  readonly expectedClose?: Float64Array;
  /** Win probability 0–1 as the sheet states it (a percentage or 0–100 read as a share); `NaN` where blank. */
  readonly probability?: Float64Array;
  /** Stage text: the stage column, else the text of the status column. */
  readonly stage?: DictColumn;
  /** Forecast category text as the sheet states it (`Commit`, `Best Case`, `Pipeline`…). */
  readonly forecastCategory?: DictColumn;
}

/**
 * Marketing spend. Each row covers a span of days over which its amount is spread evenly
 * (`src/core/metrics/spend-spread.ts`): the period of `period` when it holds a period key, else
 * `date` to `end` (both included) when the row has an end date, else a span inferred from the
 * dates (the row's month, week, quarter or year, or its own day).
 */
export interface SpendTable extends TableBase {
  readonly kind: 'spend';
  /** The day the spend is dated (the first day of its span when an end date or period is given). */
  readonly date: Float64Array;
  readonly spend: Float64Array;
  readonly channel?: DictColumn;
  /** Last day the spend covers (included); `NaN` where blank. */
  readonly end?: Float64Array;
  /** Period keys as `parsePeriodKey` reads them (`2026-11`, `2026-W47`, `2026-Q4`, `2026`). */
  readonly period?: DictColumn;
}

export interface TargetRow {
  readonly metric: string;
  /** A period key as `parsePeriodKey` reads it (`2026`, `2026-Q1`, `2026-03`, `2026-W05`, `FY2027-Q1`). */
  readonly period: string;
  readonly target: number;
  readonly rep?: string;
  readonly region?: string;
  readonly sourceRow: number;
}

export interface TargetsTable {
  readonly kind: 'targets';
  readonly rows: readonly TargetRow[];
  readonly mapping: Mapping;
}

export type SalesTable = OrdersTable | PipelineTable | SpendTable | TargetsTable;

/** The value of a dictionary column at row `i`, or `undefined` when missing. */
export function dictValue(column: DictColumn, i: number): string | undefined {
  const code = column.codes[i];
  return code < 0 ? undefined : column.dictionary[code];
}
