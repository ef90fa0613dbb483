'use strict';
/* global require, module, __dirname, process */
/**
 * The command line as one built CommonJS file, so `bin/sales-metrics.js` starts without compiling
 * TypeScript. `npm ci` builds it (the `prepare` script); a run that finds it missing or older than
 * the sources rebuilds it (about a second) and keeps it in `node_modules/.cache`.
 *
 * ExcelJS takes most of a second to load, pg and JSZip a tenth or less; only some commands use them,
 * so the bundle loads them on first use (default imports only): `--help` never pays for them.
 *
 *   node scripts/cli-bundle.js          build it now (--if-possible: a failure is not an error)
 *   require('./cli-bundle').load()      the built module when fresh (built if possible), else null
 */
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const ROOT = path.join(__dirname, '..');
const SOURCES = path.join(ROOT, 'src');
const OUT = path.join(ROOT, 'node_modules', '.cache', 'sales-metrics', 'cli.cjs');
/** The worker thread that reads the second half of a large CSV file (src/xlsx/read-csv-split.ts). */
const WORKER_OUT = path.join(path.dirname(OUT), 'csv-worker.cjs');
/** V8's compiled code for OUT, so a run does not parse and compile 800 KB of JavaScript again. */
const CODE_CACHE = `${OUT}.v8cache`;
/** Files besides `src/` whose change makes the bundle stale. */
const INPUTS = [path.join(ROOT, 'package.json'), __filename];
/** Modules loaded on first use instead of at start. */
const LAZY = ['exceljs', 'jszip', 'pg'];

/** The newest modification time under `dir`, in ms. */
function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const time = entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs;
    if (time > latest) latest = time;
  }
  return latest;
}

/** True when the bundle exists and nothing it was built from changed since. */
function isFresh() {
  let built;
  try {
    built = fs.statSync(OUT).mtimeMs;
  } catch {
    return false;
  }
  // Without the sources (an installed copy) the bundle is what there is.
  if (!fs.existsSync(SOURCES)) return true;
  return (
    INPUTS.every((file) => !fs.existsSync(file) || fs.statSync(file).mtimeMs <= built) &&
    newest(SOURCES) <= built
  );
}

/** esbuild plugin: `import X from 'm'` for a LAZY module gives an object that requires m when first used. */
const lazyModules = {
  name: 'lazy-modules',
  setup(build) {
    const filter = new RegExp(`^(${LAZY.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`);
    build.onResolve({ filter }, (args) =>
      args.namespace === 'lazy'
        ? { path: args.path, external: true }
        : { path: args.path, namespace: 'lazy' },
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => ({
      contents: `let loaded;
const load = () => (loaded ??= require(${JSON.stringify(args.path)}));
export default new Proxy(function () {}, {
  get: (_, key) => load()[key],
  has: (_, key) => key in load(),
  construct: (_, args) => new (load())(...args),
  apply: (_, self, args) => load().apply(self, args),
});`,
      loader: 'js',
      resolveDir: ROOT,
    }));
  },
};

/** Builds the bundle; writes it through a temporary file so a concurrent run never reads half of it. */
async function build() {
  const esbuild = require('esbuild');
  const options = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    plugins: [lazyModules],
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
  };
  const result = await esbuild.build({ ...options, entryPoints: [path.join(SOURCES, 'cli', 'main.ts')] });
  const worker = await esbuild.build({
    ...options,
    entryPoints: [path.join(SOURCES, 'xlsx', 'read-csv-worker.ts')],
  });
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  // The worker first: a fresh OUT always has its worker beside it.
  const workerTemporary = `${WORKER_OUT}.${process.pid}.tmp`;
  fs.writeFileSync(workerTemporary, worker.outputFiles[0].contents);
  fs.renameSync(workerTemporary, WORKER_OUT);
  const temporary = `${OUT}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, result.outputFiles[0].contents);
  fs.rmSync(CODE_CACHE, { force: true });
  fs.renameSync(temporary, OUT);
  return OUT;
}

/**
 * Requires OUT through V8's code cache: the first run compiles it and, once the command has run
 * (so the functions it used are compiled too), saves the cache next to it; later runs hand the
 * cache to V8, which then skips most parsing and compiling. A cache V8 rejects (another Node.js
 * version, a rebuilt bundle) is replaced. Any failure falls back to a plain `require`.
 */
function requireCached() {
  let source;
  let cached;
  try {
    source = fs.readFileSync(OUT, 'utf8');
    cached = fs.existsSync(CODE_CACHE) ? fs.readFileSync(CODE_CACHE) : undefined;
  } catch {
    return require(OUT);
  }
  const script = new vm.Script(Module.wrap(source), {
    filename: OUT,
    ...(cached ? { cachedData: cached } : {}),
  });
  const module = new Module(OUT, null);
  module.filename = OUT;
  module.paths = Module._nodeModulePaths(path.dirname(OUT));
  const requireHere = Module.createRequire(OUT);
  script.runInThisContext()(module.exports, requireHere, module, OUT, path.dirname(OUT));
  module.loaded = true;
  if (!cached || script.cachedDataRejected) {
    process.once('beforeExit', () => {
      try {
        const temporary = `${CODE_CACHE}.${process.pid}.tmp`;
        fs.writeFileSync(temporary, script.createCachedData());
        fs.renameSync(temporary, CODE_CACHE);
      } catch {
        // A read-only install runs without the cache.
      }
    });
  }
  return module.exports;
}

/**
 * The built command line's exports, building them first when missing or stale; null when they
 * cannot be built here (esbuild missing, a read-only install), so the caller runs the sources.
 */
async function load() {
  if (!isFresh()) {
    try {
      await build();
    } catch {
      return null;
    }
  }
  return requireCached();
}

module.exports = { build, load, isFresh, OUT };

if (require.main === module) {
  // --if-possible (the prepare script): a failed build is said, not fatal; the first run retries.
  const optional = process.argv.includes('--if-possible');
  build().then(
    (out) => process.stdout.write(`built ${path.relative(ROOT, out)}\n`),
    (error) => {
      process.stderr.write(
        `cli-bundle: ${error.message}${optional ? ' (the command line will run from the sources)' : ''}\n`,
      );
      if (!optional) process.exitCode = 1;
    },
  );
}
