/** SQL parser of the cassalytics dialect: syntax tree types, parsing, printing and errors. */
export type * from './ast.js';
export { ParseError, type ParseErrorCode } from './errors.js';
export { parse, parseQuery } from './statements.js';
export { print, printExpr, printIdentifier, printQuery, printStatement } from './print.js';
