import { test } from 'vitest';
import { openDuckDB, queryColumn, setTimeZone } from '../../functions/duckdb-support.js';
import { addIntervalToTimestamp, makeInterval, subtractTimestamps } from '../../../../src/executor/semantics/interval.js';
import { formatTimestampIso } from '../../../../src/executor/semantics/format-time.js';

test('probe', async () => {
  const db = await openDuckDB();
  for (const [zone, day] of [['Europe/Berlin', '2024-10-27'], ['America/New_York', '2024-11-03'], ['America/New_York', '2024-03-10'], ['America/Sao_Paulo', '2019-02-17']] as const) {
    await setTimeZone(db, zone);
    const start = Date.parse(`${day}T00:00:00Z`) - 2 * 86_400_000;
    for (let t = start; t < start + 4 * 86_400_000; t += 30 * 60_000) {
      const ts = `timezone('UTC', make_timestamp(${t * 1000}))`;
      const plus = (await queryColumn(db, `${ts} + INTERVAL '1 day'`)).values[0] as number;
      const ours = addIntervalToTimestamp(t, makeInterval(0, 1, 0), zone);
      if (plus !== ours) console.log(`${zone} +1 day from ${formatTimestampIso(t, zone)}: duckdb ${formatTimestampIso(plus, zone)} ours ${formatTimestampIso(ours, zone)}`);
      const earlier = t - 30 * 3_600_000;
      const diff = (await queryColumn(db, `${ts} - timezone('UTC', make_timestamp(${earlier * 1000}))`)).values[0] as { days: number; ms: number };
      const mine = subtractTimestamps(t, earlier, zone);
      if (diff.days !== mine.days || diff.ms !== mine.ms) console.log(`${zone} ${formatTimestampIso(t, zone)} - ${formatTimestampIso(earlier, zone)}: duckdb ${diff.days}d ${diff.ms / 3.6e6}h ours ${mine.days}d ${mine.ms / 3.6e6}h`);
    }
  }
}, 120_000);
