/**
 * `npm run preview`: builds a development bundle of the add-in with office.js taken from the
 * `@microsoft/office-js` package, serves `dist/` over plain http on 127.0.0.1 and prints the
 * task pane's URL. Outside Excel the pane runs on its preview gateway (a small sample workbook)
 * and "Go to Dashboard" shows the written sheet in the pane. Nothing is loaded from the internet:
 * office.js CDN URLs in served pages point at the local copy of the package.
 *
 *   npm run preview                  # a free port
 *   npm run preview -- --port 8080   # or PORT=8080 npm run preview
 *
 * The browser tests start `startPreviewServer` in-process over whatever `dist/` holds.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import webpack from 'webpack';

const ROOT = path.resolve(__dirname, '..');
export const DIST = path.join(ROOT, 'dist');
export const OFFICE_JS_DIST = path.join(ROOT, 'node_modules/@microsoft/office-js/dist');

/** Any office.js CDN folder (`lib/1/hosted/`, `lib/beta/hosted/` …), as production pages name it. */
const OFFICE_JS_CDN = /https:\/\/appsforoffice\.microsoft\.com\/lib\/[^/]+\/hosted\//g;
/** Where the server answers office.js from the package (the path `--env officeJs=local` uses). */
const OFFICE_JS_LOCAL = '/office-js/';
/**
 * Pages may load only from this server: the preview stays offline even in a browser that has
 * internet access. office.js opens a Microsoft telemetry frame 3 s after it loads, in any page;
 * the browser refuses it here instead of sending the request.
 */
export const PREVIEW_CSP = "default-src 'self' 'unsafe-inline' data: blob:";

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.xml': 'application/xml',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.css': 'text/css',
  '.txt': 'text/plain; charset=utf-8',
};

/** `base/relative` when it stays inside `base` and is a file, else null (no `..` escapes). */
function fileUnder(base: string, relative: string): string | null {
  const file = path.resolve(base, `.${path.posix.sep}${relative}`);
  if (!file.startsWith(base + path.sep)) return null;
  return fs.existsSync(file) && fs.statSync(file).isFile() ? file : null;
}

/**
 * The file for a request path: from `root`, or for `/office-js/…` from the package when the build
 * copied only part of it (or nothing, in a production build).
 */
function resolveFile(root: string, pathname: string): string | null {
  const relative = pathname === '/' ? 'taskpane.html' : pathname.slice(1);
  const own = fileUnder(root, relative);
  if (own) return own;
  // Browsers ask for a favicon on their own; the add-in's icon spares a 404 in the console.
  if (pathname === '/favicon.ico') return fileUnder(root, 'assets/icon-32.png');
  return pathname.startsWith(OFFICE_JS_LOCAL)
    ? fileUnder(OFFICE_JS_DIST, pathname.slice(OFFICE_JS_LOCAL.length))
    : null;
}

export interface PreviewServer {
  /** `http://127.0.0.1:PORT/` */
  readonly url: string;
  readonly taskpaneUrl: string;
  close(): Promise<void>;
}

export interface PreviewServerOptions {
  /** The folder served; `dist/` by default. */
  readonly root?: string;
  /** 0 (the default) takes a free port. */
  readonly port?: number;
}

/**
 * Serves `root` on 127.0.0.1. HTML pages are sent with office.js CDN URLs pointing at
 * `/office-js/`, which the package answers, so a production build previews offline too; the
 * content security policy keeps every page on this server.
 */
export function startPreviewServer(options: PreviewServerOptions = {}): Promise<PreviewServer> {
  const root = path.resolve(options.root ?? DIST);
  const server = http.createServer((request, response) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    const file = request.method === 'GET' || request.method === 'HEAD' ? resolveFile(root, pathname) : null;
    if (!file) {
      response
        .writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' })
        .end(`Not found: ${pathname}\n`);
      return;
    }
    // no-store: a reload after a rebuild always shows the new bundle.
    const headers = {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': PREVIEW_CSP,
    };
    if (path.extname(file) === '.html') {
      const html = fs.readFileSync(file, 'utf8').replace(OFFICE_JS_CDN, OFFICE_JS_LOCAL);
      response.writeHead(200, headers).end(request.method === 'HEAD' ? undefined : html);
      return;
    }
    response.writeHead(200, headers);
    if (request.method === 'HEAD') response.end();
    else fs.createReadStream(file).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      resolve({
        url,
        taskpaneUrl: `${url}taskpane.html`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

type ConfigureWebpack = (
  env: Record<string, string>,
  argv: { mode: 'development' | 'production' },
) => Promise<webpack.Configuration>;

/**
 * `webpack --mode development --env officeJs=local` through webpack's Node API: the development
 * bundle with office.js copied to `dist/office-js/`. Returns the summary webpack prints.
 */
export async function buildPreview(): Promise<string> {
  // webpack.config.js is CommonJS without types; it exports (env, argv) => config.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const configure = require(path.join(ROOT, 'webpack.config.js')) as ConfigureWebpack;
  const config = await configure({ officeJs: 'local' }, { mode: 'development' });
  const compiler = webpack(config);
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    compiler.run((error, result) => {
      compiler.close(() => undefined);
      if (error || !result) reject(error ?? new Error('webpack returned no stats'));
      else resolve(result);
    }),
  );
  if (stats.hasErrors()) throw new Error(stats.toString('errors-only'));
  return stats.toString('errors-warnings') || `built in ${(stats.endTime - stats.startTime) / 1000} s`;
}

/** `--port N`, `--port=N` or `PORT`; 0 (a free port) when none is given. */
export function portFrom(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): number {
  const at = argv.findIndex((arg) => arg === '--port' || arg.startsWith('--port='));
  const raw = at < 0 ? env.PORT : argv[at].startsWith('--port=') ? argv[at].slice(7) : argv[at + 1];
  if (raw === undefined || raw === '') return 0;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Not a port: ${raw}`);
  return port;
}

async function main(): Promise<void> {
  const port = portFrom(process.argv.slice(2));
  process.stdout.write('Building the development bundle with the local office.js…\n');
  process.stdout.write(`${await buildPreview()}\n`);
  const server = await startPreviewServer({ port });
  process.stdout.write(
    `\nTask pane preview (sample workbook): ${server.taskpaneUrl}\nPress Ctrl+C to stop.\n`,
  );
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
