#!/usr/bin/env node
'use strict';
/* global require, process */
// Runs the TypeScript sources directly (tsx's require hook), so the command works from a fresh
// clone after `npm ci` with no build step.
require('tsx/cjs');
const { main } = require('../src/cli/main.ts');

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
