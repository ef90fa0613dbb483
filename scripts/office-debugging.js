#!/usr/bin/env node
/* global require, process, console */
// Runs office-addin-debugging (sideload + dev server) when it is installed. It is an optional
// dependency: it needs Excel on Windows/macOS or a browser sign-in, and may be absent on Linux.
const path = require('path');
let cli;
try {
  const manifest = require.resolve('office-addin-debugging/package.json');
  const { bin } = require(manifest);
  cli = path.join(path.dirname(manifest), typeof bin === 'string' ? bin : bin['office-addin-debugging']);
} catch {
  console.error(
    'office-addin-debugging is not installed (it is optional and often absent on Linux).\n' +
      'On Windows or macOS `npm ci` installs it (optionalDependencies). Or sideload by hand:\n' +
      '  1. npm run dev-server   (serves https://localhost:3000)\n' +
      '  2. Excel > Add-ins > My Add-ins > Upload My Add-in > manifest.xml',
  );
  process.exit(1);
}
const { status } = require('child_process').spawnSync(process.execPath, [cli, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(status ?? 1);
