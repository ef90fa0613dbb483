/**
 * The CDNOW sample (Fader & Hardie) as an orders table: whitespace-separated customer id, sample id,
 * `yyyymmdd` date, number of CDs, dollar value; no header.
 */
import * as fs from 'fs';
import * as path from 'path';
import { daysFromCivil } from '../../src/core/periods';
import type { OrdersTable } from '../../src/core/table';
import { dictColumn } from './orders';

/** `/work/shared/data` seen from the repository root (`<repo>/../shared/data`). */
export const SHARED_DATA = path.resolve(__dirname, '..', '..', '..', 'shared', 'data');

export function loadCdnow(file = path.join(SHARED_DATA, 'cdnow_sample.txt')): OrdersTable {
  const lines = fs.readFileSync(file, 'utf8').split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const customers: string[] = [];
  const date = new Float64Array(lines.length);
  const amount = new Float64Array(lines.length);
  const quantity = new Float64Array(lines.length);
  lines.forEach((line, i) => {
    const [customer, , ymd, cds, dollars] = line.split(/\s+/);
    customers.push(customer);
    date[i] = daysFromCivil(Number(ymd.slice(0, 4)), Number(ymd.slice(4, 6)), Number(ymd.slice(6, 8)));
    quantity[i] = Number(cds);
    amount[i] = Number(dollars);
  });
  return {
    kind: 'orders',
    length: lines.length,
    sourceRow: Int32Array.from(lines, (_, i) => i + 1),
    mapping: {},
    extra: {},
    date,
    amount,
    quantity,
    customer: dictColumn(customers),
    dimensions: {},
  };
}
