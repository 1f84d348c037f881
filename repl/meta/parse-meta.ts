/** A meta-command line split into its name and arguments. */
export interface MetaLine {
  /** The command with its backslash, as typed: `\d`, `\format`. */
  readonly name: string;
  /** Everything after the name, trimmed: SQL for `\explain`, a value for `\set`. */
  readonly rest: string;
  readonly args: readonly string[];
}

/** Splits `\name arguments...`; line breaks inside the line count as spaces. */
export function parseMetaLine(line: string): MetaLine {
  const trimmed = line.trim();
  const match = /^(\\[^\s]*)\s*([\s\S]*)$/.exec(trimmed);
  const name = match?.[1] ?? trimmed;
  const rest = (match?.[2] ?? '').trim();
  return { name, rest, args: splitArguments(rest) };
}

/** Splits a meta-command's arguments at whitespace; single or double quotes keep spaces in one argument. */
export function splitArguments(text: string): string[] {
  const args: string[] = [];
  const pattern = /'([^']*)'|"([^"]*)"|([^\s'"]+)/g;
  let match: RegExpExecArray | null;
  let current: string | null = null;
  let lastEnd = -1;
  while ((match = pattern.exec(text)) !== null) {
    const piece = match[1] ?? match[2] ?? match[3] ?? '';
    // Pieces with no space between them, as in --db="my file.db", form one argument.
    if (current !== null && match.index === lastEnd) current += piece;
    else {
      if (current !== null) args.push(current);
      current = piece;
    }
    lastEnd = match.index + match[0].length;
  }
  if (current !== null) args.push(current);
  return args;
}
