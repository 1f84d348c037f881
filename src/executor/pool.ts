import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { TaskResult } from './fragment.js';
import type { WorkerRequest } from './worker.js';

/**
 * Returns the path of the compiled worker script. Under a TypeScript runner (vitest) this module
 * is the .ts source and worker threads need JavaScript, so the copy under dist/ is used. `npm test`
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
  /** Tasks not yet settled, including those of cancelled queries that are still stopping. */
  private readonly pending = new Set<Promise<unknown>>();

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

  run(request: WorkerRequest): Promise<TaskResult> {
    const transferList = request.rows ? [request.rows] : [];
    if (!this.pool) {
      this.pool = new Piscina({
        filename: workerFilename(),
        minThreads: this.size,
        maxThreads: this.size,
        // Each query bounds its own tasks in flight. Tasks of a cancelled query may still wait in
        // the queue and return at once when they start, so the queue itself is not bounded.
        maxQueue: Infinity,
        idleTimeout: 60_000,
      });
    }
    const task = this.pool.run(request, { transferList }) as Promise<TaskResult>;
    this.pending.add(task);
    const forget = () => this.pending.delete(task);
    task.then(forget, forget);
    return task;
  }

  /**
   * Waits for running tasks to stop (cancelled ones return at their next check), then ends the
   * threads. A task still busy after `graceMs`, such as one stuck evaluating a pathological
   * regular expression, has its thread terminated.
   */
  async close(graceMs = 2000): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
    await Promise.race([Promise.allSettled([...this.pending]), grace]);
    clearTimeout(timer);
    await pool?.destroy();
  }
}
