/**
 * `npm run validate`: offline structural checks of manifest.xml (see manifest-checks.ts).
 *
 * Usage: tsx scripts/validate-manifest.ts [manifest.xml] [--dist dist] [--base https://host/]
 * With --dist, every page, script and metadata file the manifest references must exist there.
 */
import fs from 'fs';
import path from 'path';
import { DEV_BASE_URL, checkManifest } from './manifest-checks';

function main(argv: readonly string[]): number {
  const option = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const manifestPath = path.resolve(argv.find((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--')) ?? 'manifest.xml');
  const distDir = option('--dist');
  const issues = checkManifest(fs.readFileSync(manifestPath, 'utf8'), {
    assetsDir: path.resolve(__dirname, '..', 'assets'),
    baseUrl: option('--base') ?? DEV_BASE_URL,
    distDir: distDir ? path.resolve(distDir) : undefined,
  });
  if (issues.length === 0) {
    process.stdout.write(`${path.relative(process.cwd(), manifestPath)}: valid (offline checks)\n`);
    return 0;
  }
  for (const issue of issues) process.stderr.write(`${issue.rule}: ${issue.message}\n`);
  process.stderr.write(`${issues.length} problem(s) in ${manifestPath}\n`);
  return 1;
}

process.exitCode = main(process.argv.slice(2));
