#!/usr/bin/env node
'use strict';
/* global require, process */
// Runs the built command line (scripts/cli-bundle.js: built by `npm ci`, rebuilt on the first run
// after a source changed); where it cannot be built, runs the TypeScript sources through tsx.
// A plain `--help` or `--version` is answered from the texts the built file saved, without loading it.
const { fixedOutput, load } = require('../scripts/cli-bundle.js');

const argv = process.argv.slice(2);
const fixed = fixedOutput(argv);
if (fixed !== undefined) {
  process.stdout.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  process.stdout.write(fixed);
} else {
  load(argv)
    .then((built) => {
      if (built) return built;
      require('tsx/cjs');
      return require('../src/cli/main.ts');
    })
    .then(({ main }) => main(argv))
    .then((code) => {
      process.exitCode = code;
    });
}
