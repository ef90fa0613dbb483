/**
 * The Node.js version `package.json` promises must run every package the lock file installs:
 * `npm ci` on the oldest promised Node must not warn about an unsupported engine.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));

describe('engines', () => {
  const oldest = semver.minVersion(pkg.engines.node)!;

  it('promises a Node.js version', () => {
    expect(oldest).not.toBeNull();
    expect(semver.satisfies(process.version, pkg.engines.node)).toBe(true);
  });

  it('every locked package supports the oldest promised Node.js', () => {
    const unsupported = Object.entries(lock.packages as Record<string, { engines?: { node?: string } }>)
      .filter(([path, entry]) => path !== '' && typeof entry.engines?.node === 'string')
      .filter(([, entry]) => !semver.satisfies(oldest, entry.engines!.node!))
      .map(([path, entry]) => `${path} wants node ${entry.engines!.node}`);
    expect(unsupported).toEqual([]);
  });
});
