import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { TaskResult } from './fragment.js';
import type { WorkerRequest } from './worker.js';

/**
 * Path of the compiled worker script. Under a TypeScript runner (vitest) this module is the .ts
 * source, and worker threads need JavaScript, so the compiled copy under dist/ is used; `npm test`
 * builds it first.
 */
function workerFilename(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.js')) return fileURLToPath(new URL('./worker.js', import.meta.url));
  const compiled = here.replace(/[\\/]src[\\/]executor[\\/]pool\.ts$/, '/dist/src/executor/worker.js');
  if (!existsSync(compiled)) throw new Error(`compiled worker not found at ${compiled}: run npm run build`);
  return compiled;
}

/** The worker pool of one engine. Threads start on first use and stay until `close`. */
export class WorkerPool {
  private pool: Piscina | null = null;
  private size: number;

  constructor(size: number) {
    this.size = size;
  }

  get threads(): number {
    return this.size;
  }

  /** Changes the pool size; the next task starts a pool of the new size. */
  async resize(size: number): Promise<void> {
    if (size === this.size) return;
    this.size = size;
    await this.close();
  }

  run(request: WorkerRequest, signal?: AbortSignal): Promise<TaskResult> {
    if (!this.pool) {
      this.pool = new Piscina({
        filename: workerFilename(),
        minThreads: this.size,
        maxThreads: this.size,
        // A few queued tasks per thread keep every worker busy while the coordinator merges.
        maxQueue: 'auto',
        idleTimeout: 60_000,
      });
    }
    return this.pool.run(request, signal ? { signal } : {}) as Promise<TaskResult>;
  }

  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    await pool?.destroy();
  }
}
