import { Command } from 'commander';
import { userLogsTable } from '../../catalog/user-logs.js';
import {
  addReplicationOptions,
  addTargetOptions,
  closeTarget,
  describeTarget,
  ensureTable,
  findTable,
  openTarget,
  replicationFrom,
  type TargetOptions,
} from '../target.js';

interface InitCommandOptions extends TargetOptions {
  readonly table: string;
  readonly replicationFactor?: number;
  readonly dataCenter?: string[];
}

export function initCommand(): Command {
  const command = new Command('init')
    .summary('create the user_logs table (and Cassandra keyspace)')
    .description(
      'Create the user_logs table (and in Cassandra its keyspace) unless it exists. ' +
        'An existing keyspace keeps its replication settings.',
    )
    .option('--table <name>', 'name of the table', 'user_logs');
  addTargetOptions(command);
  addReplicationOptions(command);
  return command.action(async (options: InitCommandOptions) => runInit(options));
}

async function runInit(options: InitCommandOptions): Promise<void> {
  const replication = replicationFrom(options);
  const target = await openTarget(options);
  try {
    const existed = (await findTable(target, options.table)) !== undefined;
    await ensureTable(target, userLogsTable(target.keyspace, options.table), replication);
    const verb = existed ? 'already exists' : 'created';
    process.stdout.write(`table ${options.table} ${verb} in ${describeTarget(target)}\n`);
  } finally {
    await closeTarget(target);
  }
}
