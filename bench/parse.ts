/**
 * Parser benchmark: parses bench/report.sql (about 200 lines, 15 statements) once, which also
 * builds the parser, then repeatedly after a warm-up, and prints the time of the first parse and
 * the median time per parse.
 *
 * Run from the compiled output: npm run build && node dist/bench/parse.js
 */
import { readFileSync } from 'node:fs';
import { parse } from '../src/parser/index.js';

const WARM_UP_RUNS = 200;
const MEASURED_RUNS = 1000;

// The compiled file is dist/bench/parse.js, and the report stays in bench/.
const reportUrl = new URL('../../bench/report.sql', import.meta.url);
const sql = readFileSync(reportUrl, 'utf8');
const lines = sql.trimEnd().split('\n').length;

// The first parse also builds the parser, which analyses the grammar once per process.
const firstStart = process.hrtime.bigint();
let statements = parse(sql).length;
const firstParse = Number(process.hrtime.bigint() - firstStart) / 1e6;

for (let i = 0; i < WARM_UP_RUNS; i++) statements = parse(sql).length;

const times: number[] = [];
for (let i = 0; i < MEASURED_RUNS; i++) {
  const start = process.hrtime.bigint();
  parse(sql);
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
}
times.sort((a, b) => a - b);

const median = times[Math.floor(times.length / 2)]!;
const p90 = times[Math.floor(times.length * 0.9)]!;
console.log(`parsed ${lines} lines, ${statements} statements, ${MEASURED_RUNS} runs after ${WARM_UP_RUNS} warm-up runs`);
console.log(`first parse ${firstParse.toFixed(1)} ms, including building the parser`);
console.log(`median ${median.toFixed(3)} ms, p90 ${p90.toFixed(3)} ms`);
