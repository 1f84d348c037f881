import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

interface PackEntry {
  readonly path: string;
}

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Files `npm pack` would publish, from its dry run; `npm test` builds dist/ first. */
function packedFiles(): string[] {
  const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
  const [pack] = JSON.parse(output) as { files: PackEntry[] }[];
  return pack!.files.map((f) => f.path);
}

test('npm package holds the build, reports and docs only', () => {
  const files = packedFiles();
  expect(files).toContain('dist/src/index.js');
  expect(files).toContain('dist/src/index.d.ts');
  expect(files).toContain('dist/src/cli/main.js');
  expect(files).toContain('dist/src/executor/worker.js');
  expect(files).toContain('queries/add_to_cart_per_day.sql');
  expect(files).toContain('README.md');
  expect(files.filter((f) => /(^|\/)test\//.test(f) || /\.test\.[jt]sx?$/.test(f))).toEqual([]);
  expect(files.filter((f) => /\.(db|csv|ndjson|gz|sqlite)$/.test(f))).toEqual([]);
  expect(files.filter((f) => /(^|\/)\.(env|npmrc)|password|secret|\.pem$|\.key$/i.test(f))).toEqual([]);
  expect(files.filter((f) => f.startsWith('bench/') || f.startsWith('dist/bench/') || f.startsWith('.cassandra/'))).toEqual([]);
});

test('public entry exports only the API', async () => {
  const api = await import('../../src/index.js');
  expect(Object.keys(api).sort()).toEqual(['CancelledError', 'CassalyticsError', 'Engine', 'ExecutionError', 'ParseError', 'PlanError', 'QueryResult', 'ResourceLimitError', 'open', 'parse']);
});
