import { cachedJsonPath, evaluateJsonPath } from '../semantics/json-path.js';
import { isJsonContainer, jsonText, MALFORMED_JSON, parseJsonText } from '../semantics/json.js';
import { JSON_NULL, type JsonValue, type Value } from '../values.js';
import { JSON_OR_TEXT, scalar, TEXT } from './define.js';
import type { ArgType, EvalContext, ScalarFunction } from './registry.js';

/**
 * JSON functions. The document may be JSON or TEXT; TEXT is parsed per call, and text that is not
 * valid JSON gives NULL and is reported through EvalContext.onMalformedJson (DuckDB raises an
 * error instead). Paths use the subset described in semantics/json-path.ts; an invalid path
 * raises INVALID_JSON_PATH.
 */

/** Returns the document as JSON, or undefined when TEXT input does not parse. */
function documentOf(value: Value, type: ArgType | undefined, context: EvalContext): JsonValue | undefined {
  if (type !== 'TEXT') return value as JsonValue;
  const parsed = parseJsonText(value as string);
  if (parsed === MALFORMED_JSON) {
    context.onMalformedJson?.();
    return undefined;
  }
  return parsed;
}

function extract(args: readonly Value[], context: EvalContext, argTypes: readonly ArgType[]): JsonValue | null {
  const path = cachedJsonPath(args[1] as string);
  const document = documentOf(args[0]!, argTypes[0], context);
  if (document === undefined) return null;
  return evaluateJsonPath(document, path);
}

const jsonExtract = scalar({
  name: 'json_extract',
  signature: 'json_extract(json, path) -> JSON',
  description: "The JSON value at path, such as '$.cart.items[0]' or '$.\"key with spaces\"'; NULL when it is missing. A JSON null stays a JSON null.",
  examples: [
    { sql: 'json_extract(\'{"cart": {"items": [{"sku": "A1"}, {"sku": "B2"}]}}\', \'$.cart.items[-1].sku\')', result: 'B2' },
    { sql: 'json_extract(\'{"a b": [10, 20]}\', \'$."a b"[1]\')', result: 20 },
    { sql: 'json_extract(\'{"a": null}\', \'$.a\')', result: JSON_NULL },
    { sql: 'json_extract(\'{"a": null}\', \'$.b\')', result: null },
  ],
  params: [JSON_OR_TEXT, TEXT],
  returns: 'JSON',
  evaluate: extract,
});

const jsonValue = scalar({
  name: 'json_value',
  signature: 'json_value(json, path) -> TEXT',
  description:
    'The scalar at path as text: a string without quotes, a number or boolean as written. NULL when the path is missing, holds a JSON null, or holds an object or array.',
  examples: [
    {
      sql: 'json_value(\'{"user": {"plan": "pro"}}\', \'$.user.plan\')',
      result: 'pro',
      duckdb: 'json_extract_string(\'{"user": {"plan": "pro"}}\', \'$.user.plan\')',
      duckdbNote: 'DuckDB 1.5 json_value keeps the quotes of a string; json_extract_string gives the text.',
    },
    { sql: 'json_value(\'{"price": 9.5}\', \'$.price\')', result: '9.5' },
    { sql: 'json_value(\'{"tags": ["a"]}\', \'$.tags\')', result: null },
  ],
  params: [JSON_OR_TEXT, TEXT],
  returns: 'TEXT',
  evaluate: (args, context, argTypes) => {
    const found = extract(args, context, argTypes);
    if (found === null || isJsonContainer(found)) return null;
    return jsonText(found);
  },
});

const jsonExtractString = scalar({
  name: 'json_extract_string',
  signature: 'json_extract_string(json, path) -> TEXT',
  description: 'The value at path as text, like the ->> operator: a string without quotes, an object or array as compact JSON, NULL for a JSON null or a missing path.',
  examples: [
    { sql: 'json_extract_string(\'{"a": {"b": [1, 2]}}\', \'$.a\')', result: '{"b":[1,2]}' },
    { sql: 'json_extract_string(\'{"a": "x"}\', \'$.a\')', result: 'x' },
  ],
  params: [JSON_OR_TEXT, TEXT],
  returns: 'TEXT',
  evaluate: (args, context, argTypes) => {
    const found = extract(args, context, argTypes);
    return found === null ? null : jsonText(found);
  },
});

const jsonValid = scalar({
  name: 'json_valid',
  signature: 'json_valid(text) -> BOOLEAN',
  description: 'True when the text parses as JSON.',
  examples: [
    { sql: 'json_valid(\'{"a": 1}\')', result: true },
    { sql: "json_valid('{a: 1}')", result: false },
  ],
  params: [JSON_OR_TEXT],
  returns: 'BOOLEAN',
  evaluate: ([value], _context, [type]) => type !== 'TEXT' || parseJsonText(value as string) !== MALFORMED_JSON,
});

export const jsonFunctions: readonly ScalarFunction[] = [jsonExtract, jsonValue, jsonExtractString, jsonValid];
