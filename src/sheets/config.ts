/**
 * The workbook's configuration (column mappings, goals, benchmarks, cadences) as versioned
 * JSON kept in the very hidden `_sales_metrics` sheet, so any copy of the workbook refreshes
 * the same way. Sections are open records: goals and benchmarks are still being designed,
 * and an older reader must carry keys it does not know through unchanged.
 */
import type { Mapping } from '../core/table';
import { emptyPlan, textCell, valueCell, type CellPlan, type SheetPlan } from './plan';

export const CONFIG_SHEET_NAME = '_sales_metrics';
export const CONFIG_VERSION = 1;
/** Excel holds at most 32,767 characters per cell; stay a little under. */
export const CONFIG_CHUNK_SIZE = 32000;
const CONFIG_TITLE = 'Sales Metrics configuration (JSON, written by the add-in; do not edit)';

export interface ConfigMappings extends Record<string, unknown> {
  readonly orders?: Mapping;
  readonly pipeline?: Mapping;
  readonly spend?: Mapping;
  readonly targets?: Mapping;
  /** Where each table was read from (sheet, table name or file). */
  readonly sources?: Readonly<Record<string, string>>;
}

export interface SalesMetricsConfig extends Record<string, unknown> {
  readonly version: typeof CONFIG_VERSION;
  readonly mappings: ConfigMappings;
  readonly goals: Readonly<Record<string, unknown>>;
  readonly benchmarks: Readonly<Record<string, unknown>>;
  readonly cadences: Readonly<Record<string, unknown>>;
  /** Display settings (the currency of money figures); absent in older configurations. */
  readonly settings?: Readonly<Record<string, unknown>>;
}

export interface ParsedConfig {
  readonly config: SalesMetricsConfig;
  /** Set when the stored config could not be used as is; the UI/CLI shows it. */
  readonly warning?: string;
}

const SECTIONS = ['mappings', 'goals', 'benchmarks', 'cadences'] as const;

/** A fresh configuration with empty sections. */
export function defaultConfig(): SalesMetricsConfig {
  return { version: CONFIG_VERSION, mappings: {}, goals: {}, benchmarks: {}, cadences: {} };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parses stored config text. Never throws: missing, corrupt or foreign text gives a fresh
 * default and a warning saying what was wrong; a section of the wrong shape is reset alone.
 * @example parseConfig('{"version":1,"mappings":{},"goals":{},"benchmarks":{},"cadences":{}}').warning // undefined
 */
export function parseConfig(text: string | undefined | null): ParsedConfig {
  if (text === undefined || text === null || text.trim() === '') {
    return { config: defaultConfig(), warning: 'No saved configuration was found; starting from defaults.' };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return {
      config: defaultConfig(),
      warning: `The saved configuration is damaged (${(e as Error).message}); starting from defaults.`,
    };
  }
  if (!isRecord(raw)) {
    return {
      config: defaultConfig(),
      warning: 'The saved configuration is not a JSON object; starting from defaults.',
    };
  }
  if (raw.version !== CONFIG_VERSION) {
    const newer = typeof raw.version === 'number' && raw.version > CONFIG_VERSION;
    return {
      config: defaultConfig(),
      warning: newer
        ? `The saved configuration was written by a newer version (v${raw.version}); starting from defaults.`
        : `The saved configuration has an unknown version (${JSON.stringify(raw.version)}); starting from defaults.`,
    };
  }
  const reset: string[] = [];
  const config: Record<string, unknown> = { ...raw };
  for (const section of SECTIONS) {
    if (config[section] === undefined) config[section] = {};
    else if (!isRecord(config[section])) {
      config[section] = {};
      reset.push(section);
    }
  }
  if (config.settings !== undefined && !isRecord(config.settings)) {
    delete config.settings;
    reset.push('settings');
  }
  return {
    config: config as SalesMetricsConfig,
    ...(reset.length
      ? { warning: `Configuration sections ${reset.join(', ')} were unreadable and were reset.` }
      : {}),
  };
}

/** Compact JSON: the config is data for the add-in; compactness keeps it in few cells. */
export function serializeConfig(config: SalesMetricsConfig): string {
  return JSON.stringify(config);
}

/**
 * Splits text into chunks of at most `size` UTF-16 units without cutting a surrogate pair.
 * @example chunkText('abcdef', 4) // ['abcd', 'ef']
 */
export function chunkText(text: string, size = CONFIG_CHUNK_SIZE): string[] {
  const chunks: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff && end - start > 1) end -= 1;
    chunks.push(text.slice(start, end));
    start = end;
  }
  return chunks;
}

/**
 * The config sheet as a plan: `A1` a title, `B1` the chunk count, `A2…` the JSON chunks.
 * @example configSheetPlan(defaultConfig()).hidden // 'veryHidden'
 */
export function configSheetPlan(config: SalesMetricsConfig): SheetPlan {
  const chunks = chunkText(serializeConfig(config));
  const cells: CellPlan[] = [textCell('A1', CONFIG_TITLE), valueCell('B1', chunks.length)];
  chunks.forEach((chunk, i) => cells.push(textCell(`A${i + 2}`, chunk)));
  return {
    ...emptyPlan(CONFIG_SHEET_NAME),
    cells,
    hidden: 'veryHidden',
    areas: [{ ref: `A1:B${chunks.length + 1}`, owner: 'computed' }],
  };
}

/**
 * Reassembles config text from the sheet's column A (A2 downwards) and the count in B1,
 * then parses it. A chunk count that does not match is reported as truncation.
 * @example parseConfigCells(['title', '{"version":1}'], 1).warning // undefined
 */
export function parseConfigCells(columnA: readonly unknown[], expectedChunks: unknown): ParsedConfig {
  const chunks: string[] = [];
  for (const v of columnA.slice(1)) {
    if (typeof v !== 'string' || v === '') break;
    chunks.push(v);
  }
  if (typeof expectedChunks === 'number' && expectedChunks !== chunks.length) {
    return {
      config: defaultConfig(),
      warning: `The saved configuration is truncated (${chunks.length} of ${expectedChunks} parts found); starting from defaults.`,
    };
  }
  return parseConfig(chunks.join(''));
}
