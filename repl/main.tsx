import { render } from 'ink';
import type { StartRepl } from '../src/cli/repl-hook.js';
import { ReplApp } from './app.js';
import type { ReplEngine } from './engine-port.js';
import { ReplController, type ReplOptions } from './session/controller.js';

export interface StartReplOptions extends ReplOptions {
  /** Streams of the terminal; process.stdin and process.stdout by default. Both must be TTYs. */
  readonly stdin?: NodeJS.ReadStream;
  readonly stdout?: NodeJS.WriteStream;
}

/** Maximum wait, in ms, for a cancelled statement to stop when the shell quits. */
const SHUTDOWN_WAIT_MS = 2000;

/**
 * Runs the interactive shell on `engine` until the user quits, then closes the engine (and any
 * engine opened later with `\connect`). Rendering uses ink with exitOnCtrlC off, because Ctrl-C
 * cancels the running query instead of quitting.
 */
export async function startRepl(engine: ReplEngine, options: StartReplOptions = {}): Promise<void> {
  const controller = new ReplController(engine, options);
  controller.print({ kind: 'notice', text: `cassalytics on ${engine.targetDescription}. End statements with ;, \\help lists commands, \\q quits.` });
  const instance = render(<ReplApp controller={controller} />, {
    exitOnCtrlC: false,
    patchConsole: false,
    ...(options.stdin === undefined ? {} : { stdin: options.stdin }),
    ...(options.stdout === undefined ? {} : { stdout: options.stdout }),
  });
  try {
    await controller.waitForExit();
    await Promise.race([controller.idle(), new Promise((resolve) => setTimeout(resolve, SHUTDOWN_WAIT_MS).unref())]);
  } finally {
    instance.unmount();
    await controller.close();
  }
}

// The command line loads this module at run time; this line makes tsc check that the two agree.
startRepl satisfies StartRepl;
