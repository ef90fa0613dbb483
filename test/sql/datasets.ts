/**
 * Test helper: the three data sets the SQL route is held to, read the way the command line reads
 * them (file reader, ingestion, detected mapping): the bundled sample's Orders, Pipeline and Spend
 * sheets, CDNOW (no header: customer `Column B`) and the CRM pipeline.
 */
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { captureIO, progressOn } from '../../src/cli/io';
import type { LoadOptions } from '../../src/cli/load';
import { loadTable } from '../../src/cli/load';
import type { MetricInputs } from '../../src/core/metrics';

export const REPO = join(__dirname, '../..');
export const SAMPLE = join(REPO, 'samples/sales-sample.xlsx');
export const SHARED = join(REPO, '../shared/data');
export const CDNOW = join(SHARED, 'cdnow_sample.txt');
export const CRM = join(SHARED, 'crm_sales_pipeline.csv');

export const sharedDataPresent = existsSync(CDNOW) && existsSync(CRM);

const io = captureIO();
const progress = progressOn(io, true);
const cache = new Map<string, Promise<MetricInputs>>();

async function load(kind: 'orders' | 'pipeline' | 'spend', path: string, options: LoadOptions = {}) {
  return (await loadTable(kind as 'orders', path, options, io, progress)).table as never;
}

/** The sample's three sheets. */
export function sampleInputs(): Promise<MetricInputs> {
  if (!cache.has('sample'))
    cache.set(
      'sample',
      (async () => ({
        orders: await load('orders', SAMPLE),
        pipeline: await load('pipeline', SAMPLE),
        spend: await load('spend', SAMPLE),
      }))(),
    );
  return cache.get('sample')!;
}

/** CDNOW's orders: customer = Column B, date = Column C, quantity = Column D, amount = Column E. */
export function cdnowInputs(): Promise<MetricInputs> {
  if (!cache.has('cdnow'))
    cache.set(
      'cdnow',
      (async () => ({
        orders: await load('orders', CDNOW, {
          mapping: { customer: 'Column B', date: 'Column C', quantity: 'Column D', amount: 'Column E' },
        }),
      }))(),
    );
  return cache.get('cdnow')!;
}

/** The CRM pipeline. */
export function crmInputs(): Promise<MetricInputs> {
  if (!cache.has('crm')) cache.set('crm', (async () => ({ pipeline: await load('pipeline', CRM) }))());
  return cache.get('crm')!;
}
