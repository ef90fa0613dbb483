/** Runs the real command in a child process, for tests that kill it or run two at once. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const BIN = join(__dirname, '../../bin/sales-metrics.js');

export interface Spawned {
  readonly child: ChildProcess;
  /** Resolves when the process ends: its exit code (null when killed), signal and output. */
  readonly done: Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }>;
  /** What it wrote to stderr so far. */
  readonly err: () => string;
}

/**
 * Starts `sales-metrics ARGS`. With `pauseMarker`, the write stops half way through the
 * temporary file and the marker file appears (holding the temporary file's path); removing the
 * marker lets the write go on.
 */
export function spawnCli(args: readonly string[], pauseMarker?: string): Spawned {
  const env = { ...process.env };
  delete env.SALES_METRICS_PAUSE_WRITE;
  if (pauseMarker) env.SALES_METRICS_PAUSE_WRITE = pauseMarker;
  const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk) => (out += chunk));
  child.stderr!.on('data', (chunk) => (err += chunk));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }>(
    (resolve) => child.on('close', (code, signal) => resolve({ code, signal, out, err })),
  );
  return { child, done, err: () => err };
}

/** Waits until `test` holds, checking every 50 ms (the jest timeout bounds the wait). */
export async function waitUntil(test: () => boolean): Promise<void> {
  while (!test()) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** Waits until `path` exists (or the process ends first, which fails the wait). */
export async function waitForFile(path: string, spawned: Spawned): Promise<string> {
  let ended = false;
  void spawned.done.then(() => (ended = true));
  while (!existsSync(path)) {
    if (ended) throw new Error(`the process ended before ${path} appeared: ${(await spawned.done).err}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  // The marker is written in one call; wait for its content.
  let text = readFileSync(path, 'utf8');
  while (text === '') {
    await new Promise((resolve) => setTimeout(resolve, 20));
    text = readFileSync(path, 'utf8');
  }
  return text;
}

/** Temporary and lock files left in a folder. */
export function leftovers(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.endsWith('.tmp') || name.endsWith('.lock'));
}
