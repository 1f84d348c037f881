import { checkArgs, TEXT } from './define.js';
import type { AggregateFunction } from './registry.js';

/**
 * string_agg keeps every non-NULL text with the separator that came with it; the first text's
 * separator is dropped when joining. Merging appends the right state's texts after the left's.
 */
interface StringAggState {
  readonly texts: string[];
  readonly separators: string[];
  bytes: number;
}

export const stringAgg: AggregateFunction<StringAggState> = {
  name: 'string_agg',
  signature: "string_agg(text [, separator]) -> TEXT",
  description:
    "Joins the non-NULL texts with separator (',' by default), in the order the rows arrive. Without ORDER BY that order is unspecified, because partial results from several workers are merged in no fixed order.",
  examples: [
    { sql: "string_agg(x, ' > ')", from: "(VALUES ('home'), (NULL), ('cart'), ('pay')) t(x)", result: 'home > cart > pay' },
    { sql: 'string_agg(x)', from: "(VALUES ('a'), ('b')) t(x)", result: 'a,b' },
  ],
  returnType: (args) => checkArgs(args, { params: [TEXT, TEXT], required: 1 }) ?? 'TEXT',
  init: () => ({ texts: [], separators: [], bytes: 0 }),
  update: (state, [text, separator]) => {
    if (text === null || text === undefined || separator === null) return state;
    const joiner = (separator as string | undefined) ?? ',';
    state.texts.push(text as string);
    state.separators.push(joiner);
    state.bytes += ((text as string).length + joiner.length) * 2 + 32;
    return state;
  },
  merge: (left, right) => {
    left.texts.push(...right.texts);
    left.separators.push(...right.separators);
    left.bytes += right.bytes;
    return left;
  },
  finish: (state) => {
    if (state.texts.length === 0) return null;
    let out = state.texts[0]!;
    for (let i = 1; i < state.texts.length; i++) out += state.separators[i]! + state.texts[i]!;
    return out;
  },
  sizeOf: (state) => 64 + state.bytes,
};
