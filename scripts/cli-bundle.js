'use strict';
/* global require, module, __dirname, __filename, process */
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
/**
 * The help and version texts of the built file (its `fixedOutputs()`), written by its first run:
 * `--help` and `--version` are answered from them without loading the command line.
 */
const FIXED_OUTPUTS = `${OUT}.help.json`;
/** Files besides `src/` whose change makes the bundle stale. */
const INPUTS = [path.join(ROOT, 'package.json'), path.join(ROOT, 'package-lock.json'), __filename];
/** Modules loaded on first use instead of at start. */
const LAZY = ['exceljs', 'jszip', 'pg'];
/**
 * LAZY modules bundled with their dependencies into one file beside OUT: ExcelJS alone is some
 * 650 modules, which take twice as long to find and load one by one. A run without that file
 * (it could not be built) requires them from `node_modules`.
 */
const VENDORED = ['exceljs', 'jszip'];
const VENDOR = path.join(path.dirname(OUT), 'vendor.cjs');
/** V8's compiled code for VENDOR (see `requireCached`). */
const VENDOR_CODE_CACHE = `${VENDOR}.v8cache`;

/**
 * Every folder and file under `src/` when the bundle was built (paths relative to it), so a run
 * checks them with one `stat` each instead of listing every folder: a changed file has a newer
 * time, and a file added, removed or renamed gives its folder a newer time.
 */
const SOURCE_LIST = `${OUT}.sources.json`;

/** Every folder (`dir` itself first) and file under `dir`, relative to `dir`. */
function sourcePaths(dir, prefix = '', paths = ['']) {
  for (const entry of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    paths.push(relative);
    if (entry.isDirectory()) sourcePaths(dir, relative, paths);
  }
  return paths;
}

/** True when none of `paths` under `dir` is missing or changed after `built` (ms). */
function unchangedSince(dir, paths, built) {
  for (const relative of paths) {
    const stats = fs.statSync(relative === '' ? dir : `${dir}/${relative}`, { throwIfNoEntry: false });
    if (!stats || stats.mtimeMs > built) return false;
  }
  return true;
}

/** The paths SOURCE_LIST holds, or null when it is missing or unreadable. */
function listedSources() {
  try {
    const listed = JSON.parse(fs.readFileSync(SOURCE_LIST, 'utf8'));
    return Array.isArray(listed) ? listed : null;
  } catch {
    return null;
  }
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
  if (!INPUTS.every((file) => !fs.existsSync(file) || fs.statSync(file).mtimeMs <= built)) return false;
  return unchangedSince(SOURCES, listedSources() ?? sourcePaths(SOURCES), built);
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
    build.onResolve({ filter: /^\.\/vendor\.cjs$/ }, (args) => ({ path: args.path, external: true }));
    const required = (name) =>
      VENDORED.includes(name)
        ? `(() => { try { return require('./${path.basename(VENDOR)}')[${JSON.stringify(name)}]; } catch { return require(${JSON.stringify(name)}); } })()`
        : `require(${JSON.stringify(name)})`;
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => ({
      contents: `let loaded;
const load = () => (loaded ??= ${required(args.path)});
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

/** The installed files VENDOR is made from: its modules' package.json files and the lockfile. */
function vendorInputs() {
  const inputs = [__filename, path.join(ROOT, 'package-lock.json')];
  for (const name of VENDORED) {
    try {
      inputs.push(require.resolve(`${name}/package.json`, { paths: [ROOT] }));
    } catch {
      // Not installed: nothing to bundle it from.
    }
  }
  return inputs;
}

/** Builds VENDOR when it is missing or older than what it is made from; a failure leaves none. */
async function buildVendor(esbuild) {
  const built = fs.statSync(VENDOR, { throwIfNoEntry: false })?.mtimeMs;
  const stale = (file) => (fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0) > built;
  if (built !== undefined && !vendorInputs().some(stale)) return;
  fs.rmSync(VENDOR, { force: true });
  // V8 checks a cache against its source's length only: a rebuilt VENDOR must not meet the old one.
  fs.rmSync(VENDOR_CODE_CACHE, { force: true });
  try {
    const result = await esbuild.build({
      stdin: {
        contents: `module.exports = { ${VENDORED.map((m) => `${JSON.stringify(m)}: require(${JSON.stringify(m)})`).join(', ')} };`,
        resolveDir: ROOT,
        loader: 'js',
      },
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      write: false,
      logLevel: 'silent',
      legalComments: 'none',
    });
    const temporary = `${VENDOR}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, result.outputFiles[0].contents);
    fs.renameSync(temporary, VENDOR);
  } catch {
    // The command line then requires the modules from node_modules.
  }
}

/**
 * Builds the CSV reader's worker beside OUT, before OUT, so a fresh OUT has its worker. Without it
 * (it could not be built) large files are read on one thread.
 */
async function buildWorker(esbuild, options) {
  fs.rmSync(WORKER_OUT, { force: true });
  try {
    const worker = await esbuild.build({
      ...options,
      entryPoints: [path.join(SOURCES, 'xlsx', 'read-csv-worker.ts')],
    });
    const temporary = `${WORKER_OUT}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, worker.outputFiles[0].contents);
    fs.renameSync(temporary, WORKER_OUT);
  } catch {
    // The reader then stays on one thread.
  }
}

/** Builds the bundle; writes it through a temporary file so a concurrent run never reads half of it. */
async function build() {
  const esbuild = require('esbuild');
  // Listed before reading: a file changed while the bundle is built is newer than it.
  const sources = sourcePaths(SOURCES);
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
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  await buildVendor(esbuild);
  await buildWorker(esbuild, options);
  const temporary = `${OUT}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, result.outputFiles[0].contents);
  fs.rmSync(CODE_CACHE, { force: true });
  fs.writeFileSync(`${SOURCE_LIST}.${process.pid}.tmp`, JSON.stringify(sources));
  fs.renameSync(`${SOURCE_LIST}.${process.pid}.tmp`, SOURCE_LIST);
  fs.renameSync(temporary, OUT);
  return OUT;
}

/**
 * Requires `file` through V8's code cache `cacheFile`: the first run compiles it and, once the
 * command has run (so the functions it used are compiled too), saves the cache next to it; later
 * runs hand the cache to V8, which then skips most parsing and compiling. A cache V8 rejects
 * (another Node.js version, a rebuilt file) is replaced. Any failure falls back to a plain
 * `require`. `requireFor` gives the `require` the file's code sees.
 */
function requireCached(file, cacheFile, requireFor = Module.createRequire) {
  let source;
  let cached;
  try {
    source = fs.readFileSync(file, 'utf8');
    cached = fs.existsSync(cacheFile) ? fs.readFileSync(cacheFile) : undefined;
  } catch {
    return require(file);
  }
  const script = new vm.Script(Module.wrap(source), {
    filename: file,
    ...(cached ? { cachedData: cached } : {}),
  });
  const module = new Module(file, null);
  module.filename = file;
  module.paths = Module._nodeModulePaths(path.dirname(file));
  script.runInThisContext()(module.exports, requireFor(file), module, file, path.dirname(file));
  module.loaded = true;
  if (!cached || script.cachedDataRejected) {
    process.once('beforeExit', () => {
      try {
        const temporary = `${cacheFile}.${process.pid}.tmp`;
        fs.writeFileSync(temporary, script.createCachedData());
        fs.renameSync(temporary, cacheFile);
      } catch {
        // A read-only install runs without the cache.
      }
    });
  }
  return module.exports;
}

/**
 * The `require` OUT's code sees: VENDOR (its modules loaded on first use) through its own code
 * cache, as OUT is, since compiling its 2 MB is most of what loading it costs; anything else as
 * usual.
 */
function requireForOut(file) {
  const plain = Module.createRequire(file);
  let vendor;
  const vendorName = `./${path.basename(VENDOR)}`;
  return Object.assign(
    (id) => (id === vendorName ? (vendor ??= requireCached(VENDOR, VENDOR_CODE_CACHE)) : plain(id)),
    plain,
  );
}

/**
 * Files from this size on are read on two threads by the CSV reader when a core is spare
 * (`SPLIT_BYTES` and `spareCore` in src/xlsx/read-csv-columns.ts).
 */
const CSV_SPLIT_BYTES = 8 << 20;

/** True when `arg` (or the value of `--flag=arg`) names a delimited text file the reader splits. */
function largeTextFile(arg) {
  const file = arg.startsWith('-') ? arg.slice(arg.indexOf('=') + 1) : arg;
  if (!/\.(csv|tsv|txt)$/i.test(file)) return false;
  try {
    return fs.statSync(file).size >= CSV_SPLIT_BYTES;
  } catch {
    return false;
  }
}

/**
 * Starts the CSV reader's worker thread before the command line is loaded when an argument is a
 * large text file, so that its runtime starts while this thread loads the command line; the
 * reader takes it (src/xlsx/read-csv-split.ts, `STANDBY_KEY`). Unreferenced until taken, so a
 * command that reads no such file ends as it would without it.
 */
function startCsvWorker(argv) {
  try {
    if (!argv.some(largeTextFile) || !fs.existsSync(WORKER_OUT)) return;
    // Required here, not at the top: loading worker_threads takes some 5 ms a plain `--help` need not pay.
    const os = require('node:os');
    if (os.loadavg()[0] >= os.availableParallelism() + 0.5) return;
    const { Worker } = require('node:worker_threads');
    const worker = new Worker(WORKER_OUT);
    worker.unref();
    worker.on('error', () => {});
    globalThis[Symbol.for('sales-metrics.csv-part-worker')] = worker;
  } catch {
    // The reader starts its own.
  }
}

/**
 * The built command line's exports, building them first when missing or stale; null when they
 * cannot be built here (esbuild missing, a read-only install), so the caller runs the sources.
 * `argv`: the command's arguments, to start early what it will need (see `startCsvWorker`).
 */
async function load(argv = []) {
  if (!isFresh()) {
    try {
      await build();
    } catch {
      return null;
    }
  }
  startCsvWorker(argv);
  const exports = requireCached(OUT, CODE_CACHE, requireForOut);
  saveFixedOutputs(exports);
  return exports;
}

/** Writes FIXED_OUTPUTS from the built file's exports when it is missing or older than the file. */
function saveFixedOutputs(exports) {
  try {
    if (typeof exports.fixedOutputs !== 'function') return;
    if (fs.existsSync(FIXED_OUTPUTS) && fs.statSync(FIXED_OUTPUTS).mtimeMs >= fs.statSync(OUT).mtimeMs)
      return;
    const temporary = `${FIXED_OUTPUTS}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(exports.fixedOutputs()));
    fs.renameSync(temporary, FIXED_OUTPUTS);
  } catch {
    // A read-only install answers --help through the command line.
  }
}

/**
 * What the command line would write for `argv` when it is a plain request for help or the version
 * (`--help`, `-h`, `help`, `--version`, `-v`, `COMMAND --help`, `COMMAND -h`, `help COMMAND`) and the
 * built file is fresh with its texts saved; otherwise undefined, and the command line runs.
 */
function fixedOutput(argv) {
  if (argv.length === 0 || argv.length > 2) return undefined;
  const [first, second] = argv;
  const plain = ['--help', '-h', 'help', '--version', '-v'];
  if (argv.length === 1 ? !plain.includes(first) : second !== '--help' && second !== '-h' && first !== 'help')
    return undefined;
  let texts;
  try {
    if (fs.statSync(FIXED_OUTPUTS).mtimeMs < fs.statSync(OUT).mtimeMs || !isFresh()) return undefined;
    texts = JSON.parse(fs.readFileSync(FIXED_OUTPUTS, 'utf8'));
  } catch {
    return undefined;
  }
  if (argv.length === 1) return first === '--version' || first === '-v' ? texts.version : texts.help;
  const name = first === 'help' ? second : first;
  return Object.prototype.hasOwnProperty.call(texts.commands, name) ? texts.commands[name] : undefined;
}

module.exports = { build, load, isFresh, fixedOutput, OUT, FIXED_OUTPUTS, SOURCE_LIST, VENDOR };

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
