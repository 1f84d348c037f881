#!/usr/bin/env node
/**
 * Runs a local single-node Apache Cassandra 5.0 for development and integration tests.
 *
 *   node scripts/cassandra.mjs start | stop | status
 *
 * Everything it creates lives under `.cassandra/` at the repository root: `lib/` (jars resolved with
 * Maven from scripts/cassandra/pom.xml), `conf/`, `data/`, `logs/` and `cassandra.pid`. The node
 * listens on 127.0.0.1 only, CQL on port 9042 and internode traffic on port 7000.
 *
 * The functions are exported for test/setup/cassandra.ts; scripts/cassandra.d.mts declares their types.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import cassandra from 'cassandra-driver';

export const HOST = '127.0.0.1';
export const CQL_PORT = 9042;
export const STORAGE_PORT = 7000;
export const CONTACT_POINT = `${HOST}:${CQL_PORT}`;

export const DEFAULT_START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 60_000;
const PROGRESS_INTERVAL_MS = 10_000;
const POLL_INTERVAL_MS = 1_000;
const LOG_TAIL_LINES = 30;
const INSTALL_HINT = 'apt-get install openjdk-17-jdk-headless maven';
const DEBIAN_JDK17_HOME = '/usr/lib/jvm/java-17-openjdk-amd64';
const MAIN_CLASS = 'org.apache.cassandra.service.CassandraDaemon';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const baseDir = path.join(repoRoot, '.cassandra');

/** Locations of everything the script creates, all under `.cassandra/`. */
export const PATHS = Object.freeze({
  pom: path.join(repoRoot, 'scripts', 'cassandra', 'pom.xml'),
  base: baseDir,
  lib: path.join(baseDir, 'lib'),
  libPartial: path.join(baseDir, 'lib.partial'),
  conf: path.join(baseDir, 'conf'),
  yaml: path.join(baseDir, 'conf', 'cassandra.yaml'),
  logback: path.join(baseDir, 'conf', 'logback.xml'),
  data: path.join(baseDir, 'data'),
  logs: path.join(baseDir, 'logs'),
  triggers: path.join(baseDir, 'triggers'),
  systemLog: path.join(baseDir, 'logs', 'system.log'),
  stdoutLog: path.join(baseDir, 'logs', 'stdout.log'),
  pidFile: path.join(baseDir, 'cassandra.pid'),
  lockFile: path.join(baseDir, 'start.lock'),
});

/** Raised when Java 17 or Maven is missing. The message names the package to install. */
export class PrerequisiteError extends Error {
  constructor(message) {
    super(message);
    this.name = 'PrerequisiteError';
  }
}

// ---------------------------------------------------------------------------------------------
// Prerequisites
// ---------------------------------------------------------------------------------------------

/** Returns the cassandra-all version pinned in scripts/cassandra/pom.xml. */
export function pinnedCassandraVersion() {
  const pom = fs.readFileSync(PATHS.pom, 'utf8');
  const match = /<cassandra\.version>\s*([^<\s]+)\s*<\/cassandra\.version>/.exec(pom);
  if (!match) throw new Error(`${PATHS.pom} has no <cassandra.version> property`);
  return match[1];
}

function findOnPath(command) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, command);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // Not in this directory.
    }
  }
  return null;
}

/** Runs a command and collects its output. The exit code is null when the command could not start. */
function runCommand(command, args, options = {}) {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', () => resolve({ code: null, output }));
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** Returns the major version that `java -version` reports, or null when the binary does not run. */
async function javaMajorVersion(javaBin) {
  const { code, output } = await runCommand(javaBin, ['-version']);
  if (code !== 0) return null;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(output);
  if (!match) return null;
  const first = Number(match[1]);
  // Java 8 and older report "1.8.0_..." and the major version is the second number.
  return first === 1 ? Number(match[2]) : first;
}

/**
 * Finds a Java 17 runtime: JAVA_HOME when it is 17, then the Debian JDK 17 directory, then `java`
 * on PATH. Cassandra 5.0 supports Java 11 and 17, and Java 24 and later fail at startup because
 * Cassandra installs a security manager, so any other version is skipped.
 * Returns `{ javaBin, javaHome }` or throws PrerequisiteError listing what was checked.
 */
export async function findJava17() {
  const candidates = [];
  if (process.env.JAVA_HOME) {
    candidates.push({ label: `JAVA_HOME=${process.env.JAVA_HOME}`, bin: path.join(process.env.JAVA_HOME, 'bin', 'java') });
  }
  candidates.push({ label: DEBIAN_JDK17_HOME, bin: path.join(DEBIAN_JDK17_HOME, 'bin', 'java') });
  const onPath = findOnPath('java');
  if (onPath) candidates.push({ label: `java on PATH (${onPath})`, bin: onPath });

  const checked = [];
  for (const candidate of candidates) {
    if (!fs.existsSync(candidate.bin)) {
      checked.push(`${candidate.label}: not found`);
      continue;
    }
    const major = await javaMajorVersion(candidate.bin);
    if (major === 17) {
      const javaBin = fs.realpathSync(candidate.bin);
      return { javaBin, javaHome: path.dirname(path.dirname(javaBin)) };
    }
    checked.push(`${candidate.label}: ${major === null ? 'does not run' : `Java ${major}`}`);
  }
  if (!onPath) checked.push('java on PATH: not found');
  throw new PrerequisiteError(
    `Java 17 not found (${checked.join('; ')}). Cassandra 5.0 needs Java 17 here and fails to start ` +
      `on Java 24 and later. Install it with \`${INSTALL_HINT}\` or set JAVA_HOME to a JDK 17.`,
  );
}

/** Returns the path of `mvn`, or throws PrerequisiteError. */
export async function findMaven() {
  const mvn = findOnPath('mvn');
  if (mvn && (await runCommand(mvn, ['-v'])).code === 0) return mvn;
  throw new PrerequisiteError(
    `Maven not found (\`mvn\` is ${mvn ? 'on PATH but fails to run' : 'not on PATH'}); it resolves the ` +
      `Cassandra jars into .cassandra/lib. Install it with \`${INSTALL_HINT}\`.`,
  );
}

function jarsResolved(version) {
  return fs.existsSync(path.join(PATHS.lib, `cassandra-all-${version}.jar`));
}

/**
 * Returns why a local node cannot be started (Java 17 missing, or Maven missing while the jars are
 * not resolved yet), or null when everything needed is installed.
 */
export async function missingPrerequisites() {
  try {
    await findJava17();
    if (!jarsResolved(pinnedCassandraVersion())) await findMaven();
    return null;
  } catch (error) {
    if (error instanceof PrerequisiteError) return error.message;
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Jars and configuration
// ---------------------------------------------------------------------------------------------

async function resolveJars(version, javaHome, log) {
  const mvn = await findMaven();
  fs.rmSync(PATHS.libPartial, { recursive: true, force: true });
  log(`Resolving org.apache.cassandra:cassandra-all:${version} and its runtime dependencies with Maven into .cassandra/lib ...`);
  const startedAt = Date.now();
  const { code, output } = await runCommand(
    mvn,
    [
      '-q',
      '-B',
      '-f',
      PATHS.pom,
      'dependency:copy-dependencies',
      '-DincludeScope=runtime',
      `-DoutputDirectory=${PATHS.libPartial}`,
    ],
    { env: { ...process.env, JAVA_HOME: javaHome } },
  );
  if (code !== 0 || !fs.existsSync(path.join(PATHS.libPartial, `cassandra-all-${version}.jar`))) {
    const tail = output.trimEnd().split('\n').slice(-40).join('\n');
    throw new Error(`Maven failed to resolve cassandra-all ${version} (exit code ${code}):\n${tail}`);
  }
  fs.rmSync(PATHS.lib, { recursive: true, force: true });
  fs.renameSync(PATHS.libPartial, PATHS.lib);
  const jarCount = fs.readdirSync(PATHS.lib).filter((name) => name.endsWith('.jar')).length;
  log(`Resolved ${jarCount} jars in ${seconds(Date.now() - startedAt)} s.`);
}

// Four tokens spread evenly over the Murmur3 range give the node four token ranges, so code that
// splits scans by token range is exercised on more than one range.
const INITIAL_TOKENS = ['-6917529027641081856', '-2305843009213693952', '2305843009213693952', '6917529027641081856'];

function cassandraYaml() {
  // JSON strings are valid YAML double-quoted scalars, so paths need no further escaping.
  const dir = (name) => JSON.stringify(path.join(PATHS.data, name));
  return `# Written by scripts/cassandra.mjs on every start; edits are overwritten.
cluster_name: "cassalytics local"
num_tokens: ${INITIAL_TOKENS.length}
initial_token: "${INITIAL_TOKENS.join(',')}"
partitioner: org.apache.cassandra.dht.Murmur3Partitioner
endpoint_snitch: SimpleSnitch
seed_provider:
  - class_name: org.apache.cassandra.locator.SimpleSeedProvider
    parameters:
      - seeds: "${HOST}:${STORAGE_PORT}"
listen_address: ${HOST}
rpc_address: ${HOST}
storage_port: ${STORAGE_PORT}
native_transport_port: ${CQL_PORT}
start_native_transport: true
data_file_directories:
  - ${dir('data')}
commitlog_directory: ${dir('commitlog')}
saved_caches_directory: ${dir('saved_caches')}
hints_directory: ${dir('hints')}
cdc_raw_directory: ${dir('cdc_raw')}
commitlog_sync: periodic
commitlog_sync_period: 10s
commitlog_segment_size: 5MiB
auto_snapshot: false
incremental_backups: false
memtable_allocation_type: heap_buffers
disk_access_mode: standard
cdc_enabled: false
`;
}

function logbackXml() {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by scripts/cassandra.mjs on every start; edits are overwritten. -->
<configuration scan="false">
  <appender name="SYSTEMLOG" class="ch.qos.logback.core.rolling.RollingFileAppender">
    <file>\${cassandra.logdir}/system.log</file>
    <rollingPolicy class="ch.qos.logback.core.rolling.FixedWindowRollingPolicy">
      <fileNamePattern>\${cassandra.logdir}/system.log.%i</fileNamePattern>
      <minIndex>1</minIndex>
      <maxIndex>3</maxIndex>
    </rollingPolicy>
    <triggeringPolicy class="ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy">
      <maxFileSize>20MB</maxFileSize>
    </triggeringPolicy>
    <encoder>
      <pattern>%-5level [%thread] %date{ISO8601} %F:%L - %msg%n</pattern>
    </encoder>
  </appender>
  <root level="INFO">
    <appender-ref ref="SYSTEMLOG"/>
  </root>
</configuration>
`;
}

function writeConfig() {
  for (const dir of [PATHS.conf, PATHS.data, PATHS.logs, PATHS.triggers]) fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(PATHS.yaml, cassandraYaml());
  fs.writeFileSync(PATHS.logback, logbackXml());
}

// Module exports and opens that Cassandra 5.0 needs on Java 17. Without any one of them, startup or
// a later code path fails with IllegalAccessError or InaccessibleObjectException.
const ADD_EXPORTS = [
  'java.base/jdk.internal.misc',
  'java.base/java.lang.ref',
  'java.management.rmi/com.sun.jmx.remote.internal.rmi',
  'java.rmi/sun.rmi.registry',
  'java.rmi/sun.rmi.server',
  'java.sql/java.sql',
  'jdk.unsupported/sun.misc',
  'jdk.compiler/com.sun.tools.javac.file',
  'jdk.attach/sun.tools.attach',
  'java.management/com.sun.jmx.remote.security',
];
const ADD_OPENS = [
  'java.base/java.lang.module',
  'java.base/jdk.internal.loader',
  'java.base/jdk.internal.ref',
  'java.base/jdk.internal.reflect',
  'java.base/jdk.internal.math',
  'java.base/jdk.internal.module',
  'java.base/jdk.internal.util.jar',
  'java.base/sun.nio.ch',
  'java.base/java.io',
  'java.base/java.lang.reflect',
  'java.base/java.lang',
  'java.base/java.util',
  'java.base/java.nio',
  'jdk.management/com.sun.management.internal',
  'jdk.compiler/com.sun.tools.javac',
];

function jvmArguments() {
  const args = [
    '-Xms1G',
    '-Xmx1G',
    // A node that ran out of heap may have lost writes, so it exits and the tests fail instead of hanging.
    '-XX:+ExitOnOutOfMemoryError',
    '-Djdk.attach.allowAttachSelf=true',
    '-Djava.net.preferIPv4Stack=true',
    '-Dio.netty.tryReflectionSetAccessible=true',
    ...ADD_EXPORTS.flatMap((name) => ['--add-exports', `${name}=ALL-UNNAMED`]),
    ...ADD_OPENS.flatMap((name) => ['--add-opens', `${name}=ALL-UNNAMED`]),
  ];
  // With jamm as an agent Cassandra measures object sizes with it instead of falling back to Unsafe.
  const jamm = fs.readdirSync(PATHS.lib).find((name) => /^jamm-[\d.]+\.jar$/.test(name));
  if (jamm) args.push(`-javaagent:${path.join(PATHS.lib, jamm)}`);
  args.push(
    `-Dcassandra.config=${pathToFileURL(PATHS.yaml).href}`,
    `-Dcassandra.storagedir=${PATHS.data}`,
    `-Dcassandra.logdir=${PATHS.logs}`,
    `-Dcassandra.triggers_dir=${PATHS.triggers}`,
    `-Dlogback.configurationFile=${PATHS.logback}`,
    // Without this Cassandra closes stdout and stderr, and JVM errors before logging starts are lost.
    '-Dcassandra-foreground=yes',
    // A single node has no peers to wait for, so these skip the delays meant for joining a ring.
    '-Dcassandra.skip_wait_for_gossip_to_settle=0',
    '-Dcassandra.ring_delay_ms=1000',
    '-Dcassandra.superuser_setup_delay_ms=1000',
    '-Dcassandra.load_ring_state=false',
    '-cp',
    `${PATHS.lib}${path.sep}*`,
    MAIN_CLASS,
  );
  return args;
}

// ---------------------------------------------------------------------------------------------
// Processes, ports and probing
// ---------------------------------------------------------------------------------------------

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function seconds(ms) {
  return (ms / 1000).toFixed(1);
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if (error.code === 'EPERM') return true;
    return false;
  }
  // A child that exited but was not reaped yet still accepts signal 0.
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

/** Returns whether `pid` is a live Cassandra started with this script's configuration. */
function isOurCassandra(pid) {
  if (!isAlive(pid)) return false;
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes(MAIN_CLASS) && cmdline.includes(PATHS.yaml);
  } catch {
    // No /proc on this system: trust the pid file.
    return true;
  }
}

function readPid() {
  try {
    const pid = Number.parseInt(fs.readFileSync(PATHS.pidFile, 'utf8').trim(), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Resolves true when nothing listens on HOST:port, false on EADDRINUSE. */
function isPortFree(port) {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (error) => {
      if (error.code === 'EADDRINUSE') resolve(false);
      else reject(error);
    });
    server.listen({ host: HOST, port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * Runs `SELECT release_version FROM system.local` on HOST:9042.
 * Resolves `{ ok: true, version }` or `{ ok: false, reason }` and never rejects.
 */
export async function probeCassandra(contactPoint = CONTACT_POINT) {
  const client = new cassandra.Client({
    contactPoints: [contactPoint],
    // Round robin needs no data-center name, which a probe cannot know in advance.
    policies: { loadBalancing: new cassandra.policies.loadBalancing.RoundRobinPolicy() },
    protocolOptions: { maxVersion: 4 },
    socketOptions: { connectTimeout: 2_000, readTimeout: 5_000 },
    pooling: { warmup: false },
  });
  try {
    const result = await client.execute('SELECT release_version FROM system.local');
    return { ok: true, version: String(result.first()?.get('release_version') ?? 'unknown') };
  } catch (error) {
    return { ok: false, reason: shortReason(error) };
  } finally {
    await client.shutdown().catch(() => {});
  }
}

function shortReason(error) {
  const inner = error?.innerErrors ? Object.values(error.innerErrors)[0] : undefined;
  const message = inner?.message ?? error?.message ?? String(error);
  return message.split('\n')[0];
}

/** Returns the last `count` lines of `file` after byte `offset`, or null when there are none. */
function tailLines(file, count, offset = 0) {
  try {
    const text = fs.readFileSync(file).subarray(offset).toString('utf8').trimEnd();
    return text === '' ? null : text.split('\n').slice(-count).join('\n');
  } catch {
    return null;
  }
}

function fileSize(file) {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/** Returns the last log lines for an error message. `systemLogOffset` skips the output of earlier runs. */
function logTail(systemLogOffset = 0) {
  const parts = [];
  const system = tailLines(PATHS.systemLog, LOG_TAIL_LINES, systemLogOffset);
  if (system) parts.push(`Last ${LOG_TAIL_LINES} lines of ${PATHS.systemLog}:\n${system}`);
  const stdout = tailLines(PATHS.stdoutLog, LOG_TAIL_LINES);
  if (stdout) parts.push(`Last ${LOG_TAIL_LINES} lines of ${PATHS.stdoutLog}:\n${stdout}`);
  return parts.length > 0 ? parts.join('\n') : `No log output in ${PATHS.logs}.`;
}

/**
 * Polls CQL until the node responds, the process exits or the timeout passes.
 * `hasExited` reports an exit that this process observed as the parent.
 */
async function waitUntilReady(pid, timeoutMs, log, { hasExited = () => false, systemLogOffset = 0 } = {}) {
  const startedAt = Date.now();
  let nextProgress = startedAt + PROGRESS_INTERVAL_MS;
  for (;;) {
    const probe = await probeCassandra();
    if (probe.ok) return probe.version;
    if (hasExited() || !isAlive(pid)) {
      throw new Error(`Cassandra (pid ${pid}) exited before it responded to CQL on ${CONTACT_POINT}.\n${logTail(systemLogOffset)}`);
    }
    const now = Date.now();
    if (now - startedAt >= timeoutMs) {
      throw new Error(
        `Cassandra (pid ${pid}) did not respond to CQL on ${CONTACT_POINT} within ${seconds(timeoutMs)} s ` +
          `(last probe: ${probe.reason}). The process is still running; stop it with ` +
          `\`npm run cassandra:stop\`.\n${logTail(systemLogOffset)}`,
      );
    }
    if (now >= nextProgress) {
      log(`  waiting for CQL on ${CONTACT_POINT}: ${seconds(now - startedAt)} s elapsed`);
      nextProgress += PROGRESS_INTERVAL_MS;
    }
    await sleep(POLL_INTERVAL_MS);
  }
}

/**
 * Takes `.cassandra/start.lock` so that two concurrent starts (two test runs, say) do not both
 * launch a JVM. Waits while a live process holds the lock, and removes a lock whose holder is gone.
 * Returns a function that releases the lock.
 */
async function acquireStartLock(timeoutMs, log) {
  fs.mkdirSync(PATHS.base, { recursive: true });
  const startedAt = Date.now();
  let reported = false;
  for (;;) {
    try {
      const fd = fs.openSync(PATHS.lockFile, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      return () => fs.rmSync(PATHS.lockFile, { force: true });
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    const holder = Number.parseInt(fs.readFileSync(PATHS.lockFile, 'utf8').trim(), 10);
    if (!Number.isSafeInteger(holder) || !isAlive(holder)) {
      fs.rmSync(PATHS.lockFile, { force: true });
      continue;
    }
    if (!reported) {
      log(`Another start (pid ${holder}) holds ${PATHS.lockFile}; waiting for it to finish.`);
      reported = true;
    }
    if (Date.now() - startedAt > timeoutMs) {
      throw new Error(`Timed out after ${seconds(timeoutMs)} s waiting for the start in pid ${holder} to finish.`);
    }
    await sleep(POLL_INTERVAL_MS);
  }
}

// ---------------------------------------------------------------------------------------------
// Commands
// ---------------------------------------------------------------------------------------------

/**
 * Starts the local node, or reuses a node that already responds on 127.0.0.1:9042.
 * Resolves `{ contactPoint, version, started, pid }`, where `started` is true only when this call
 * launched the JVM. Throws PrerequisiteError when Java 17 or Maven is missing, and Error otherwise.
 */
export async function startCassandra({ log = console.log, timeoutMs = DEFAULT_START_TIMEOUT_MS } = {}) {
  const existing = await probeCassandra();
  if (existing.ok) {
    log(`Reusing the Cassandra ${existing.version} node that already responds on ${CONTACT_POINT}.`);
    return { contactPoint: CONTACT_POINT, version: existing.version, started: false, pid: readPid() };
  }

  const { javaBin, javaHome } = await findJava17();
  const version = pinnedCassandraVersion();
  const releaseLock = await acquireStartLock(timeoutMs, log);
  try {
    // A concurrent start may have finished while this one waited for the lock.
    const afterWait = await probeCassandra();
    if (afterWait.ok) {
      log(`Reusing the Cassandra ${afterWait.version} node that already responds on ${CONTACT_POINT}.`);
      return { contactPoint: CONTACT_POINT, version: afterWait.version, started: false, pid: readPid() };
    }

    const previousPid = readPid();
    if (previousPid !== null && isOurCassandra(previousPid)) {
      log(`Cassandra from an earlier start (pid ${previousPid}) is running but not responding yet; waiting for it.`);
      const readyVersion = await waitUntilReady(previousPid, timeoutMs, log);
      log(`Cassandra ${readyVersion} responds on ${CONTACT_POINT} (pid ${previousPid}).`);
      return { contactPoint: CONTACT_POINT, version: readyVersion, started: false, pid: previousPid };
    }
    fs.rmSync(PATHS.pidFile, { force: true });

    for (const port of [CQL_PORT, STORAGE_PORT]) {
      if (!(await isPortFree(port))) {
        throw new Error(
          `Port ${port} on ${HOST} is already in use, but no Cassandra responds to CQL on ${CONTACT_POINT} ` +
            `(${existing.reason}). Stop the process that listens on it (\`ss -ltnp 'sport = :${port}'\` ` +
            `names it), or run the tests against another cluster with CASSANDRA_CONTACT_POINTS.`,
        );
      }
    }

    if (jarsResolved(version)) {
      log(`Using the Cassandra ${version} jars in .cassandra/lib.`);
    } else {
      await resolveJars(version, javaHome, log);
    }
    writeConfig();
    return await launch(javaBin, javaHome, version, timeoutMs, log);
  } finally {
    releaseLock();
  }
}

async function launch(javaBin, javaHome, version, timeoutMs, log) {
  const systemLogOffset = fileSize(PATHS.systemLog);
  const stdoutFd = fs.openSync(PATHS.stdoutLog, 'w');
  let exited = false;
  let child;
  try {
    child = spawn(javaBin, jvmArguments(), {
      cwd: PATHS.base,
      detached: true,
      stdio: ['ignore', stdoutFd, stdoutFd],
      env: { ...process.env, JAVA_HOME: javaHome },
    });
  } finally {
    fs.closeSync(stdoutFd);
  }
  child.on('exit', () => (exited = true));
  child.on('error', () => (exited = true));
  child.unref();
  if (child.pid === undefined) {
    throw new Error(`Failed to start ${javaBin}.\n${logTail()}`);
  }
  fs.writeFileSync(PATHS.pidFile, `${child.pid}\n`);

  const startedAt = Date.now();
  log(`Starting Cassandra ${version} with ${javaBin} (pid ${child.pid}); logs in ${PATHS.logs}.`);
  const readyVersion = await waitUntilReady(child.pid, timeoutMs, log, { hasExited: () => exited, systemLogOffset });
  log(`Cassandra ${readyVersion} responds on ${CONTACT_POINT} (pid ${child.pid}, boot took ${seconds(Date.now() - startedAt)} s).`);
  return { contactPoint: CONTACT_POINT, version: readyVersion, started: true, pid: child.pid };
}

/**
 * Stops the node whose pid is in `.cassandra/cassandra.pid`: SIGTERM, then SIGKILL after 60 s.
 * Resolves true when a process was stopped. A node that this script did not start is left alone.
 */
export async function stopCassandra({ log = console.log } = {}) {
  const pid = readPid();
  if (pid === null || !isOurCassandra(pid)) {
    fs.rmSync(PATHS.pidFile, { force: true });
    const probe = await probeCassandra();
    log(
      probe.ok
        ? `A Cassandra node responds on ${CONTACT_POINT}, but this script did not start it; leaving it running.`
        : `No Cassandra started by this script is running.`,
    );
    return false;
  }

  const startedAt = Date.now();
  log(`Stopping Cassandra (pid ${pid}) ...`);
  process.kill(pid, 'SIGTERM');
  let nextProgress = startedAt + PROGRESS_INTERVAL_MS;
  while (isAlive(pid) && Date.now() - startedAt < STOP_TIMEOUT_MS) {
    if (Date.now() >= nextProgress) {
      log(`  waiting for pid ${pid} to exit: ${seconds(Date.now() - startedAt)} s elapsed`);
      nextProgress += PROGRESS_INTERVAL_MS;
    }
    await sleep(200);
  }
  if (isAlive(pid)) {
    log(`Cassandra (pid ${pid}) did not exit within ${seconds(STOP_TIMEOUT_MS)} s of SIGTERM; sending SIGKILL.`);
    process.kill(pid, 'SIGKILL');
    while (isAlive(pid)) await sleep(200);
  }
  fs.rmSync(PATHS.pidFile, { force: true });
  log(`Cassandra stopped after ${seconds(Date.now() - startedAt)} s.`);
  return true;
}

/** Prints whether a node responds on 127.0.0.1:9042, and resolves true when it does. */
export async function cassandraStatus({ log = console.log } = {}) {
  const probe = await probeCassandra();
  const pid = readPid();
  const ours = pid !== null && isOurCassandra(pid);
  if (probe.ok) {
    const owner = ours ? `started by this script, pid ${pid}` : 'not started by this script';
    log(`Cassandra ${probe.version} responds on ${CONTACT_POINT} (${owner}).`);
    return true;
  }
  log(`No Cassandra responds on ${CONTACT_POINT} (${probe.reason}).`);
  if (ours) log(`Process ${pid} from ${PATHS.pidFile} is running: still starting, or hung (see ${PATHS.systemLog}).`);
  return false;
}

async function main(argv) {
  const command = argv[0];
  switch (command) {
    case 'start':
      await startCassandra();
      return 0;
    case 'stop':
      await stopCassandra();
      return 0;
    case 'status':
      return (await cassandraStatus()) ? 0 : 1;
    default:
      console.error(`Usage: node scripts/cassandra.mjs start|stop|status${command ? ` (unknown command "${command}")` : ''}`);
      return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
