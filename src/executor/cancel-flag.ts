/**
 * A cancellation flag shared between the coordinator and worker threads through a
 * SharedArrayBuffer. Workers check it between pages and partitions and stop their task, so a
 * cancelled query frees its workers without terminating the threads or their connections.
 */
export class CancelFlag {
  readonly cells: Int32Array;

  constructor(cells?: Int32Array) {
    this.cells = cells ?? new Int32Array(new SharedArrayBuffer(4));
  }

  cancel(): void {
    Atomics.store(this.cells, 0, 1);
  }

  get aborted(): boolean {
    return Atomics.load(this.cells, 0) === 1;
  }

  throwIfAborted(): void {
    if (this.aborted) throw new TaskCancelled();
  }
}

/** Thrown inside a worker when its query was cancelled; the coordinator has already moved on. */
export class TaskCancelled extends Error {
  constructor() {
    super('task cancelled');
  }
}

/** Cancellation check that readers consult to stop early: an AbortSignal or a CancelFlag. */
export interface CancelCheck {
  readonly aborted: boolean;
  throwIfAborted(): void;
}
