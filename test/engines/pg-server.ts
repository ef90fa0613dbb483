/**
 * Test helper: a throwaway PostgreSQL server in a temporary directory on a free local port, from
 * the binaries of Debian's `postgresql` package (on PATH, or under /usr/lib/postgresql/<ver>/bin).
 * The server refuses to run as root, so as root it runs as the `postgres` system user (created
 * when missing). `startPostgres()` returns null with the reason when the binaries are missing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PgServer {
  readonly url: string;
  stop(): void;
}

function findBin(name: string): string | null {
  const onPath = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return onPath;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  for (const version of readdirSync(root).sort().reverse()) {
    const candidate = join(root, version, 'bin', name);
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

/** Why no server can be started here, or null when one can. */
export function postgresMissing(): string | null {
  return findBin('initdb') && findBin('pg_ctl')
    ? null
    : "PostgreSQL's initdb and pg_ctl are not installed (Debian package postgresql)";
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function userId(name: string): { uid: number; gid: number } | null {
  const result = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  if (result.status !== 0) return null;
  const gid = Number(spawnSync('id', ['-g', name], { encoding: 'utf8' }).stdout.trim());
  return { uid: Number(result.stdout.trim()), gid };
}

/** Starts a server; null (with `postgresMissing()` saying why) when the binaries are missing. */
export async function startPostgres(): Promise<PgServer | null> {
  if (postgresMissing()) return null;
  const initdb = findBin('initdb')!;
  const pgCtl = findBin('pg_ctl')!;
  const dir = mkdtempSync(join(tmpdir(), 'sales-metrics-pg-'));
  const data = join(dir, 'data');
  const root = process.getuid?.() === 0;
  let as: string[] = [];
  if (root) {
    if (!userId('postgres')) execFileSync('useradd', ['--system', '--no-create-home', 'postgres']);
    const { uid, gid } = userId('postgres')!;
    chownSync(dir, uid, gid);
    chmodSync(dir, 0o700);
    as = ['runuser', '-u', 'postgres', '--'];
  }
  const exec = (args: string[]) => {
    const [command, ...rest] = [...as, ...args];
    execFileSync(command, rest, { stdio: 'pipe' });
  };
  const port = await freePort();
  exec([initdb, '-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale']);
  exec([
    pgCtl,
    '-D',
    data,
    '-l',
    join(dir, 'log'),
    '-w',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
    'start',
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        exec([pgCtl, '-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
