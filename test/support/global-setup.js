/* global module, require, process */
'use strict';
// Every test's temporary files go into one folder per run, removed when the run ends, so a run
// leaves nothing behind in the system's temporary folder. Workers and the programs tests start
// (LibreOffice, PostgreSQL, Chromium) inherit TMPDIR. Pictures meant to be looked at after a run
// go to the folder above it (TEST_PICTURES_DIR).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

module.exports = async function globalSetup() {
  const outer = os.tmpdir();
  const run = fs.mkdtempSync(path.join(outer, 'sales-metrics-tests-'));
  // Like the system's folder: the throwaway PostgreSQL server runs as another user.
  fs.chmodSync(run, 0o1777);
  process.env.TEST_PICTURES_DIR = process.env.TEST_PICTURES_DIR || outer;
  process.env.SALES_METRICS_TEST_RUN_DIR = run;
  process.env.TMPDIR = run;
};
