/**
 * Action items: the weekly review's Actions table (metric, observation, action, owner, due date,
 * status, notes). People type these; the add-in reads them back from typed cells, tolerating
 * blanks and English or Indonesian status words, and carries open items into next week's review.
 */
import type { CellValue } from './cell';
import { isBlank, isExcelError } from './cell';
import type { DateOptions } from './ingest/dates';
import { dateOrReason } from './ingest/dates';

export const ACTION_STATUSES = ['open', 'in progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export interface ActionItem {
  readonly id: string;
  readonly metric: string;
  readonly observation: string;
  readonly action: string;
  readonly owner: string;
  /** Epoch day, or null when no due date was typed. */
  readonly due: number | null;
  readonly status: ActionStatus;
  readonly notes: string;
  /** Week key (`2026-W48`) of the review the item was first written in. */
  readonly createdWeek: string;
}

/** Column headers of the Actions table, in order (the sheet plan writes these). */
export const ACTION_COLUMNS = [
  'ID',
  'Metric',
  'Observation',
  'Action',
  'Owner',
  'Due',
  'Status',
  'Notes',
  'Created',
] as const;
type ActionField =
  'id' | 'metric' | 'observation' | 'action' | 'owner' | 'due' | 'status' | 'notes' | 'createdWeek';
const FIELD_ORDER: readonly ActionField[] = [
  'id',
  'metric',
  'observation',
  'action',
  'owner',
  'due',
  'status',
  'notes',
  'createdWeek',
];

/** Header words (English and Indonesian), normalised to lower case without punctuation. */
const HEADER_ALIASES: Readonly<Record<string, ActionField>> = {
  id: 'id',
  no: 'id',
  nomor: 'id',
  metric: 'metric',
  kpi: 'metric',
  metrik: 'metric',
  indikator: 'metric',
  observation: 'observation',
  finding: 'observation',
  issue: 'observation',
  observasi: 'observation',
  temuan: 'observation',
  masalah: 'observation',
  action: 'action',
  actions: 'action',
  'next step': 'action',
  tindakan: 'action',
  aksi: 'action',
  'rencana tindakan': 'action',
  owner: 'owner',
  who: 'owner',
  pic: 'owner',
  'penanggung jawab': 'owner',
  pemilik: 'owner',
  due: 'due',
  'due date': 'due',
  deadline: 'due',
  tenggat: 'due',
  'batas waktu': 'due',
  'tanggal target': 'due',
  status: 'status',
  state: 'status',
  keadaan: 'status',
  notes: 'notes',
  note: 'notes',
  comments: 'notes',
  catatan: 'notes',
  keterangan: 'notes',
  created: 'createdWeek',
  'created week': 'createdWeek',
  week: 'createdWeek',
  dibuat: 'createdWeek',
  minggu: 'createdWeek',
};

/** Status words (English and Indonesian), normalised. */
const STATUS_ALIASES: Readonly<Record<string, ActionStatus>> = {
  open: 'open',
  new: 'open',
  todo: 'open',
  'to do': 'open',
  'not started': 'open',
  pending: 'open',
  baru: 'open',
  terbuka: 'open',
  belum: 'open',
  'belum mulai': 'open',
  'belum dimulai': 'open',
  'in progress': 'in progress',
  'in-progress': 'in progress',
  inprogress: 'in progress',
  ongoing: 'in progress',
  started: 'in progress',
  wip: 'in progress',
  doing: 'in progress',
  proses: 'in progress',
  'dalam proses': 'in progress',
  berjalan: 'in progress',
  'sedang berjalan': 'in progress',
  'sedang dikerjakan': 'in progress',
  dikerjakan: 'in progress',
  done: 'done',
  complete: 'done',
  completed: 'done',
  closed: 'done',
  finished: 'done',
  resolved: 'done',
  selesai: 'done',
  beres: 'done',
  tuntas: 'done',
  tutup: 'done',
  ditutup: 'done',
  dropped: 'dropped',
  drop: 'dropped',
  cancelled: 'dropped',
  canceled: 'dropped',
  "won't do": 'dropped',
  wontdo: 'dropped',
  batal: 'dropped',
  dibatalkan: 'dropped',
  'tidak jadi': 'dropped',
};

const normalise = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[_:.]+/g, ' ')
    .replace(/\s+/g, ' ');

/**
 * Reads a status cell in English or Indonesian; a blank cell is `open`; null when unreadable.
 * Ticks (`TRUE`, ✓) count as done.
 * @example parseActionStatus('Selesai') // 'done'
 * @example parseActionStatus('sedang berjalan') // 'in progress'
 */
export function parseActionStatus(cell: CellValue): ActionStatus | null {
  if (isBlank(cell)) return 'open';
  if (typeof cell === 'boolean') return cell ? 'done' : 'open';
  if (typeof cell !== 'string') return null;
  const text = normalise(cell);
  if (text === '✓' || text === '✔' || text === 'x') return 'done';
  return STATUS_ALIASES[text] ?? null;
}

/**
 * The items that go on to the next review: everything not done or dropped, unchanged (same id,
 * same created week, so the age of an item stays visible).
 * @example carryOver(lastWeek, '2026-W49').map((a) => a.status) // ['open', 'in progress']
 */
export function carryOver(previousItems: readonly ActionItem[], newWeekKey: string): ActionItem[] {
  return previousItems
    .filter((item) => item.status !== 'done' && item.status !== 'dropped')
    .map((item) => ({ ...item, createdWeek: item.createdWeek || newWeekKey }));
}

export interface ActionRowProblem {
  /** Row number as the user sees it. */
  readonly row: number;
  readonly column?: string;
  readonly reason: string;
}

export interface ParseActionsOptions extends DateOptions {
  /** Week key for items typed without a created week, and the prefix of generated ids. */
  readonly weekKey: string;
  /** Sheet row number of `rows[0]` (default 1). */
  readonly firstRow?: number;
}

/**
 * Reads the Actions table from typed cells. The first non-blank row is the header when it names
 * at least two known columns (English or Indonesian); otherwise the columns are taken in
 * `ACTION_COLUMNS` order. Blank rows are skipped; a row with neither an observation nor an action
 * is skipped too. Unreadable due dates and statuses are reported, and the item is kept (no due
 * date; status open) so that nothing typed is lost.
 * @example parseActionRows([['Metric', 'Action', 'Status'], ['revenue', 'Call top 10 clients', 'selesai']], { weekKey: '2026-W48' })
 */
export function parseActionRows(
  rows: readonly (readonly CellValue[])[],
  options: ParseActionsOptions,
): { items: ActionItem[]; problems: ActionRowProblem[] } {
  const firstRow = options.firstRow ?? 1;
  const items: ActionItem[] = [];
  const problems: ActionRowProblem[] = [];
  const start = rows.findIndex((row) => !row.every(isBlank));
  if (start < 0) return { items, problems };

  const header = headerColumns(rows[start]);
  const columns = header ?? FIELD_ORDER.map((field, i) => [field, i] as const);
  const usedIds = new Set<string>();
  let generated = 0;

  for (let r = header ? start + 1 : start; r < rows.length; r++) {
    const row = rows[r];
    if (row.every(isBlank)) continue;
    const rowNumber = firstRow + r;
    const cell = (field: ActionField): CellValue => {
      const entry = columns.find(([f]) => f === field);
      return entry ? row[entry[1]] : undefined;
    };
    const text = (field: ActionField) => textOf(cell(field));
    const observation = text('observation');
    const action = text('action');
    if (observation === '' && action === '') continue;

    let status = parseActionStatus(cell('status'));
    if (status === null) {
      problems.push({
        row: rowNumber,
        column: 'Status',
        reason: `unknown status "${String(cell('status'))}"; kept as open`,
      });
      status = 'open';
    }
    let due: number | null = null;
    const dueCell = cell('due');
    if (!isBlank(dueCell)) {
      const parsed = isExcelError(dueCell)
        ? `${String(dueCell)} is an error value`
        : dateOrReason(dueCell, options);
      if (typeof parsed === 'number') due = Math.floor(parsed);
      else problems.push({ row: rowNumber, column: 'Due', reason: `${parsed}; no due date kept` });
    }
    let id = text('id');
    if (id === '' || usedIds.has(id)) {
      do {
        generated += 1;
        id = `${options.weekKey}-${generated}`;
      } while (usedIds.has(id));
    }
    usedIds.add(id);
    items.push({
      id,
      metric: text('metric'),
      observation,
      action,
      owner: text('owner'),
      due,
      status,
      notes: text('notes'),
      createdWeek: text('createdWeek') || options.weekKey,
    });
  }
  return { items, problems };
}

/** Excel 1900-system serial of epoch day 0 (1970-01-01); valid for dates from 1900-03-01 on. */
const EXCEL_SERIAL_OF_EPOCH = 25569;

/**
 * One item as a row of cells in `ACTION_COLUMNS` order. The due date is an Excel serial (1900
 * system) for a date-formatted cell, or blank; `parseActionRows` reads the row back unchanged.
 */
export function actionToRow(item: ActionItem): CellValue[] {
  const due = item.due === null ? '' : item.due + EXCEL_SERIAL_OF_EPOCH;
  return [
    item.id,
    item.metric,
    item.observation,
    item.action,
    item.owner,
    due,
    item.status,
    item.notes,
    item.createdWeek,
  ];
}

function headerColumns(row: readonly CellValue[]): (readonly [ActionField, number])[] | null {
  const found: (readonly [ActionField, number])[] = [];
  row.forEach((cell, i) => {
    if (typeof cell !== 'string') return;
    const field = HEADER_ALIASES[normalise(cell)];
    if (field && !found.some(([f]) => f === field)) found.push([field, i]);
  });
  return found.length >= 2 ? found : null;
}

function textOf(value: CellValue): string {
  if (value === null || value === undefined || isExcelError(value)) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}
