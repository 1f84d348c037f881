/**
 * Vitest global setup: finds or starts the Cassandra node that the integration tests use and
 * provides its contact points to the tests (read them through test/support/cassandra.ts).
 *
 * - CASSANDRA_CONTACT_POINTS set: the tests use that cluster and nothing is started.
 * - Otherwise a node already responding on 127.0.0.1:9042 is reused, or scripts/cassandra.mjs
 *   starts one. Teardown stops it only if this setup started it and CASSALYTICS_KEEP_CASSANDRA is
 *   unset.
 * - Java 17 or Maven missing: the Cassandra tests are skipped with one line of output, except when
 *   CI=true, where the setup fails.
 */
import fs from 'node:fs';
import type { TestProject } from 'vitest/node';
import { PrerequisiteError, startCassandra, stopCassandra } from '../../scripts/cassandra.mjs';
import { parseContactPoints } from '../../src/cassandra/options.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Comma-separated `host:port` contact points, or null when the Cassandra tests are skipped. */
    cassandraContactPoints: string | null;
    /** Why the Cassandra tests are skipped, or null when they run. */
    cassandraSkipReason: string | null;
  }
}

const log = (line: string): void => console.log(`[cassandra] ${line}`);

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const provide = (contactPoints: string | null, skipReason: string | null): void => {
    project.provide('cassandraContactPoints', contactPoints);
    project.provide('cassandraSkipReason', skipReason);
  };

  const configured = process.env.CASSANDRA_CONTACT_POINTS?.trim();
  if (configured) {
    provide(parseContactPoints(configured).join(','), null);
    return undefined;
  }

  if (!selectedFilesUseCassandra(project)) {
    provide(null, 'no selected test file uses Cassandra');
    return undefined;
  }

  let result;
  try {
    result = await startCassandra({ log });
  } catch (error) {
    if (!(error instanceof PrerequisiteError)) throw error;
    if (process.env.CI === 'true') throw error;
    console.log(`Cassandra integration tests are skipped: ${error.message}`);
    provide(null, error.message);
    return undefined;
  }
  provide(result.contactPoint, null);

  if (!result.started) return undefined;
  return async () => {
    if (process.env.CASSALYTICS_KEEP_CASSANDRA) {
      log(`Leaving the node running (pid ${result.pid}) because CASSALYTICS_KEEP_CASSANDRA is set.`);
      return;
    }
    // NOTE: another test run that reused this node while this run was going loses it here. Set
    // CASSALYTICS_KEEP_CASSANDRA when several runs share the node.
    await stopCassandra({ log });
  };
}

/**
 * Returns whether any test file of this run reads the Cassandra helpers or the provided contact
 * points, so that runs of unrelated tests start no JVM. Returns true when the file list is unknown.
 * NOTE: in watch mode the result for the first run also applies to later reruns.
 */
function selectedFilesUseCassandra(project: TestProject): boolean {
  let files: string[];
  try {
    files = project.vitest.state.getPaths();
  } catch {
    return true;
  }
  if (files.length === 0) return true;
  return files.some((file) => {
    try {
      const text = fs.readFileSync(file, 'utf8');
      return text.includes('support/cassandra') || text.includes('cassandraContactPoints');
    } catch {
      return true;
    }
  });
}
