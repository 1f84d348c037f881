/** Nesting limit of the parser, also importable from this module. */
export { MAX_NESTING_DEPTH } from './parser-base.js';
