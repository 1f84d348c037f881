import { open } from './dist/src/index.js';
const e = await open({ db: '/tmp/diffwork/x.db', settings: { workers: 1 } });
for (const sql of ["SELECT date_part('epoch', TIMESTAMP '2024-03-09 16:00:00.5') AS v", "SELECT EXTRACT(epoch FROM TIMESTAMP '2024-03-09 16:00:00.5') AS v", "SELECT date_part('epoch', event_time) AS v FROM user_logs LIMIT 1"]) {
  try { const r = await e.query(sql); console.log(sql, r.columns, JSON.stringify(await r.toArray())); } catch (err) { console.log(sql, 'ERR', err.code, err.message); }
}
await e.close();
