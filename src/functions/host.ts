/**
 * What Excel gives the functions beyond their arguments: the workbook's tables by name and its
 * date system. `functions.ts` wires in the Excel host (`src/excel/functions-host.ts`) when the
 * functions run inside Excel; elsewhere (Node, tests) there is none, serials are read in the 1900
 * system and the table functions answer `#N/A`.
 */
import type { DateSystem } from '../core/ingest/dates';
import { dateSystem, setDateSystem } from './date-system';
import type { TableCacheOptions } from './table/cache';
import { TableCache } from './table/cache';
import type { TableSource } from './table/source';

/** The Excel side of the functions. */
export interface FunctionsHost {
  /** The workbook's tables, read by name. */
  readonly tables: TableSource;
  /** The workbook's date system (asked once, when the functions load). */
  dateSystem(): Promise<DateSystem>;
  /** Recalculates every formula, so cells computed before the date system was known are redone. */
  recalculate(): Promise<void>;
}

let cache: TableCache | undefined;

/**
 * Installs the host: table reads go through it, and the date system is asked; when it is 1904,
 * serials are read in that system from then on and every formula is recalculated once (the
 * cells Excel computed while the answer was on its way used the 1900 system). Resolves when
 * that is done; never rejects (without an answer the 1900 system stays).
 * @example installFunctionsHost(excelFunctionsHost());
 */
export async function installFunctionsHost(
  host: FunctionsHost | undefined,
  options: TableCacheOptions = {},
): Promise<void> {
  cache = host ? new TableCache(host.tables, options) : undefined;
  if (!host) return;
  try {
    const system = await host.dateSystem();
    if (system === dateSystem()) return;
    setDateSystem(system);
    await host.recalculate();
  } catch {
    // Excel could not tell: serials stay in the 1900 system, the usual one.
  }
}

/** The shared table cache, or `undefined` outside Excel. */
export function tableCache(): TableCache | undefined {
  return cache;
}
