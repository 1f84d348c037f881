import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLI, generateStore, temporaryDirectory } from './support.js';

/**
 * Drives the built command line in a real pseudo-terminal: tmux runs it, send-keys types and
 * capture-pane reads the screen. tmux gets its own server socket, so a user's tmux is untouched.
 */
const tmuxInstalled = spawnSync('tmux', ['-V']).status === 0;
const inCi = process.env['CI'] === 'true';
if (!tmuxInstalled && !inCi) console.log('test/repl/e2e.test.ts skipped: tmux is not installed (apt-get install -y tmux)');

const socket = `cassalytics-e2e-${process.pid}`;
let directory: string;
let db: string;
let history: string;

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
}

/** Starts the shell in a new tmux session; the pane stays open after it exits and shows its exit code. */
function startShell(session: string, command = `node ${CLI} --db ${db} --set workers=1`): void {
  const script = `cd ${directory} && CASSALYTICS_HISTORY=${history} ${command}; echo "exit code $?"; exec sleep 600`;
  tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '50', script);
}

/** Returns the whole pane, scrollback included, with wrapped lines joined. */
function screen(session: string): string {
  return tmux('capture-pane', '-p', '-J', '-S', '-', '-t', session);
}

async function waitForScreen(session: string, pattern: RegExp, timeoutMs = 60_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = screen(session);
    if (pattern.test(text)) return text;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; screen:\n${text}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Types text literally. tmux reads an argument ending in `;` as a command separator unless it is escaped. */
function type(session: string, text: string): void {
  tmux('send-keys', '-t', session, '-l', text.endsWith(';') ? `${text.slice(0, -1)}\\;` : text);
}

function press(session: string, ...keys: string[]): void {
  tmux('send-keys', '-t', session, ...keys);
}

/** A query that runs about 5 ms per row: a backtracking regular expression that never matches. */
const SLOW_QUERY = "SELECT count(*) AS n FROM user_logs WHERE regexp_matches(substr(user_id, 1, 24), '^([a-z0-9-]|[a-z0-9-][a-z0-9-])+!');";

describe.skipIf(!tmuxInstalled && !inCi)('shell in a terminal', () => {
  beforeAll(() => {
    if (!tmuxInstalled) throw new Error('tmux is required for the end-to-end shell test when CI=true');
    if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first`);
    directory = temporaryDirectory('e2e');
    db = generateStore(directory);
    history = path.join(directory, 'history');
  }, 120_000);

  afterAll(() => {
    if (tmuxInstalled) spawnSync('tmux', ['-L', socket, 'kill-server']);
    if (directory !== undefined) fs.rmSync(directory, { recursive: true, force: true });
  });

  test('multi-line query, Ctrl-C, Ctrl-D', async () => {
    startShell('first');
    await waitForScreen('first', /^events=>/m);

    type('first', 'SELECT store_id, count(*) AS n');
    press('first', 'Enter');
    await waitForScreen('first', /^events->/m);
    type('first', 'FROM user_logs GROUP BY 1 ORDER BY 1;');
    press('first', 'Enter');
    const result = await waitForScreen('first', /\(2 rows, /);
    expect(result).toMatch(/^│\s+1 │\s+\d+ │$/m);
    expect(result).toMatch(/^│\s+2 │\s+\d+ │$/m);

    type('first', SLOW_QUERY);
    press('first', 'Enter');
    await waitForScreen('first', /rows\/s {2}[\d.]+ (ms|s)/);
    press('first', 'C-c');
    const cancelled = await waitForScreen('first', /cancelled after [\d.]+ (ms|s)/, 10_000);
    expect(cancelled).not.toMatch(/error:/);

    type('first', 'SELECT 11 AS eleven;');
    press('first', 'Enter');
    await waitForScreen('first', /^│\s+11 │$/m);

    press('first', 'C-d');
    await waitForScreen('first', /exit code 0/, 20_000);
  }, 180_000);

  test('history is recalled after a restart', async () => {
    startShell('second');
    await waitForScreen('second', /^events=>/m);
    press('second', 'Up');
    await waitForScreen('second', /^events=> SELECT 11 AS eleven;/m);
    press('second', 'Up');
    await waitForScreen('second', /^events=> SELECT count\(\*\) AS n FROM user_logs WHERE regexp_matches/m);
    press('second', 'Up');
    await waitForScreen('second', /^events=> SELECT store_id, count\(\*\) AS n\nevents-> FROM user_logs GROUP BY 1 ORDER BY 1;/m);
    press('second', 'Enter');
    await waitForScreen('second', /\(2 rows, /);
    type('second', '\\q');
    press('second', 'Enter');
    await waitForScreen('second', /exit code 0/, 20_000);
    expect(fs.readFileSync(history, 'utf8').split('\n')).toContain('SELECT store_id, count(*) AS n\\nFROM user_logs GROUP BY 1 ORDER BY 1;');
  }, 120_000);

  test('input is highlighted unless NO_COLOR is set', async () => {
    const line = async (session: string, environment: string): Promise<string> => {
      startShell(session, `env ${environment} node ${CLI} --db ${db}`);
      await waitForScreen(session, /^events=>/m);
      type(session, "SELECT 'x' AS v, 12 -- note");
      await waitForScreen(session, /-- note/);
      const styled = tmux('capture-pane', '-e', '-p', '-t', session);
      press(session, 'C-u', 'C-d');
      return styled.split('\n').find((text) => text.includes('-- note'))!;
    };
    // Colour codes as tmux writes them: 34 blue, 32 green, 35 magenta, then the dim comment.
    const coloured = await line('colour', '-u NO_COLOR -u FORCE_COLOR');
    expect(coloured).toMatch(/\u001b\[34m(\u001b\[49m)?SELECT/);
    expect(coloured).toMatch(/\u001b\[32m'x'/);
    expect(coloured).toMatch(/\u001b\[35m12/);
    expect(coloured).toMatch(/\u001b\[2m-- note/);
    const plain = await line('no-colour', '-u FORCE_COLOR NO_COLOR=1');
    expect(plain).toContain("SELECT 'x' AS v, 12 -- note");
    expect(plain).not.toMatch(/\u001b\[(\d+;)*(3[0-7]|9[0-7])(;\d+)*m/);
  }, 120_000);

  test('standard output that is not a terminal gets no shell', async () => {
    startShell('piped-out', `node ${CLI} --db ${db} | cat`);
    const text = await waitForScreen('piped-out', /exit code 0/);
    expect(text).toMatch(/^user_logs in .*events\.db: [\d,]+ rows/m);
    expect(text).not.toContain('events=>');
  }, 60_000);
});
