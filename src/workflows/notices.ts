/**
 * Outcomes of jobs started outside the task pane (the ribbon), for the pane to show: in the
 * shared runtime the ribbon commands and the pane live in one page, so a job's message reaches
 * the pane through this channel rather than being lost.
 */

/** What a job ended with, for the person. */
export interface JobNotice {
  readonly kind: 'dashboard' | 'review';
  readonly ok: boolean;
  readonly message: string;
  /** The sheets written, to offer "Go to sheet". */
  readonly sheets: readonly string[];
}

type Listener = (notice: JobNotice) => void;

const listeners = new Set<Listener>();
let last: JobNotice | undefined;

/** Publishes a job's outcome to the pane (kept for a pane that opens later). */
export function publishNotice(notice: JobNotice): void {
  last = notice;
  for (const listener of listeners) listener(notice);
}

/**
 * Listens for job outcomes; a listener added after a job ended gets that outcome at once.
 * Returns the function that stops listening.
 * @example useEffect(() => onNotice(setNotice), []);
 */
export function onNotice(listener: Listener): () => void {
  listeners.add(listener);
  if (last) listener(last);
  return () => listeners.delete(listener);
}

/** Forgets the last outcome (the person dismissed it). */
export function clearNotice(): void {
  last = undefined;
}
