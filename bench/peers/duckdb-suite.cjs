'use strict';
/* global require, process */
/**
 * The peer of `sales-metrics metrics FILE --period month --by Region --by "Sales Rep" --by Product
 * --by Channel`: DuckDB reads the same CSV with `read_csv_auto` and computes the monthly suite
 * (revenue, orders, customers, new customers, customers retained from the month before, repeat
 * customers) and the four group-bys of the latest month, in a new process, as a user would run it.
 *
 *   node bench/peers/duckdb-suite.cjs orders.csv 2025-12-01
 */
const { DuckDBInstance } = require('@duckdb/node-api');

async function main() {
  const [file, latest] = process.argv.slice(2);
  const db = await DuckDBInstance.create(':memory:');
  const connection = await db.connect();
  const rows = async (sql) => (await connection.runAndReadAll(sql)).getRowObjects();
  const path = file.replace(/'/g, "''");
  await connection.run(`CREATE TEMP TABLE o AS SELECT "Order Date"::DATE AS d, "Order ID" AS oid,
    "Customer ID" AS cid, "Amount"::DOUBLE AS amt, "Region" AS region, "Sales Rep" AS rep,
    "Product" AS product, "Channel" AS channel, date_trunc('month', "Order Date"::DATE) AS m
    FROM read_csv_auto('${path}')`);
  const suite = await rows(`WITH first AS (SELECT cid, min(m) fm FROM o GROUP BY cid),
    per AS (SELECT m, sum(amt) revenue, count(DISTINCT oid) orders, count(DISTINCT cid) customers FROM o GROUP BY m),
    cm AS (SELECT DISTINCT m, cid FROM o),
    fresh AS (SELECT fm m, count(*) n FROM first GROUP BY fm),
    kept AS (SELECT a.m, count(*) n FROM cm a JOIN cm b ON b.cid = a.cid AND b.m = a.m - INTERVAL 1 MONTH GROUP BY a.m),
    repeat AS (SELECT m, count(*) FILTER (WHERE n > 1) n FROM (SELECT m, cid, count(DISTINCT oid) n FROM o GROUP BY m, cid) GROUP BY m)
    SELECT per.*, fresh.n AS new_customers, kept.n AS retained, repeat.n AS repeaters
    FROM per LEFT JOIN fresh USING (m) LEFT JOIN kept USING (m) LEFT JOIN repeat USING (m) ORDER BY m`);
  const out = { suite };
  for (const column of ['region', 'rep', 'product', 'channel'])
    out[column] = await rows(`SELECT ${column}, sum(amt) revenue, count(DISTINCT oid) orders FROM o
      WHERE m = DATE '${latest}' GROUP BY ${column} ORDER BY revenue DESC LIMIT 10`);
  process.stdout.write(JSON.stringify(out, (_, v) => (typeof v === 'bigint' ? Number(v) : v)));
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exitCode = 1;
});
