import { ExecutionError } from '../../errors.js';

/** Stable codes of the errors raised while evaluating operators and functions on values. */
export type SqlRuntimeErrorCode =
  /** An integer result left the signed 64-bit range. */
  | 'NUMERIC_OVERFLOW'
  /** A value could not be converted to the target type of a CAST or an implicit conversion. */
  | 'INVALID_CAST'
  /** A CAST between two types that have no conversion. */
  | 'UNSUPPORTED_CAST'
  /** A function argument outside the function's domain, such as make_date(2024, 2, 30). */
  | 'INVALID_ARGUMENT'
  /** A JSONPath expression that does not parse. */
  | 'INVALID_JSON_PATH'
  /** A LIKE, regular-expression or strftime pattern that does not parse. */
  | 'INVALID_PATTERN'
  /** A time zone name missing from the runtime's ICU data. */
  | 'INVALID_TIME_ZONE';

/** An error raised by a value-level operation: overflow, a failed conversion, a bad argument. */
export class SqlRuntimeError extends ExecutionError {
  override readonly code: SqlRuntimeErrorCode;

  constructor(code: SqlRuntimeErrorCode, message: string, options: { hint?: string | null; cause?: unknown } = {}) {
    super(code, message, options);
    this.code = code;
  }
}
