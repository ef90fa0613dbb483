/**
 * One statement computing the pipeline metrics of every window of every run, per group, as the
 * engine's `pipeline-metrics.ts` defines them: opportunities created after the as-of day are
 * ignored, one closed after it is still open; lead conversion counts the leads created at least M
 * days before the as-of day, M the nearest-rank 90th percentile of the days to close of every
 * deal closed to date in the whole pipeline. Status words are compared like headers (letters and
 * digits, lower case) against the engine's own vocabulary; any other text is an open deal.
 */
import { CONVERSION_CLOSE_SHARE } from '../core/metrics';
import type { PipelineMetricId } from '../core/metrics';
import { STATUS_ALIASES } from '../core/ingest/status';
import { normalizeHeader } from '../core/ingest';
import type { Dialect } from './dialect';
import { medianSelect } from './history';
import type { GroupBy } from './orders-rows';
import { EMPTY_GROUP, FIRST_READ_DAY, LAST_READ_DAY, groupExpression } from './orders-rows';
import { metricColumns } from './orders-query';
import type { PipelineSource } from './source';
import type { PlannedWindow } from './windows';
import { windowsTable } from './windows';

export interface PipelineQuery {
  readonly dialect: Dialect;
  readonly pipeline: PipelineSource;
  readonly asOf: number;
  readonly ids: readonly PipelineMetricId[];
  readonly windows: readonly PlannedWindow[];
  /** A breakdown: opportunities grouped by their key folded to lower case. */
  readonly group?: GroupBy;
}

/** `CASE <normalised status> WHEN 'won' THEN 1 … END`: 1 won, 2 lost, 0 open (and unknown). */
function statusCase(d: Dialect, text: string): string {
  const arms = (['won', 'lost'] as const).flatMap((status) =>
    [...new Set(STATUS_ALIASES[status].map(normalizeHeader))].map(
      (alias) => `WHEN ${d.str(alias)} THEN ${status === 'won' ? 1 : 2}`,
    ),
  );
  return `CASE ${d.lettersAndDigits(text)} ${arms.join(' ')} ELSE 0 END`;
}

export function pipelineQuerySql(q: PipelineQuery): string {
  const d = q.dialect;
  const c = q.pipeline.columns;
  const ref = (name: string) => d.ident(name);
  const asOf = Math.floor(q.asOf);
  const double = (x: string) => `CAST(${x} AS ${d.double})`;
  const inRange = (x: string) =>
    `CASE WHEN ${x} >= ${FIRST_READ_DAY} AND ${x} < ${LAST_READ_DAY + 1} THEN ${x} END`;
  const created = c.created!;
  const status = c.status!;
  const columns = [
    `${d.epochTime(ref(created.name), created.type)} AS ct`,
    `${c.closed ? inRange(d.epochTime(ref(c.closed.name), c.closed.type)) : `CAST(NULL AS ${d.double})`} AS clt`,
    `${d.label(ref(status.name), status.type)} AS st`,
    `${c.value ? d.number(ref(c.value.name), c.value.type) : `CAST(NULL AS ${d.double})`} AS value`,
    `${groupExpression(d, q.group, true)} AS g`,
  ].join(',\n    ');
  const inWindow = (x: string) => `${x} >= win.ws AND ${x} < win.we`;
  const wonClosed = `pd.decided = 1 AND pd.status = 1 AND ${inWindow('pd.cld')}`;
  const isOpen = `pd.cd < win.we AND (pd.decided = 0 OR pd.cld >= win.we)`;
  const ctes = [
    `win AS (SELECT * FROM ${windowsTable(d, q.windows)})`,
    `p0 AS (\n  SELECT ${columns}\n  FROM ${q.pipeline.relation}\n)`,
    `p AS (\n  SELECT CAST(FLOOR(ct) AS ${d.bigint}) AS cd, ct, clt, CAST(FLOOR(clt) AS ${d.bigint}) AS cld, ${statusCase(d, 'st')} AS status, value, g\n` +
      `  FROM p0 WHERE ct IS NOT NULL AND st IS NOT NULL AND ct >= ${FIRST_READ_DAY} AND ct < ${Math.min(asOf, LAST_READ_DAY) + 1}\n)`,
    `pd AS (\n  SELECT p.*, CASE WHEN status <> 0 AND NOT (cld IS NOT NULL AND cld > ${asOf}) THEN 1 ELSE 0 END AS decided FROM p\n)`,
    `pcl AS (SELECT GREATEST(0, cld - cd) AS days FROM pd WHERE status <> 0 AND cld IS NOT NULL AND cld <= ${asOf})`,
    `pr AS (SELECT days, ROW_NUMBER() OVER (ORDER BY days) AS r, COUNT(*) OVER () AS n FROM pcl)`,
    `pm AS (\n  SELECT ${asOf} - COALESCE(MIN(days), 0) AS last_created, MIN(days) AS close_days\n` +
      `  FROM pr WHERE r = CAST(CEIL(${double(String(CONVERSION_CLOSE_SHARE))} * n) AS ${d.bigint})\n)`,
    `pw AS (\n  SELECT pd.g, win.s, win.w,\n` +
      `    SUM(CASE WHEN ${inWindow('pd.cd')} THEN 1 ELSE 0 END) AS leads,\n` +
      `    SUM(CASE WHEN ${inWindow('pd.cd')} AND pd.cd <= pm.last_created THEN 1 ELSE 0 END) AS mature,\n` +
      `    SUM(CASE WHEN ${inWindow('pd.cd')} AND pd.cd <= pm.last_created AND pd.decided = 1 AND pd.status = 1 THEN 1 ELSE 0 END) AS leads_won,\n` +
      `    SUM(CASE WHEN ${wonClosed} THEN 1 ELSE 0 END) AS won,\n` +
      `    SUM(CASE WHEN pd.decided = 1 AND pd.status = 2 AND ${inWindow('pd.cld')} THEN 1 ELSE 0 END) AS lost,\n` +
      `    SUM(CASE WHEN ${wonClosed} AND pd.value IS NOT NULL THEN pd.value END) AS won_value,\n` +
      `    SUM(CASE WHEN ${wonClosed} AND pd.value IS NOT NULL THEN 1 ELSE 0 END) AS won_with_value,\n` +
      `    SUM(CASE WHEN ${wonClosed} THEN pd.clt - pd.ct END) AS cycle_sum,\n` +
      `    SUM(CASE WHEN ${isOpen} THEN 1 ELSE 0 END) AS open_count,\n` +
      `    SUM(CASE WHEN ${isOpen} THEN pd.value END) AS open_value\n` +
      `  FROM pd CROSS JOIN win CROSS JOIN pm WHERE pd.g IS NOT NULL GROUP BY pd.g, win.s, win.w\n)`,
    `pcy AS (SELECT pd.g, win.s, win.w, pd.clt - pd.ct AS cycle FROM pd JOIN win ON ${wonClosed} WHERE pd.g IS NOT NULL)`,
    `pmed AS (${medianSelect(d, ['g', 's', 'w'], 'cycle', 'pcy', 'med')})`,
    q.group
      ? `pgs AS (SELECT DISTINCT g FROM pd WHERE g IS NOT NULL UNION ALL SELECT ${d.str(EMPTY_GROUP)} AS g)`
      : `pgs AS (SELECT CAST('' AS ${d.text}) AS g)`,
  ];
  const z = (x: string) => `COALESCE(${x}, 0)`;
  ctes.push(
    `pm2 AS (\n  SELECT pgs.g, win.s, win.w, ${z('pw.leads')} AS leads, ${z('pw.mature')} AS mature, ${z('pw.leads_won')} AS leads_won,\n` +
      `    ${z('pw.won')} AS won, ${z('pw.lost')} AS lost, ${z('pw.won_value')} AS won_value, ${z('pw.won_with_value')} AS won_with_value,\n` +
      `    ${z('pw.cycle_sum')} AS cycle_sum, ${z('pw.open_count')} AS open_count, ${z('pw.open_value')} AS open_value, pmed.med AS cycle_median,\n` +
      `    pm.close_days\n  FROM pgs CROSS JOIN win CROSS JOIN pm\n  LEFT JOIN pw ON pw.g = pgs.g AND pw.s = win.s AND pw.w = win.w\n` +
      `  LEFT JOIN pmed ON pmed.g = pgs.g AND pmed.s = win.s AND pmed.w = win.w\n  WHERE win.w > 0\n)`,
  );
  const ratio = (num: string, den: string) =>
    `CASE WHEN ${den} = 0 THEN NULL ELSE ${double(num)} / (${den}) END`;
  const winWhy = `CASE WHEN won + lost = 0 THEN 'none:deals closed' END`;
  const adsWhy = c.value
    ? `CASE WHEN won_with_value = 0 THEN 'none:won deals closed' END`
    : `'column:value:pipeline'`;
  const cycleWhy = `CASE WHEN won = 0 THEN 'empty:won deals closed' END`;
  const cycle = ratio('cycle_sum', 'won');
  const metric: Record<PipelineMetricId, [string, string]> = {
    leads: ['leads', 'NULL'],
    conversion_rate: [
      ratio('leads_won', 'mature'),
      `CASE WHEN leads = 0 THEN 'none:leads created' WHEN mature = 0 THEN 'young' END`,
    ],
    win_rate: [ratio('won', 'won + lost'), winWhy],
    avg_deal_size: [ratio('won_value', 'won_with_value'), adsWhy],
    sales_cycle_days: [cycle, cycleWhy],
    sales_cycle_days_median: ['cycle_median', cycleWhy],
    pipeline_value: ['open_value', c.value ? 'NULL' : `'column:value:pipeline'`],
    pipeline_velocity: [
      `CASE WHEN won + lost = 0 OR won_with_value = 0 OR won = 0 OR cycle_sum = 0 THEN NULL ELSE ${double('open_count')} * ${ratio('won', 'won + lost')} * ${ratio('won_value', 'won_with_value')} / ${cycle} END`,
      `COALESCE(${winWhy}, ${adsWhy}, ${cycleWhy}, CASE WHEN cycle_sum = 0 THEN 'cycle:zero' END)`,
    ],
  };
  const select = [
    'g, s, w',
    `${double('close_days')} AS close_days`,
    ...q.ids.flatMap((id) => {
      const [value, why] = metric[id];
      const cols = metricColumns(id);
      return [`${double(value)} AS ${d.ident(cols.value)}`, `${why} AS ${d.ident(cols.why)}`];
    }),
  ];
  return `WITH\n${ctes.join(',\n')}\nSELECT ${select.join(',\n  ')}\nFROM pm2\nORDER BY g, s, w`;
}

/** The lead-conversion rule's M and closed deals, for notes: a small statement of its own. */
export function conversionRuleSql(d: Dialect, pipeline: PipelineSource, asOf: number): string {
  const sql = pipelineQuerySql({ dialect: d, pipeline, asOf, ids: [], windows: [] });
  const ctes = sql.slice(0, sql.indexOf('\npw AS'));
  return `${ctes.replace(/,$/, '')}\nSELECT CAST(pm.close_days AS ${d.double}) AS close_days, CAST((SELECT COUNT(*) FROM pcl) AS ${d.double}) AS closed FROM pm`;
}
