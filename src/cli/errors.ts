/** Exit code of a run that completed with no error and no rejected row. */
export const EXIT_OK = 0;
/** Exit code of a runtime failure, or of a load that rejected rows. */
export const EXIT_FAILURE = 1;
/** Exit code of invalid command-line usage. */
export const EXIT_USAGE = 2;
/** Exit code of a query stopped by Ctrl-C: 128 + SIGINT (2), as shells report it. */
export const EXIT_INTERRUPTED = 130;

/** Invalid command-line usage: a bad option value or a missing or conflicting option. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A failure that the command has already reported, so only its exit code remains to be set. */
export class ReportedFailure extends Error {
  override readonly name = 'ReportedFailure';

  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}
