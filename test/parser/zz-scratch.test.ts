import { test } from 'vitest';
import { parse, print } from '../../src/parser/index.js';
import { Random, TreeGenerator } from './random.js';

test('scratch timing', () => {
  const generator = new TreeGenerator(new Random(20240601));
  const texts: string[] = [];
  for (let i = 0; i < 3000; i++) texts.push(print([generator.statement()]));
  parse('SELECT 1');
  const times: [number, string][] = [];
  let total = 0;
  for (const text of texts) {
    const s = performance.now();
    parse(text);
    const d = performance.now() - s;
    total += d;
    times.push([d, text]);
  }
  times.sort((a, b) => b[0] - a[0]);
  console.log('total', total.toFixed(0), 'ms; lengths', texts.reduce((a, t) => a + t.length, 0));
  for (const [d, t] of times.slice(0, 5)) console.log(d.toFixed(1), t.length, t.slice(0, 300));
});
