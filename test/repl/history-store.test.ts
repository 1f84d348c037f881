import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { HistoryStore, historyFilePath, isSensitive, MAX_HISTORY_ENTRIES } from '../../repl/history/history-store.js';
import { findBackward } from '../../repl/history/reverse-search.js';
import { temporaryDirectory } from './support.js';

const directory = temporaryDirectory('history');

afterAll(() => {
  fs.rmSync(directory, { recursive: true, force: true });
});

describe('history file location', () => {
  test('CASSALYTICS_HISTORY first, then XDG_STATE_HOME, then ~/.local/state', () => {
    expect(historyFilePath({ CASSALYTICS_HISTORY: '/tmp/h', XDG_STATE_HOME: '/state' })).toBe('/tmp/h');
    expect(historyFilePath({ XDG_STATE_HOME: '/state' })).toBe('/state/cassalytics/history');
    expect(historyFilePath({ HOME: '/home/u' })).toMatch(/\/\.local\/state\/cassalytics\/history$/);
  });

  test('an empty CASSALYTICS_HISTORY turns saving off', () => {
    expect(historyFilePath({ CASSALYTICS_HISTORY: '' })).toBeNull();
  });

  test('a relative XDG_STATE_HOME is ignored', () => {
    expect(historyFilePath({ XDG_STATE_HOME: 'relative' })).not.toContain('relative');
  });
});

describe('history store', () => {
  test('multi-line entries and backslashes survive a round trip', () => {
    const file = path.join(directory, 'nested', 'round-trip');
    const store = HistoryStore.load(file);
    store.add('SELECT 1\nFROM t;');
    store.add("SELECT '\\n is not a line break';");
    store.add('\\dt');
    expect(fs.readFileSync(file, 'utf8')).toBe("SELECT 1\\nFROM t;\nSELECT '\\\\n is not a line break';\n\\\\dt\n");
    expect(HistoryStore.load(file).entries).toEqual(['SELECT 1\nFROM t;', "SELECT '\\n is not a line break';", '\\dt']);
  });

  test('blank entries and repeats of the newest are skipped', () => {
    const store = HistoryStore.load(null);
    expect(store.add('  ')).toBe(false);
    expect(store.add('SELECT 1;')).toBe(true);
    expect(store.add('SELECT 1;')).toBe(false);
    expect(store.entries).toEqual(['SELECT 1;']);
  });

  test('sensitive entries are skipped', () => {
    expect(isSensitive("SELECT * FROM t WHERE PASSWORD = 'x'")).toBe(true);
    expect(isSensitive('\\connect --cassandra h --username u --password-file f')).toBe(true);
    expect(isSensitive('\\c --cassandra h --pass x')).toBe(true);
    expect(isSensitive('\\connect --db events.db')).toBe(false);
    const store = HistoryStore.load(null);
    expect(store.add('SET password = 1;')).toBe(false);
    expect(store.entries).toEqual([]);
  });

  test('sensitive lines already in the file are not loaded', () => {
    const file = path.join(directory, 'old-secret');
    fs.writeFileSync(file, 'SELECT 1;\n\\connect --password x\n');
    expect(HistoryStore.load(file).entries).toEqual(['SELECT 1;']);
  });

  test('keeps the newest entries of a long file and rewrites it', () => {
    const file = path.join(directory, 'long');
    const lines = Array.from({ length: MAX_HISTORY_ENTRIES * 2 }, (_, i) => `SELECT ${i};`);
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    const store = HistoryStore.load(file);
    expect(store.entries).toHaveLength(MAX_HISTORY_ENTRIES);
    expect(store.entries[0]).toBe(`SELECT ${MAX_HISTORY_ENTRIES};`);
    expect(fs.readFileSync(file, 'utf8').split('\n').filter((line) => line !== '')).toHaveLength(MAX_HISTORY_ENTRIES);
  });

  test('an unreadable file is reported and history stays in memory', () => {
    const blocker = path.join(directory, 'read-blocker');
    fs.writeFileSync(blocker, '');
    const messages: string[] = [];
    const store = HistoryStore.load(path.join(blocker, 'history'), (message) => messages.push(message));
    store.add('SELECT 1;');
    expect(store.entries).toEqual(['SELECT 1;']);
    expect(messages).toEqual([`history file ${path.join(blocker, 'history')} could not be read (ENOTDIR); history is not saved this session`]);
  });

  test('an unwritable file is reported once and history stays in memory', () => {
    const folder = path.join(directory, 'write-blocker');
    const messages: string[] = [];
    const store = HistoryStore.load(path.join(folder, 'history'), (message) => messages.push(message));
    // The folder appears as a regular file after loading, so creating the history file fails.
    fs.writeFileSync(folder, '');
    store.add('SELECT 1;');
    store.add('SELECT 2;');
    expect(store.entries).toEqual(['SELECT 1;', 'SELECT 2;']);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/could not be written \((ENOTDIR|EEXIST)\); history is not saved this session/);
  });
});

describe('reverse search', () => {
  test('finds the newest match at or before a position, ignoring case', () => {
    const entries = ['select a', 'SELECT b', 'other'];
    expect(findBackward(entries, 'select', 2)).toBe(1);
    expect(findBackward(entries, 'select', 0)).toBe(0);
    expect(findBackward(entries, 'none', 2)).toBeNull();
    expect(findBackward(entries, '', 2)).toBeNull();
  });
});
