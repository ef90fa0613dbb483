/**
 * The input flags commands share (`--sheet`, `--map`, `--columns`, `--date-format`, `--decimal`)
 * and how they become `LoadOptions` for each table.
 */
import type { NumberStyle } from '../core/ingest';
import type { TableKind } from '../core/table';
import type { OptionSpecs, ParsedArgs } from './args';
import { columnsFlag, dateOrderFlag, listFlag, mapFlags, stringFlag } from './args';
import { usageError } from './errors';
import type { LoadOptions } from './load';

export const INPUT_OPTIONS: OptionSpecs = {
  sheet: { type: 'string' },
  map: { type: 'string', multiple: true },
  columns: { type: 'string' },
  'date-format': { type: 'string' },
  decimal: { type: 'string' },
};

export const INPUT_HELP = `
Input options:
  --sheet NAME              worksheet of an .xlsx file (default: the first that looks like orders)
  --map role=Header         use this column for a role (repeatable), e.g. --map amount="Total Sales";
                            prefix a role with its table for the other files: --map pipeline.status=Stage
  --columns r1,r2,...       header-less file: each column's role in order, "-" skips one
                            (e.g. --columns customer,-,date,quantity,amount for the CDNOW file)
  --map role="Column E"     the same by column letter; a repeated header is also named by its
                            occurrence: --map amount="Amount (2)" for the second "Amount" column
  --date-format dmy|mdy|iso day/month order of text dates (default: inferred per column)
  --decimal ,|.             the decimal separator of amounts written as text (default: inferred
                            per column from its cells, then from the file: ";" between fields,
                            day-first dates and Rp/IDR/EUR amounts go with a decimal comma)`;

/**
 * `--decimal ,` or `--decimal .` as ingestion's number style (`comma`/`dot` accepted too).
 * @example decimalFlag(parseFlags(['--decimal', ','], INPUT_OPTIONS)) // 'comma-decimal'
 */
export function decimalFlag(args: ParsedArgs): NumberStyle | undefined {
  const text = stringFlag(args, 'decimal');
  if (text === undefined) return undefined;
  const value = text.trim().toLowerCase();
  if (value === ',' || value === 'comma') return 'comma-decimal';
  if (value === '.' || value === 'dot' || value === 'point') return 'dot-decimal';
  throw usageError(`--decimal must be "," or ".", got "${text}"`);
}

/**
 * Load options for the command's main file (orders, or the pipeline when `metrics` has only a
 * pipeline): `--sheet`, unprefixed `--map` entries, `--columns`, `--date-format`, `--decimal`.
 */
export function ordersLoadOptions(args: ParsedArgs, kind: TableKind = 'orders'): LoadOptions {
  const columns = stringFlag(args, 'columns');
  const map = listFlag(args, 'map');
  if (columns !== undefined && map.some((entry) => !/^\s*\w+\./.test(entry))) {
    throw usageError('use either --columns or --map, not both');
  }
  return {
    sheet: stringFlag(args, 'sheet'),
    mapping: mapFlags(map, kind),
    columns: columns === undefined ? undefined : columnsFlag(columns, kind),
    dateOrder: dateOrderFlag(args),
    numberStyle: decimalFlag(args),
  };
}

/**
 * Load options for a side table (pipeline, spend, targets): the same date order and decimal
 * separator, and the `--map` entries prefixed with its kind (`--map pipeline.status=Stage`); other
 * columns are detected.
 */
export function sideLoadOptions(
  args: ParsedArgs,
  kind: TableKind,
  primary: TableKind = 'orders',
): LoadOptions {
  return {
    dateOrder: dateOrderFlag(args),
    numberStyle: decimalFlag(args),
    mapping: mapFlags(listFlag(args, 'map'), kind, primary),
    ...(kind !== primary ? { side: true } : {}),
  };
}

/** The one positional input file (or `--orders F`), required unless `optional`. */
export function ordersPath(args: ParsedArgs, command: string, optional = false): string | undefined {
  const flag = stringFlag(args, 'orders');
  if (args.positionals.length > 1)
    throw usageError(
      `${command} takes one input file, got ${args.positionals.length}: ${args.positionals.join(' ')}`,
    );
  const positional = args.positionals[0];
  if (flag !== undefined && positional !== undefined)
    throw usageError('give the orders file either as an argument or with --orders, not both');
  const path = flag ?? positional;
  if (path === undefined && !optional)
    throw usageError(`${command} needs an orders file (run "sales-metrics ${command} --help")`);
  return path;
}
