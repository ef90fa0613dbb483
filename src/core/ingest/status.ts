/**
 * Pipeline status text → won / lost / open, in English and Indonesian, CRM stage names included.
 *
 * Decision on text we do not know (`On Hold`, a custom stage): the row is kept and counted as
 * **open**, with a `warning` issue naming the text, because CRMs have many custom in-between
 * stages and an unknown stage is far more often an open deal than a closed one; skipping it would
 * understate the pipeline. A blank status makes the row unusable (the row is skipped).
 */
import type { CellValue } from '../cell';
import { isExcelError } from '../cell';
import type { PipelineStatus } from '../table';
import { normalizeHeader } from './headers';

export const STATUS_ALIASES: Readonly<Record<PipelineStatus, readonly string[]>> = {
  won: [
    'won',
    'win',
    'closed won',
    'closedwon',
    'won deal',
    'deal',
    'deal won',
    'menang',
    'berhasil',
    'sukses',
    // A bare `Closed` means a closed deal in the sheets we see; lost deals say so (`Closed Lost`).
    'success',
    'successful',
    'closed',
    'converted',
    'signed',
    'booked',
    'terjual',
    'deal berhasil',
  ],
  lost: [
    'lost',
    'lose',
    'loss',
    'closed lost',
    'closedlost',
    'deal lost',
    'kalah',
    'gagal',
    'batal',
    'dead',
    'cancelled',
    'canceled',
    'rejected',
    'disqualified',
    'unqualified',
    'ditolak',
    'tidak jadi',
    'hilang',
    'no deal',
    'churned',
  ],
  open: [
    'open',
    'opened',
    'engaging',
    'engaged',
    'prospecting',
    'prospect',
    'negotiation',
    'negotiating',
    'proposal',
    'proposal sent',
    'qualified',
    'qualification',
    'qualifying',
    'new',
    'lead',
    'contacted',
    'discovery',
    'demo',
    'in progress',
    'pending',
    'follow up',
    'followup',
    'meeting',
    'quote',
    'quoted',
    'prospek',
    'negosiasi',
    'penawaran',
    'terbuka',
    'baru',
    'proses',
    'dalam proses',
    'tindak lanjut',
    'kualifikasi',
    'presentasi',
    'working',
    'nurturing',
    'needs analysis',
    'value proposition',
    'id decision makers',
    'perception analysis',
    'proposal price quote',
    'negotiation review',
  ],
};

const STATUS_BY_KEY: ReadonlyMap<string, PipelineStatus> = new Map(
  (Object.keys(STATUS_ALIASES) as PipelineStatus[]).flatMap((status) =>
    STATUS_ALIASES[status].map((alias) => [normalizeHeader(alias), status] as const),
  ),
);

/**
 * The status a text names, or `undefined` when it is not a known alias.
 *
 * @example
 * statusFromText('Closed Won')  // 'won'
 * statusFromText('Kalah')       // 'lost'
 * statusFromText('Engaging')    // 'open'
 * statusFromText('On Hold')     // undefined
 */
export function statusFromText(text: string): PipelineStatus | undefined {
  return STATUS_BY_KEY.get(normalizeHeader(text));
}

/** Outcome of reading one status cell. */
export type StatusReading =
  | { readonly status: PipelineStatus; readonly known: true }
  | { readonly status: 'open'; readonly known: false; readonly warning: string }
  | { readonly error: string };

/**
 * Reads a status cell: known aliases map to their status; other text is `open` with a warning;
 * blanks, numbers, booleans, dates and Excel errors are errors (the row cannot be used).
 *
 * @example
 * parseStatus('Menang')   // { status: 'won', known: true }
 * parseStatus('On Hold')  // { status: 'open', known: false, warning: "unknown status 'On Hold' counted as open" }
 */
export function parseStatus(value: CellValue): StatusReading {
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === '') return { error: 'blank' };
    if (isExcelError(text)) return { error: `Excel error ${text.toUpperCase()}` };
    const status = statusFromText(text);
    if (status) return { status, known: true };
    return { status: 'open', known: false, warning: `unknown status '${text.slice(0, 40)}' counted as open` };
  }
  if (value === null || value === undefined) return { error: 'blank' };
  if (typeof value === 'boolean') return { error: `${value ? 'TRUE' : 'FALSE'} is not a status` };
  return { error: `${typeof value === 'number' ? 'number' : 'date'} is not a status` };
}
