import { describe, expect, test } from 'vitest';
import { highlightSql } from '../../repl/syntax/highlight.js';
import { scanSql } from '../../repl/syntax/scan.js';
import { inputState } from '../../repl/syntax/statement-state.js';
import { linePrompts } from '../../repl/session/prompt.js';
import * as edit from '../../repl/editor/edit-buffer.js';
import { splitInputChunk } from '../../repl/editor/key-chunks.js';

describe('scanSql', () => {
  test('keeps comments between tokens', () => {
    const tokens = scanSql('SELECT 1 -- one\n/* two */ ;');
    expect(tokens.map((token) => [token.kind, token.text])).toEqual([
      ['word', 'SELECT'],
      ['number', '1'],
      ['comment', '-- one'],
      ['comment', '/* two */'],
      ['operator', ';'],
    ]);
  });

  test('an unterminated string runs to the end', () => {
    const tokens = scanSql("SELECT 'ab; c");
    expect(tokens.at(-1)).toMatchObject({ kind: 'unterminated_string', text: "'ab; c", start: 7, end: 13 });
  });

  test('lexing resumes after an invalid character', () => {
    const tokens = scanSql('SELECT # 1');
    expect(tokens.map((token) => token.kind)).toEqual(['word', 'invalid', 'number']);
  });

  test('a number run into a word is invalid, and the rest is lexed', () => {
    const tokens = scanSql('SELECT 12abc, x');
    expect(tokens.map((token) => [token.kind, token.text])).toEqual([
      ['word', 'SELECT'],
      ['invalid', '12abc'],
      ['operator', ','],
      ['word', 'x'],
    ]);
  });
});

describe('highlightSql', () => {
  test('segments cover the text exactly', () => {
    const text = "SELECT url, count(*) AS n -- c\nFROM t WHERE x = 'a' AND y > 2.5 AND z = :p;";
    expect(highlightSql(text).map((segment) => segment.text).join('')).toBe(text);
  });

  test('styles by token kind', () => {
    const styles = highlightSql("SELECT 'a', 1, url, :p /* c */").filter((segment) => segment.style !== 'plain' || segment.text.trim() !== '');
    expect(styles.map((segment) => [segment.text, segment.style])).toEqual([
      ['SELECT', 'keyword'],
      ["'a'", 'string'],
      [',', 'operator'],
      ['1', 'number'],
      [',', 'operator'],
      ['url', 'plain'],
      [',', 'operator'],
      [':p', 'parameter'],
      ['/* c */', 'comment'],
    ]);
  });
});

describe('inputState', () => {
  test.each([
    ['', 'empty'],
    ['  -- only a comment', 'empty'],
    ['SELECT 1;', 'complete'],
    ['SELECT 1; -- done', 'complete'],
    ['SELECT 1', 'incomplete'],
    ["SELECT ';'", 'incomplete'],
    ['SELECT 1 /* ; */', 'incomplete'],
    ['\\dt', 'meta'],
    ['  \\d user_logs', 'meta'],
  ])('%j is %s', (text, kind) => {
    expect(inputState(text).kind).toBe(kind);
  });

  test.each([
    ["SELECT 'abc", 'string'],
    ['SELECT "ab', 'identifier'],
    ['SELECT /* abc', 'comment'],
    ['SELECT count(', 'parenthesis'],
    ['SELECT 1', 'none'],
  ])('%j leaves a %s open', (text, open) => {
    expect(inputState(text)).toEqual({ kind: 'incomplete', open });
  });
});

describe('linePrompts', () => {
  test('continuation prompts mark what is open', () => {
    expect(linePrompts('db', "SELECT 'a\nb' ,\ncount(\n1")).toEqual(['db=> ', "db'> ", 'db-> ', 'db(> ']);
  });
});

describe('edit buffer', () => {
  test('moves between lines and keeps the column', () => {
    const buffer = edit.bufferOf('SELECT a,\nb\nFROM t', 8);
    const down = edit.moveLine(buffer, 1);
    expect(down.cursor).toBe(11);
    expect(edit.moveLine(down, 1).cursor).toBe(13);
    expect(edit.cursorLine(down)).toEqual({ line: 1, lines: 3 });
  });

  test('backspace removes a whole surrogate pair', () => {
    expect(edit.deleteBackward(edit.bufferOf('a😀')).text).toBe('a');
    expect(edit.moveLeft(edit.bufferOf('a😀')).cursor).toBe(1);
  });

  test('word movement and deletion', () => {
    const buffer = edit.bufferOf('SELECT store_id FROM');
    expect(edit.moveWordLeft(buffer).cursor).toBe(16);
    expect(edit.deleteWordBackward(buffer).text).toBe('SELECT store_id ');
    expect(edit.moveWordRight(edit.bufferOf('SELECT store_id', 0)).cursor).toBe(6);
  });
});

describe('splitInputChunk', () => {
  test('Enter and Ctrl-C delivered with text', () => {
    expect(splitInputChunk('SELECT 1;\r\u0003')).toEqual([
      { input: 'SELECT 1;', key: {} },
      { input: '', key: { return: true } },
      { input: 'c', key: { ctrl: true } },
    ]);
  });

  test('CR LF is one Enter, DEL is Backspace', () => {
    expect(splitInputChunk('a\r\nb\u007f')).toEqual([
      { input: 'a', key: {} },
      { input: '', key: { return: true } },
      { input: 'b', key: {} },
      { input: '', key: { backspace: true } },
    ]);
  });

  test('a final tab is the Tab key, inner tabs are text', () => {
    expect(splitInputChunk('a\tb\t')).toEqual([
      { input: 'a\tb', key: {} },
      { input: '', key: { tab: true } },
    ]);
  });
});
