import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { render } from 'ink-testing-library';
import { open, type Engine } from '../../src/api/engine.js';
import { ReplApp } from '../../repl/app.js';
import { ReplController, type ReplOptions } from '../../repl/session/controller.js';
import type { ReplEngine } from '../../repl/engine-port.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = path.join(ROOT, 'dist/src/cli/main.js');

/** Key sequences as a terminal sends them. */
export const KEYS = {
  enter: '\r',
  altEnter: '\u001b\r',
  tab: '\t',
  up: '\u001b[A',
  down: '\u001b[B',
  right: '\u001b[C',
  left: '\u001b[D',
  backspace: '\u007f',
  ctrlA: '\u0001',
  ctrlC: '\u0003',
  ctrlD: '\u0004',
  ctrlE: '\u0005',
  ctrlK: '\u000b',
  ctrlR: '\u0012',
  ctrlU: '\u0015',
  ctrlW: '\u0017',
  escape: '\u001b',
} as const;

export function temporaryDirectory(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `cassalytics-repl-${prefix}-`));
}

/**
 * Generates a small embedded store with the built command line's generate command: 2 stores,
 * 2 days, about 3,000 events.
 */
export function generateStore(directory: string, name = 'events.db'): string {
  const db = path.join(directory, name);
  execFileSync(process.execPath, [CLI, 'generate', '--db', db, '--events', '3000', '--days', '2', '--stores', '2', '--start', '2026-03-01'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return db;
}

export async function openStore(db: string): Promise<Engine> {
  return open({ db, settings: { workers: 1 } });
}

/** A shell rendered with ink-testing-library, and helpers to type into it and wait for output. */
export interface RenderedRepl {
  readonly controller: ReplController;
  readonly frame: () => string;
  readonly frames: () => readonly string[];
  /** Writes a key sequence or text to the shell's standard input, then lets ink handle it. */
  readonly press: (...sequences: string[]) => Promise<void>;
  /** Types `text` and presses Enter. */
  readonly submit: (text: string) => Promise<void>;
  /** Waits until `predicate` holds for the last frame; fails with the frame after `timeoutMs`. */
  readonly waitFor: (predicate: (frame: string) => boolean, timeoutMs?: number) => Promise<string>;
  readonly unmount: () => void;
}

export function renderRepl(engine: ReplEngine, options: ReplOptions & { columns?: number } = {}): RenderedRepl {
  const controller = new ReplController(engine, { historyFile: null, color: false, ...options });
  const columns = options.columns ?? 80;
  const instance = render(<ReplApp controller={controller} columns={columns} />);
  const frame = (): string => instance.lastFrame() ?? '';
  const press = async (...sequences: string[]): Promise<void> => {
    for (const sequence of sequences) {
      instance.stdin.write(sequence);
      // ink parses input and re-renders on later ticks.
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  const waitFor = async (predicate: (frame: string) => boolean, timeoutMs = 15_000): Promise<string> => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const current = frame();
      if (predicate(current)) return current;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`timed out after ${timeoutMs} ms; last frame:\n${frame()}`);
  };
  return {
    controller,
    frame,
    frames: () => instance.frames,
    press,
    submit: (text) => press(text, KEYS.enter),
    waitFor,
    unmount: () => instance.unmount(),
  };
}
