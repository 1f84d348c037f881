/** Types of scripts/cassandra.mjs for TypeScript callers such as test/setup/cassandra.ts. */

export declare const HOST: string;
export declare const CQL_PORT: number;
export declare const STORAGE_PORT: number;
export declare const CONTACT_POINT: string;
export declare const DEFAULT_START_TIMEOUT_MS: number;

export declare const PATHS: Readonly<{
  pom: string;
  base: string;
  lib: string;
  libPartial: string;
  conf: string;
  yaml: string;
  logback: string;
  data: string;
  logs: string;
  triggers: string;
  systemLog: string;
  stdoutLog: string;
  pidFile: string;
  lockFile: string;
}>;

export declare class PrerequisiteError extends Error {
  constructor(message: string);
}

export type LogFunction = (line: string) => void;

export interface StartResult {
  /** `127.0.0.1:9042`. */
  contactPoint: string;
  /** release_version reported by the node. */
  version: string;
  /** True only when this call launched the JVM. */
  started: boolean;
  /** Pid from `.cassandra/cassandra.pid`, or null for a node this script did not start. */
  pid: number | null;
}

export type ProbeResult = { ok: true; version: string } | { ok: false; reason: string };

export declare function pinnedCassandraVersion(): string;
export declare function findJava17(): Promise<{ javaBin: string; javaHome: string }>;
export declare function findMaven(): Promise<string>;
export declare function missingPrerequisites(): Promise<string | null>;
export declare function probeCassandra(contactPoint?: string): Promise<ProbeResult>;
export declare function startCassandra(options?: { log?: LogFunction; timeoutMs?: number }): Promise<StartResult>;
export declare function stopCassandra(options?: { log?: LogFunction }): Promise<boolean>;
export declare function cassandraStatus(options?: { log?: LogFunction }): Promise<boolean>;
