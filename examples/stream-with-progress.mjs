#!/usr/bin/env node
/**
 * Streams a large query row by row, prints progress as scan tasks finish, and cancels the query
 * when it runs longer than a time limit.
 *
 *   node examples/stream-with-progress.mjs --db events.db --timeout-ms 2000
 */
import { parseArgs } from 'node:util';
import { open, CancelledError } from 'cassalytics';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    cassandra: { type: 'string' },
    keyspace: { type: 'string', default: 'cassalytics' },
    'timeout-ms': { type: 'string', default: '2000' },
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
  const signal = AbortSignal.timeout(Number(values['timeout-ms']));
  const onProgress = (progress) => {
    process.stderr.write(`tasks ${progress.tasksDone}/${progress.tasksTotal}, ${progress.rowsScanned} rows read\n`);
  };

  let rows = 0;
  try {
    const result = await engine.query('SELECT user_id, url, log_time FROM user_logs', [], { signal, onProgress });
    for await (const row of result) {
      rows += 1;
      if (rows === 1) console.log('first row:', row);
    }
    console.log(`streamed ${rows} rows`);
  } catch (error) {
    if (!(error instanceof CancelledError)) throw error;
    console.log(`cancelled after ${rows} rows: ${error.message}`);
  }
} finally {
  await engine.close();
}
