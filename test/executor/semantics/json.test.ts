import { describe, expect, test } from 'vitest';
import { SqlRuntimeError } from '../../../src/executor/semantics/errors.js';
import { compileJsonPath, evaluateJsonPath } from '../../../src/executor/semantics/json-path.js';
import { jsonGet, jsonText, MALFORMED_JSON, parseJsonText, stringifyJson } from '../../../src/executor/semantics/json.js';
import { JSON_NULL, type JsonValue } from '../../../src/executor/values.js';

function parse(text: string): JsonValue {
  const value = parseJsonText(text);
  if (value === MALFORMED_JSON) throw new Error(`test input is not JSON: ${text}`);
  return value;
}

describe('parseJsonText', () => {
  test.each<[string, unknown]>([
    ['{"a": 1}', { a: 1 }],
    ['[1, "x", true]', [1, 'x', true]],
    ['null', JSON_NULL],
    ['{"a": null, "b": [null]}', { a: JSON_NULL, b: [JSON_NULL] }],
    ['"text"', 'text'],
    [' 42 ', 42],
    ['{"__proto__": 1}', JSON.parse('{"__proto__": 1}')],
  ])('%s', (text, expected) => {
    expect(parseJsonText(text)).toEqual(expected);
  });

  test.each(['not json', '{a: 1}', "{'a': 1}", '', '{"a": 1', '[1,]', 'NaN'])('%s is malformed', (text) => {
    expect(parseJsonText(text)).toBe(MALFORMED_JSON);
  });

  test('__proto__ stays an own member', () => {
    const value = parse('{"__proto__": {"x": 1}}') as Record<string, JsonValue>;
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    expect(jsonGet(value, '__proto__')).toEqual({ x: 1 });
  });

  test('stringify round trip is compact', () => {
    expect(stringifyJson(parse('{ "a" : [ 1 , null ] , "b" : "x" }'))).toBe('{"a":[1,null],"b":"x"}');
    expect(stringifyJson(JSON_NULL)).toBe('null');
    expect(stringifyJson('x')).toBe('"x"');
  });
});

describe('-> and ->>', () => {
  const doc = parse('{"a": null, "s": "x", "n": 1.50, "t": true, "o": {"b": [1, 2]}, "arr": [10, 20, 30], "1": "one"}');

  test.each<[string, string | number | bigint, JsonValue | null]>([
    ['member', 's', 'x'],
    ['JSON null member', 'a', JSON_NULL],
    ['missing member', 'missing', null],
    ['number member', 'n', 1.5],
    ['object member', 'o', { b: [1, 2] }],
    ['integer key on an object', 1, null],
    ['numeric text key on an object', '1', 'one'],
  ])('object %s', (_name, key, expected) => {
    expect(jsonGet(doc, key)).toEqual(expected);
  });

  const array = jsonGet(doc, 'arr')!;
  test.each<[string, string | number | bigint, JsonValue | null]>([
    ['first element', 0, 10],
    ['last element by -1', -1, 30],
    ['first element by -3', -3, 10],
    ['past the end', 3, null],
    ['before the start', -4, null],
    ['bigint index', 1n, 20],
    ['text key on an array', '1', null],
  ])('array %s', (_name, key, expected) => {
    expect(jsonGet(array, key)).toEqual(expected);
  });

  test('scalars have no members', () => {
    expect(jsonGet('x', 'a')).toBe(null);
    expect(jsonGet(5, 0)).toBe(null);
    expect(jsonGet(JSON_NULL, 'a')).toBe(null);
  });

  test.each<[string, JsonValue, string | null]>([
    ['string gives its text', 'x', 'x'],
    ['number gives its JSON text', 1.5, '1.5'],
    ['boolean', true, 'true'],
    ['JSON null gives NULL', JSON_NULL, null],
    ['object gives compact JSON', { b: [1, 2] }, '{"b":[1,2]}'],
    ['array', [1, 'a'], '[1,"a"]'],
    ['string with quotes', 'say "hi"', 'say "hi"'],
  ])('->> %s', (_name, value, expected) => {
    expect(jsonText(value)).toBe(expected);
  });
});

describe('JSONPath', () => {
  const doc = parse('{"a b": {"c": [10, 20]}, "user": {"name": "ann", "tags": ["x", "y"]}, "n": null, "k.dot": 1, "q\\"uote": 2}');

  test.each<[string, JsonValue | null]>([
    ['$', doc],
    ['$.user.name', 'ann'],
    ['$.user.tags[1]', 'y'],
    ['$.user.tags[-1]', 'y'],
    ['$.user.tags[#-2]', 'x'],
    ['$.user.tags[2]', null],
    ['$."a b".c[0]', 10],
    ["$['a b'].c[1]", 20],
    ['$["a b"]', { c: [10, 20] }],
    ['$."k.dot"', 1],
    ['$."q\\"uote"', 2],
    ['$.n', JSON_NULL],
    ['$.missing', null],
    ['$.missing.deeper', null],
    ['$.user.name.first', null],
    ['$.user[0]', null],
    ['$[ 0 ]', null],
  ])('%s', (path, expected) => {
    expect(evaluateJsonPath(doc, compileJsonPath(path))).toEqual(expected);
  });

  test.each<[string, RegExp]>([
    ['user.name', /invalid JSON path 'user.name' at character 1: a path starts with '\$'/],
    ['$.', /empty key/],
    ['$..a', /empty key/],
    ['$.a[', /missing '\]'/],
    ['$.a[x]', /'x' is not an array index/],
    ['$.a[*]', /'\*' is not an array index/],
    ['$.*', /wildcards are not supported/],
    ['$."open', /unterminated quoted key/],
    ["$['a'", /expected '\]'/],
    ['$a', /unexpected 'a'/],
  ])('%s is invalid', (path, message) => {
    let caught: unknown;
    try {
      compileJsonPath(path);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SqlRuntimeError);
    expect((caught as SqlRuntimeError).code).toBe('INVALID_JSON_PATH');
    expect((caught as SqlRuntimeError).message).toMatch(message);
  });
});
