/** Re-exports the nesting limit for modules that import it from here, such as test/parser/errors.test.ts. */
export { MAX_NESTING_DEPTH } from './parser-base.js';
