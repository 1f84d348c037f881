import { test } from 'vitest';
import { parse, print, ParseError } from '../../src/parser/index.js';
import { parse as oldParse } from './zz-old/index.js';
import { EXPRESSION_CASES, QUERY_CASES, STATEMENT_CASES } from './cases.js';
import { Random, TreeGenerator } from './random.js';

const ALPHABET = "abcxyzABCXYZ0123456789_ \t\n\r'\"`.,;:?()[]{}*/+-%<>=!|&^~#@$\\é€😀\u0000\u2028";
const VOCABULARY = [
  'SELECT', 'DISTINCT', 'FROM', 'WHERE', 'GROUP', 'BY', 'HAVING', 'QUALIFY', 'ORDER', 'LIMIT', 'OFFSET',
  'UNION', 'ALL', 'WITH', 'AS', 'AND', 'OR', 'NOT', 'IS', 'NULL', 'TRUE', 'FALSE', 'IN', 'BETWEEN',
  'LIKE', 'ILIKE', 'ESCAPE', 'CASE', 'WHEN', 'THEN', 'ELSE', 'END', 'CAST', 'EXTRACT', 'INTERVAL',
  'DATE', 'TIMESTAMP', 'DAY', 'HOUR', 'year', 'OVER', 'PARTITION', 'ROWS', 'RANGE', 'UNBOUNDED',
  'PRECEDING', 'FOLLOWING', 'CURRENT', 'ROW', 'FILTER', 'NULLS', 'FIRST', 'LAST', 'ASC', 'DESC',
  'JOIN', 'LEFT', 'EXPLAIN', 'ANALYZE', 'DESCRIBE', 'SHOW', 'TABLES', 'SET', 'RESET', 'TO', 'EXISTS',
  'count', 'sum', 'a', 'b', 't', 'ks', '"Q"', "'s'", "'2020-01-31'", "'90 minutes'", "'7'", '1', '2.5',
  '1e3', ':p', '?', '(', ')', ',', '.', ';', '*', '+', '-', '/', '//', '%', '||', '->', '->>', '::',
  '=', '<>', '!=', '<', '<=', '>', '>=', 'int', 'json', 'DECIMAL', '--c\n', '/*c*/',
  'FORM', 'WHER', 'ODER', 'GRUOP', 'LIMT', 'ADN', 'SELEC', 'DESCRIBES', 'TABLE', 'ANALYSE', 'NULS', 'CURENT', 'PRECEEDING', 'INTERVALL', 'varchar', 'double', 'PRECISION', 'on', 'off', 'ON',
];

function outcome(f: (s: string) => unknown, sql: string): string {
  try {
    return 'OK ' + JSON.stringify(f(sql));
  } catch (e) {
    const err = e as ParseError;
    if (err.code === undefined) return 'CRASH ' + String(e);
    return `ERR ${err.code} | ${err.message} | ${err.hint} | ${JSON.stringify(err.span)}`;
  }
}

test('differential', () => {
  const inputs: string[] = [];
  const seeds = [
    ...EXPRESSION_CASES.map(([text]) => `SELECT ${text}`),
    ...QUERY_CASES.map(([text]) => text),
    ...STATEMENT_CASES.map(([text]) => text),
  ];
  inputs.push(...seeds);
  for (const seed of seeds) {
    const tokens = seed.split(/(\s+|[(),;.])/).filter((part) => part.trim() !== '');
    for (let i = 0; i < tokens.length; i++) {
      inputs.push(tokens.slice(0, i).join(' '));
      for (const junk of ['x', 'FORM', ')', '(', ',', 'ORDR', 'BY', 'AS', '1', "'s'", 'NULLS', 'FILTER', 'OVER', '*', 'WHEN', 'LIMIT', 'PRECEDING']) {
        inputs.push([...tokens.slice(0, i), junk, ...tokens.slice(i + 1)].join(' '));
        inputs.push([...tokens.slice(0, i), junk].join(' '));
      }
    }
  }
  let random = new Random(21);
  for (let i = 0; i < 5000; i++) {
    const length = random.int(60);
    let sql = '';
    for (let j = 0; j < length; j++) sql += random.pick([...ALPHABET]);
    inputs.push(sql);
  }
  random = new Random(22);
  for (let i = 0; i < 30000; i++) {
    const length = 1 + random.int(25);
    const tokens = random.chance(0.7) ? ['SELECT'] : [];
    for (let j = 0; j < length; j++) tokens.push(random.pick(VOCABULARY));
    inputs.push(tokens.join(' '));
  }
  random = new Random(23);
  const tokensOf = (sql: string): string[] => sql.split(/(\s+|[(),;])/).filter((part) => part.trim() !== '');
  for (let i = 0; i < 30000; i++) {
    const tokens = tokensOf(random.pick(seeds));
    const mutations = 1 + random.int(2);
    for (let m = 0; m < mutations; m++) {
      const position = random.int(tokens.length + 1);
      switch (random.int(3)) {
        case 0: tokens.splice(position, 1); break;
        case 1: tokens.splice(position, 0, random.pick(VOCABULARY)); break;
        default: tokens.splice(position, 0, random.pick(VOCABULARY)); tokens.splice(random.int(tokens.length), 1);
      }
    }
    inputs.push(tokens.join(' '));
  }
  const generator = new TreeGenerator(new Random(98));
  for (let i = 0; i < 3000; i++) inputs.push(print([generator.statement()]));

  const diffs = new Map<string, string[]>();
  let same = 0;
  for (const sql of inputs) {
    const a = outcome(oldParse, sql);
    const b = outcome(parse, sql);
    if (a === b) { same++; continue; }
    const key = `${a.slice(0, 3)}->${b.slice(0, 3)} ${a.startsWith('ERR') ? a.split('|')[0] : ''}`;
    const list = diffs.get(key) ?? [];
    list.push(`${JSON.stringify(sql)}\n   old: ${a.slice(0, 260)}\n   new: ${b.slice(0, 260)}`);
    diffs.set(key, list);
  }
  console.log('inputs', inputs.length, 'same', same);
  for (const [key, list] of [...diffs].sort((x, y) => y[1].length - x[1].length)) {
    console.log(`== ${key}: ${list.length}`);
    for (const item of list.slice(0, 6)) console.log(item);
  }
}, 600_000);
