#!/usr/bin/env node
'use strict';
/* global require, process */
// Runs the built command line (scripts/cli-bundle.js: built by `npm ci`, rebuilt on the first run
// after a source changed); where it cannot be built, runs the TypeScript sources through tsx.
const { load } = require('../scripts/cli-bundle.js');

load()
  .then((built) => {
    if (built) return built;
    require('tsx/cjs');
    return require('../src/cli/main.ts');
  })
  .then(({ main }) => main(process.argv.slice(2)))
  .then((code) => {
    process.exitCode = code;
  });
