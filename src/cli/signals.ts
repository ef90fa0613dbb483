/**
 * Files that must not outlive an interrupted run (a half-written temporary file, a lock): when
 * the process gets SIGINT, SIGTERM or SIGHUP while one is registered, they are removed and the
 * process then ends as the signal asks. Handlers are installed only while something is
 * registered, so the signals behave as usual the rest of the time.
 */
import { unlinkSync } from 'node:fs';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const pending = new Set<string>();
let installed = false;

function onSignal(signal: NodeJS.Signals): void {
  for (const path of pending) {
    try {
      unlinkSync(path);
    } catch {
      // Already gone.
    }
  }
  pending.clear();
  uninstall();
  // Without our handlers the signal's default action applies: the process ends as signalled.
  process.kill(process.pid, signal);
}

function install(): void {
  if (installed) return;
  installed = true;
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

function uninstall(): void {
  if (!installed) return;
  installed = false;
  for (const signal of SIGNALS) process.off(signal, onSignal);
}

/**
 * Removes `path` if the process is interrupted before the returned function is called.
 * @example const release = removeOnSignal(temporary); try { … } finally { release(); }
 */
export function removeOnSignal(path: string): () => void {
  pending.add(path);
  install();
  return () => {
    pending.delete(path);
    if (pending.size === 0) uninstall();
  };
}
