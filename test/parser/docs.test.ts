import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { parse } from '../../src/parser/index.js';

const DOC = readFileSync(new URL('../../docs/sql.md', import.meta.url), 'utf8');
const SQL_BLOCKS = [...DOC.matchAll(/```sql\n([\s\S]*?)```/g)].map((match) => match[1]!);

test('docs/sql.md has sql examples', () => {
  expect(SQL_BLOCKS.length).toBeGreaterThan(20);
});

test.each(SQL_BLOCKS)('docs example parses: %s', (sql) => {
  expect(parse(sql).length).toBeGreaterThan(0);
});
