import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built command line; `npm test` builds it before the tests run. */
export const CLI = fileURLToPath(new URL('../../dist/src/cli/main.js', import.meta.url));

/** Runs the built CLI and returns its standard output; throws with its stderr when it fails. */
export function runCli(args: readonly string[]): string {
  return execFileSync(process.execPath, [CLI, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Generates a deterministic embedded store in a fresh temporary folder and returns its path. */
export function generateEmbeddedStore(events: number, extra: readonly string[] = []): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'cassalytics-')), 'events.db');
  runCli(['generate', '--db', file, '--events', String(events), '--seed', '7', ...extra]);
  return file;
}

/** Generates the same deterministic events into a Cassandra keyspace. */
export function generateIntoCassandra(contactPoints: readonly string[], keyspace: string, events: number, extra: readonly string[] = []): void {
  runCli(['generate', '--cassandra', contactPoints.join(','), '--keyspace', keyspace, '--events', String(events), '--seed', '7', ...extra]);
}
