/** Ingestion: cells as Excel gives them → columnar tables with a report. */
export * from './ingest';
export {
  ColumnarBuilder,
  ColumnBuilder,
  cellGrid,
  columnarCell,
  columnarRow,
  columnarRows,
  isColumnar,
  rowCountOf,
  withoutTrailingBlankRows,
  type CellColumn,
  type CellGrid,
  type ColumnarCells,
  type TableCells,
} from './columnar';
export { parseAmount, inferNumberStyle, type NumberStyle, type AmountResult } from './numbers';
export {
  parseDate,
  inferDateOrder,
  inferDateOrderEvidence,
  serialToEpochDays,
  type DateOrder,
  type DateSystem,
  type DateResult,
} from './dates';
export { detectHeaderRow, makeHeaders, normalizeHeader, columnLetter } from './headers';
export {
  detectRoles,
  resolveMapping,
  type RoleDetection,
  type RoleGuess,
  type RoleCandidate,
  type ExplicitMapping,
} from './roles';
export { parseStatus, statusFromText } from './status';
export { encodeDictionary, DictionaryEncoder } from './dictionary';
export { idText, lazyEntries, type IdNumbers } from './int-codes';
export type { ColumnFormat } from './columns';
export type { OverrideHints, ReadingBasis } from './conventions';
