import { DEFAULT_KEYSPACE } from '../catalog/user-logs.js';
import { CassandraOptionError } from '../cassandra/options.js';
import { open, type Engine } from '../api/engine.js';
import type { Settings } from '../planner/settings.js';
import { defaultSampleDbPath } from '../store/paths.js';
import { UsageError } from './errors.js';
import { ensureSampleDb } from './sample.js';
import { cassandraConnection, chosenTarget, type TargetOptions } from './target.js';

/**
 * Opens an engine on the target the options choose: the --db file, the --cassandra cluster (or
 * CASSANDRA_CONTACT_POINTS), or with none of them the sample database, created first when missing.
 */
export async function openEngine(options: TargetOptions, settings: Settings, env: NodeJS.ProcessEnv = process.env): Promise<Engine> {
  const kind = chosenTarget(options, env);
  switch (kind) {
    case 'embedded':
      return open({ db: options.db!, settings });
    case 'cassandra': {
      let connection;
      try {
        connection = cassandraConnection(options, env);
      } catch (error) {
        if (error instanceof CassandraOptionError) throw new UsageError(error.message);
        throw error;
      }
      const keyspace = options.keyspace ?? env['CASSANDRA_KEYSPACE'] ?? DEFAULT_KEYSPACE;
      return open({ cassandra: { ...connection, keyspace }, settings });
    }
    case undefined: {
      const sample = defaultSampleDbPath(env);
      if (await ensureSampleDb(sample, process.stderr)) process.stderr.write(`created the sample database ${sample}\n`);
      return open({ db: sample, settings });
    }
  }
}
