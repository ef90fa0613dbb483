/**
 * What differs between the databases the metric SQL is written for: quoting, casts, day
 * arithmetic, inline tables, number series and medians. Everything else the generator writes is
 * the SQL all four share (CTEs, CASE, window functions, GROUP BY).
 *
 * Days are "epoch days" (days since 1970-01-01) as integers throughout the SQL, as in the engine;
 * a `DialectName` picks one of `DIALECTS`.
 */

export const DIALECT_NAMES = ['duckdb', 'postgres', 'bigquery', 'snowflake'] as const;
export type DialectName = (typeof DIALECT_NAMES)[number];

/** How a source column holds its values, so the SQL knows how to read it. */
export type ColumnType =
  | 'date' // a DATE column
  | 'timestamp' // a TIMESTAMP column (time of day kept as a fraction of a day)
  | 'number' // any numeric column
  | 'text' // any text column
  | 'yyyymmdd' // an integer such as 19970101
  | 'text-ymd' // text dates: ISO 2026-11-28 (a time may follow)
  | 'text-mdy' // text dates: 11/28/2026
  | 'text-dmy'; // text dates: 28/11/2026

export interface Dialect {
  readonly name: DialectName;
  /** A quoted identifier. */
  ident(name: string): string;
  /** A string literal. */
  str(text: string): string;
  /** The 64-bit float type. */
  readonly double: string;
  /** The 64-bit integer type. */
  readonly bigint: string;
  /** The text type. */
  readonly text: string;
  /** An epoch day (integer) from a column of the given type; NULL when unreadable. */
  epochDay(expr: string, type: ColumnType): string;
  /** An epoch day with the time of day as a fraction (pipeline cycle lengths). */
  epochTime(expr: string, type: ColumnType): string;
  /** A number from a column of the given type; NULL when unreadable. */
  number(expr: string, type: ColumnType): string;
  /** Text, trimmed, NULL when blank; whole numbers without a decimal part (`1001`, not `1001.0`). */
  label(expr: string, type: ColumnType): string;
  /** Floor division of integers. */
  floorDiv(a: string, b: string): string;
  /** The DATE of an epoch day. */
  dateOf(day: string): string;
  /** Calendar year, month (1–12) and day of month of an epoch day. */
  year(day: string): string;
  month(day: string): string;
  dayOfMonth(day: string): string;
  /** The epoch day of the first of a month given as `year * 12 + month − 1`. */
  monthStartDay(monthIndex: string): string;
  /** An inline table: `(VALUES …) AS alias(cols)` or its equivalent; rows of SQL literals, each with an optional comment. */
  values(
    alias: string,
    columns: readonly string[],
    rows: readonly (readonly string[])[],
    comments?: readonly string[],
  ): string;
  /** A relation `alias(k)` with k = 0 … n − 1 (n a constant). */
  series(alias: string, n: number): string;
  /** An exact median aggregate over a group, or null when the dialect has none (rank route). */
  median(expr: string): string | null;
  /** True when `MEDIAN(x) OVER (… ROWS UNBOUNDED PRECEDING)` is supported (running medians). */
  readonly runningMedian: boolean;
  /** Text with letters and digits only, lower case (status words compared like headers). */
  lettersAndDigits(expr: string): string;
  /** True when `name AS MATERIALIZED (…)` computes a CTE read several times only once. */
  readonly materialize: boolean;
  /** A statement gathering a new table's statistics, where the planner needs it told to. */
  analyze?(table: string): string;
}

const quoteDouble = (name: string) => `"${name.replace(/"/g, '""')}"`;
const quoteSingle = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** ((a % b) + b) % b is not needed: every caller divides days or month indexes by a positive b. */
function floorDivBy(cast: (x: string) => string) {
  return (a: string, b: string) => `CAST(FLOOR(${cast(`(${a})`)} / ${b}) AS BIGINT)`;
}

const DATE_FORMATS: Record<'text-mdy' | 'text-dmy', { c: string[]; pg: string; bq: string; sf: string }> = {
  'text-mdy': { c: ['%m/%d/%Y', '%m-%d-%Y', '%m.%d.%Y'], pg: 'MM/DD/YYYY', bq: '%m/%d/%Y', sf: 'MM/DD/YYYY' },
  'text-dmy': { c: ['%d/%m/%Y', '%d-%m-%Y', '%d.%m.%Y'], pg: 'DD/MM/YYYY', bq: '%d/%m/%Y', sf: 'DD/MM/YYYY' },
};

const duckdb: Dialect = {
  name: 'duckdb',
  materialize: true,
  ident: quoteDouble,
  str: quoteSingle,
  double: 'DOUBLE',
  bigint: 'BIGINT',
  text: 'VARCHAR',
  epochDay(expr, type) {
    return `CAST(FLOOR(${duckdb.epochTime(expr, type)}) AS BIGINT)`;
  },
  epochTime(expr, type) {
    switch (type) {
      case 'date':
        return `CAST(date_diff('day', DATE '1970-01-01', ${expr}) AS DOUBLE)`;
      case 'timestamp':
        return `(epoch(CAST(${expr} AS TIMESTAMP)) / 86400.0)`;
      case 'yyyymmdd':
        return `(epoch(try_strptime(CAST(CAST(${expr} AS BIGINT) AS VARCHAR), '%Y%m%d')) / 86400.0)`;
      case 'text-ymd':
        return `(epoch(TRY_CAST(trim(${expr}) AS TIMESTAMP)) / 86400.0)`;
      case 'text-mdy':
      case 'text-dmy': {
        const formats = DATE_FORMATS[type].c.flatMap((f) => [`${f} %H:%M:%S`, `${f} %H:%M`, f]);
        return `(epoch(try_strptime(trim(${expr}), [${formats.map(quoteSingle).join(', ')}])) / 86400.0)`;
      }
      default:
        return `(epoch(TRY_CAST(${expr} AS TIMESTAMP)) / 86400.0)`;
    }
  },
  number(expr, type) {
    return type === 'number'
      ? `CAST(${expr} AS DOUBLE)`
      : `TRY_CAST(trim(CAST(${expr} AS VARCHAR)) AS DOUBLE)`;
  },
  label(expr, type) {
    if (type === 'number')
      return `CASE WHEN ${expr} = FLOOR(${expr}) AND abs(${expr}) < 1e15 THEN CAST(CAST(${expr} AS BIGINT) AS VARCHAR) ELSE CAST(${expr} AS VARCHAR) END`;
    return `NULLIF(trim(CAST(${expr} AS VARCHAR)), '')`;
  },
  floorDiv: floorDivBy((x) => `CAST(${x} AS DOUBLE)`),
  dateOf: (day) => `(DATE '1970-01-01' + CAST(${day} AS INTEGER))`,
  year: (day) => `year(DATE '1970-01-01' + CAST(${day} AS INTEGER))`,
  month: (day) => `month(DATE '1970-01-01' + CAST(${day} AS INTEGER))`,
  dayOfMonth: (day) => `day(DATE '1970-01-01' + CAST(${day} AS INTEGER))`,
  monthStartDay: (m) =>
    `date_diff('day', DATE '1970-01-01', make_date(CAST(FLOOR((${m}) / 12) AS INTEGER), CAST((${m}) - 12 * FLOOR((${m}) / 12) + 1 AS INTEGER), 1))`,
  values: (alias, columns, rows, comments) => valuesClause(alias, columns, rows, comments),
  series: (alias, n) => `(SELECT range AS k FROM range(${n})) AS ${alias}`,
  median: (expr) => `MEDIAN(${expr})`,
  runningMedian: true,
  lettersAndDigits: (expr) => `lower(regexp_replace(${expr}, '[^A-Za-z0-9]', '', 'g'))`,
};

/** PostgreSQL has no TRY_CAST: text is checked against a pattern before it is cast. */
const PG_NUMBER = `'^\\s*[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?\\s*$'`;

const postgres: Dialect = {
  name: 'postgres',
  materialize: true,
  ident: quoteDouble,
  str: quoteSingle,
  double: 'DOUBLE PRECISION',
  bigint: 'BIGINT',
  text: 'TEXT',
  epochDay(expr, type) {
    if (type === 'date') return `(${expr} - DATE '1970-01-01')`;
    return `CAST(FLOOR(${postgres.epochTime(expr, type)}) AS BIGINT)`;
  },
  epochTime(expr, type) {
    switch (type) {
      case 'date':
        return `CAST(${expr} - DATE '1970-01-01' AS DOUBLE PRECISION)`;
      case 'timestamp':
        return `(EXTRACT(EPOCH FROM CAST(${expr} AS TIMESTAMP)) / 86400.0)::DOUBLE PRECISION`;
      case 'yyyymmdd':
        return `CAST(to_date(CAST(CAST(${expr} AS BIGINT) AS TEXT), 'YYYYMMDD') - DATE '1970-01-01' AS DOUBLE PRECISION)`;
      case 'text-ymd':
        return `CASE WHEN trim(${expr}) ~ '^\\d{4}-\\d{2}-\\d{2}' THEN (EXTRACT(EPOCH FROM CAST(substr(trim(${expr}), 1, 19) AS TIMESTAMP)) / 86400.0)::DOUBLE PRECISION END`;
      case 'text-mdy':
      case 'text-dmy':
        return `CASE WHEN trim(${expr}) ~ '^\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{4}' THEN CAST(to_date(regexp_replace(substring(trim(${expr}) from '^\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{4}'), '[-.]', '/', 'g'), '${DATE_FORMATS[type].pg}') - DATE '1970-01-01' AS DOUBLE PRECISION) END`;
      default:
        return `(EXTRACT(EPOCH FROM CAST(${expr} AS TIMESTAMP)) / 86400.0)::DOUBLE PRECISION`;
    }
  },
  number(expr, type) {
    if (type === 'number') return `CAST(${expr} AS DOUBLE PRECISION)`;
    return `CASE WHEN CAST(${expr} AS TEXT) ~ ${PG_NUMBER} THEN CAST(trim(CAST(${expr} AS TEXT)) AS DOUBLE PRECISION) END`;
  },
  label(expr, type) {
    if (type === 'number')
      return `CASE WHEN ${expr} = FLOOR(${expr}) AND abs(${expr}) < 1e15 THEN CAST(CAST(${expr} AS BIGINT) AS TEXT) ELSE CAST(${expr} AS TEXT) END`;
    return `NULLIF(trim(CAST(${expr} AS TEXT)), '')`;
  },
  floorDiv: floorDivBy((x) => `CAST(${x} AS DOUBLE PRECISION)`),
  dateOf: (day) => `(DATE '1970-01-01' + CAST(${day} AS INTEGER))`,
  year: (day) => `CAST(EXTRACT(YEAR FROM DATE '1970-01-01' + CAST(${day} AS INTEGER)) AS INTEGER)`,
  month: (day) => `CAST(EXTRACT(MONTH FROM DATE '1970-01-01' + CAST(${day} AS INTEGER)) AS INTEGER)`,
  dayOfMonth: (day) => `CAST(EXTRACT(DAY FROM DATE '1970-01-01' + CAST(${day} AS INTEGER)) AS INTEGER)`,
  monthStartDay: (m) =>
    `(make_date(CAST(FLOOR((${m}) / 12.0) AS INTEGER), CAST((${m}) - 12 * FLOOR((${m}) / 12.0) + 1 AS INTEGER), 1) - DATE '1970-01-01')`,
  values: (alias, columns, rows, comments) => valuesClause(alias, columns, rows, comments),
  series: (alias, n) => `generate_series(0, ${Math.max(0, n - 1)}) AS ${alias}(k)`,
  median: (expr) => `percentile_cont(0.5) WITHIN GROUP (ORDER BY ${expr})`,
  runningMedian: false,
  lettersAndDigits: (expr) => `lower(regexp_replace(${expr}, '[^A-Za-z0-9]', '', 'g'))`,
  // Temporary tables get no statistics unless asked (autovacuum skips them).
  analyze: (table) => `ANALYZE ${table}`,
};

const bigquery: Dialect = {
  name: 'bigquery',
  materialize: false,
  ident: (name) => `\`${name.replace(/`/g, '\\`')}\``,
  str: (text) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`,
  double: 'FLOAT64',
  bigint: 'INT64',
  text: 'STRING',
  epochDay(expr, type) {
    return type === 'date' ? `UNIX_DATE(${expr})` : `CAST(FLOOR(${bigquery.epochTime(expr, type)}) AS INT64)`;
  },
  epochTime(expr, type) {
    switch (type) {
      case 'date':
        return `CAST(UNIX_DATE(${expr}) AS FLOAT64)`;
      case 'yyyymmdd':
        return `CAST(UNIX_DATE(SAFE.PARSE_DATE('%Y%m%d', CAST(CAST(${expr} AS INT64) AS STRING))) AS FLOAT64)`;
      case 'text-ymd':
        return `(UNIX_MICROS(SAFE_CAST(TRIM(${expr}) AS TIMESTAMP)) / 86400000000)`;
      case 'text-mdy':
      case 'text-dmy':
        return `CAST(UNIX_DATE(SAFE.PARSE_DATE('${DATE_FORMATS[type].bq}', REGEXP_EXTRACT(REGEXP_REPLACE(TRIM(${expr}), r'[-.]', '/'), r'^\\d{1,2}/\\d{1,2}/\\d{4}'))) AS FLOAT64)`;
      default:
        return `(UNIX_MICROS(CAST(${expr} AS TIMESTAMP)) / 86400000000)`;
    }
  },
  number: (expr, type) =>
    type === 'number' ? `CAST(${expr} AS FLOAT64)` : `SAFE_CAST(TRIM(CAST(${expr} AS STRING)) AS FLOAT64)`,
  label(expr, type) {
    if (type === 'number')
      return `CASE WHEN ${expr} = FLOOR(${expr}) AND ABS(${expr}) < 1e15 THEN CAST(CAST(${expr} AS INT64) AS STRING) ELSE CAST(${expr} AS STRING) END`;
    return `NULLIF(TRIM(CAST(${expr} AS STRING)), '')`;
  },
  floorDiv: (a, b) => `CAST(FLOOR((${a}) / ${b}) AS INT64)`,
  dateOf: (day) => `DATE_FROM_UNIX_DATE(${day})`,
  year: (day) => `EXTRACT(YEAR FROM DATE_FROM_UNIX_DATE(${day}))`,
  month: (day) => `EXTRACT(MONTH FROM DATE_FROM_UNIX_DATE(${day}))`,
  dayOfMonth: (day) => `EXTRACT(DAY FROM DATE_FROM_UNIX_DATE(${day}))`,
  monthStartDay: (m) =>
    `UNIX_DATE(DATE(CAST(FLOOR((${m}) / 12) AS INT64), CAST((${m}) - 12 * FLOOR((${m}) / 12) + 1 AS INT64), 1))`,
  values(alias, columns, rows, comments) {
    const structs = rows.map((row) => `STRUCT(${row.map((v, i) => `${v} AS ${columns[i]}`).join(', ')})`);
    const empty = `STRUCT(${columns.map((c) => `NULL AS ${c}`).join(', ')})`;
    const list = structs.length ? withComments(structs, comments) : empty;
    const filter = structs.length ? '' : ` WHERE FALSE`;
    return `(SELECT * FROM UNNEST([\n    ${list}\n  ])${filter}) AS ${alias}`;
  },
  series: (alias, n) => `(SELECT k FROM UNNEST(GENERATE_ARRAY(0, ${Math.max(0, n - 1)})) AS k) AS ${alias}`,
  median: () => null,
  runningMedian: false,
  lettersAndDigits: (expr) => `LOWER(REGEXP_REPLACE(${expr}, r'[^A-Za-z0-9]', ''))`,
};

const snowflake: Dialect = {
  name: 'snowflake',
  materialize: false,
  ident: quoteDouble,
  str: quoteSingle,
  double: 'DOUBLE',
  bigint: 'BIGINT',
  text: 'VARCHAR',
  epochDay(expr, type) {
    return type === 'date'
      ? `DATEDIFF(day, '1970-01-01'::DATE, ${expr})`
      : `CAST(FLOOR(${snowflake.epochTime(expr, type)}) AS BIGINT)`;
  },
  epochTime(expr, type) {
    switch (type) {
      case 'date':
        return `CAST(DATEDIFF(day, '1970-01-01'::DATE, ${expr}) AS DOUBLE)`;
      case 'yyyymmdd':
        return `CAST(DATEDIFF(day, '1970-01-01'::DATE, TRY_TO_DATE(CAST(CAST(${expr} AS BIGINT) AS VARCHAR), 'YYYYMMDD')) AS DOUBLE)`;
      case 'text-ymd':
        return `(DATE_PART(epoch_second, TRY_TO_TIMESTAMP(TRIM(${expr}))) / 86400.0)`;
      case 'text-mdy':
      case 'text-dmy':
        return `CAST(DATEDIFF(day, '1970-01-01'::DATE, TRY_TO_DATE(REGEXP_SUBSTR(REGEXP_REPLACE(TRIM(${expr}), '[-.]', '/'), '^[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}'), '${DATE_FORMATS[type].sf}')) AS DOUBLE)`;
      default:
        return `(DATE_PART(epoch_second, CAST(${expr} AS TIMESTAMP_NTZ)) / 86400.0)`;
    }
  },
  number: (expr, type) =>
    type === 'number' ? `CAST(${expr} AS DOUBLE)` : `TRY_TO_DOUBLE(TRIM(CAST(${expr} AS VARCHAR)))`,
  label(expr, type) {
    if (type === 'number')
      return `CASE WHEN ${expr} = FLOOR(${expr}) AND ABS(${expr}) < 1e15 THEN CAST(CAST(${expr} AS BIGINT) AS VARCHAR) ELSE CAST(${expr} AS VARCHAR) END`;
    return `NULLIF(TRIM(CAST(${expr} AS VARCHAR)), '')`;
  },
  floorDiv: floorDivBy((x) => `CAST(${x} AS DOUBLE)`),
  dateOf: (day) => `DATEADD(day, ${day}, '1970-01-01'::DATE)`,
  year: (day) => `YEAR(DATEADD(day, ${day}, '1970-01-01'::DATE))`,
  month: (day) => `MONTH(DATEADD(day, ${day}, '1970-01-01'::DATE))`,
  dayOfMonth: (day) => `DAY(DATEADD(day, ${day}, '1970-01-01'::DATE))`,
  monthStartDay: (m) =>
    `DATEDIFF(day, '1970-01-01'::DATE, DATE_FROM_PARTS(FLOOR((${m}) / 12), (${m}) - 12 * FLOOR((${m}) / 12) + 1, 1))`,
  values: (alias, columns, rows, comments) => valuesClause(alias, columns, rows, comments),
  series: (alias, n) =>
    `(SELECT ROW_NUMBER() OVER (ORDER BY SEQ4()) - 1 AS k FROM TABLE(GENERATOR(ROWCOUNT => ${Math.max(1, n)}))) AS ${alias}`,
  median: (expr) => `MEDIAN(${expr})`,
  runningMedian: false,
  lettersAndDigits: (expr) => `LOWER(REGEXP_REPLACE(${expr}, '[^A-Za-z0-9]', ''))`,
};

/** Items one per line, separated by commas, each followed by its comment. */
function withComments(items: readonly string[], comments?: readonly string[]): string {
  return items
    .map((item, i) => `${item}${i < items.length - 1 ? ',' : ''}${comments?.[i] ? ` -- ${comments[i]}` : ''}`)
    .join('\n    ');
}

/** `(VALUES (…), (…)) AS alias(a, b)`; an empty list becomes a one-row select filtered away. */
function valuesClause(
  alias: string,
  columns: readonly string[],
  rows: readonly (readonly string[])[],
  comments?: readonly string[],
): string {
  if (rows.length === 0)
    return `(SELECT ${columns.map((c) => `NULL AS ${c}`).join(', ')} WHERE 1 = 0) AS ${alias}`;
  const body = withComments(
    rows.map((row) => `(${row.join(', ')})`),
    comments,
  );
  return `(VALUES\n    ${body}\n  ) AS ${alias}(${columns.join(', ')})`;
}

export const DIALECTS: Readonly<Record<DialectName, Dialect>> = { duckdb, postgres, bigquery, snowflake };

/** True when `text` names a dialect. @example isDialectName('duckdb') // true */
export function isDialectName(text: unknown): text is DialectName {
  return typeof text === 'string' && (DIALECT_NAMES as readonly string[]).includes(text);
}
