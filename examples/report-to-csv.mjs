#!/usr/bin/env node
/**
 * A nightly-report style script: runs the add-to-cart report for one store and writes it to a CSV
 * file.
 *
 *   node examples/report-to-csv.mjs --db events.db --out add-to-cart.csv
 *   node examples/report-to-csv.mjs --cassandra 127.0.0.1:9042 --keyspace cassalytics --out add-to-cart.csv
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { open } from 'cassalytics';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    cassandra: { type: 'string' },
    keyspace: { type: 'string', default: 'cassalytics' },
    store: { type: 'string', default: '2' },
    since: { type: 'string', default: '2026-11-16' },
    until: { type: 'string', default: '2026-11-29' },
    out: { type: 'string', default: 'add-to-cart.csv' },
  },
});

if (!values.db && !values.cassandra) {
  console.error('usage: give --db FILE (an embedded store, such as one made by `cassalytics generate --db FILE`) or --cassandra HOST[:PORT]');
  process.exit(2);
}
const target = values.cassandra
  ? { cassandra: { contactPoints: values.cassandra.split(','), keyspace: values.keyspace } }
  : { db: values.db };

// Node 20 has no `await using` syntax; TypeScript compiles it, and plain JavaScript closes by hand.
const engine = await open(target);
try {
  const result = await engine.query(
    `SELECT event_date AS day, count(*) AS add_to_cart_clicks
     FROM user_logs
     WHERE store_id = :store
       AND event_date BETWEEN :since AND :until
       AND event_id = 2
       AND detail->'click_target'->>'btn-id' = 'shop_add_to_cart'
     GROUP BY event_date
     ORDER BY day`,
    { store: Number(values.store), since: values.since, until: values.until },
  );

  /** Quotes a CSV field that contains a comma, a quote or a line break (RFC 4180). */
  const field = (value) => {
    const text = value === null ? '' : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };

  const lines = [result.columns.map((c) => field(c.name)).join(',')];
  for await (const row of result) lines.push(result.columns.map((c) => field(row[c.name])).join(','));
  fs.writeFileSync(values.out, `${lines.join('\n')}\n`);
  console.log(`wrote ${lines.length - 1} rows to ${values.out} in ${result.stats.elapsedMs.toFixed(0)} ms, reading ${result.stats.partitions} partitions`);
} finally {
  await engine.close();
}
