/* global module, require, process */
'use strict';
// Removes the run's temporary folder made by global-setup.js.
const fs = require('node:fs');

module.exports = async function globalTeardown() {
  const run = process.env.SALES_METRICS_TEST_RUN_DIR;
  if (run) fs.rmSync(run, { recursive: true, force: true, maxRetries: 3 });
};
