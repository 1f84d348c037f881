import fs from 'node:fs';
import type { TargetOptions } from '../../src/cli/target.js';
import type { ResultColumn } from '../../src/api/result.js';
import type { Value } from '../../src/executor/values.js';
import { OUTPUT_FORMATS, renderTable, type OutputFormat } from '../../src/format/index.js';
import type { ReplEngine } from '../engine-port.js';
import { renderBarChart } from '../output/bar-chart.js';
import type { ExpandedMode } from '../output/result-text.js';
import type { DisplaySettings } from '../session/display-settings.js';
import { PARAMETER_NAME, parseParameterValue, showParameterValue } from '../session/parameters.js';
import { splitScript } from '../session/script.js';
import type { NewEntry } from '../session/transcript.js';
import { findMetaCommand, KEY_HELP, META_COMMANDS } from './command-list.js';
import { parseConnectArguments } from './connect-args.js';
import { describeTableText } from './describe-table.js';
import { parseMetaLine, type MetaLine } from './parse-meta.js';

/** Deepest nesting of `\i` inside files run by `\i`, which stops a file that includes itself. */
const MAX_INCLUDE_DEPTH = 16;

/** The state of the running shell that meta-commands read and change; the controller implements it. */
export interface MetaHost {
  readonly engine: ReplEngine;
  readonly display: DisplaySettings;
  readonly parameters: Map<string, Value>;
  readonly lastResult: { readonly columns: readonly ResultColumn[]; readonly rows: readonly Value[][] } | null;
  readonly width: number;
  readonly color: boolean;
  /** The `\o` file, or null while results go to the screen. */
  readonly outputFile: string | null;
  print(entry: NewEntry): void;
  /** Runs SQL text of one or more statements; resolves to false when one failed or was cancelled. */
  runSql(text: string): Promise<boolean>;
  setOutputFile(path: string | null): Promise<void>;
  connect(options: TargetOptions): Promise<void>;
  exit(): void;
  /** True once Ctrl-C has cancelled the work in progress. */
  readonly cancelled: boolean;
}

/** Runs a meta-command line. Resolves to false when the command failed, after printing why. */
export async function runMetaCommand(host: MetaHost, line: string, depth = 0): Promise<boolean> {
  const meta = parseMetaLine(line);
  const spec = findMetaCommand(meta.name);
  const fail = (text: string): false => {
    host.print({ kind: 'error', text: `error: ${text}` });
    return false;
  };
  if (spec === undefined) return fail(`unknown command ${meta.name}; \\help lists the commands`);

  try {
    switch (spec.name) {
      case '\\help':
        host.print({ kind: 'text', text: helpText() });
        return true;
      case '\\q':
        host.exit();
        return true;
      case '\\dt':
        return await listTables(host);
      case '\\d':
        if (meta.args.length === 0) return await listTables(host);
        host.print({ kind: 'text', text: await describeTableText(host.engine, meta.args[0]!, { width: host.width, color: host.color, timeZone: host.engine.settings.timeZone }) });
        return true;
      case '\\format':
        return setFormat(host, meta, fail);
      case '\\x':
        return setExpanded(host, meta, fail);
      case '\\timing':
        return setTiming(host, meta, fail);
      case '\\o':
        await host.setOutputFile(meta.args[0] ?? null);
        host.print({ kind: 'notice', text: host.outputFile === null ? 'results go to the screen' : `results go to ${host.outputFile} (\\o alone switches back)` });
        return true;
      case '\\i':
        if (meta.args.length !== 1) return fail('\\i needs one FILE');
        return await include(host, meta.args[0]!, depth);
      case '\\set':
        return setParameter(host, meta, fail);
      case '\\unset':
        if (meta.args.length !== 1) return fail('\\unset needs one NAME');
        if (!host.parameters.delete(meta.args[0]!.toLowerCase())) return fail(`parameter ${meta.args[0]} is not set`);
        return true;
      case '\\explain':
        if (meta.rest === '') return fail('\\explain needs a query, as in \\explain SELECT count(*) FROM user_logs');
        return await host.runSql(`EXPLAIN ${meta.rest.replace(/;\s*$/, '')};`);
      case '\\connect': {
        if (meta.args.length === 0) {
          host.print({ kind: 'notice', text: `connected to ${host.engine.targetDescription}` });
          return true;
        }
        await host.connect(parseConnectArguments(meta.args));
        host.print({ kind: 'notice', text: `connected to ${host.engine.targetDescription}` });
        return true;
      }
      case '\\chart':
        return chart(host, meta, fail);
      default:
        return fail(`${spec.name} is not implemented`);
    }
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

function helpText(): string {
  const commandWidth = Math.max(...META_COMMANDS.map((spec) => spec.usage.length));
  const keyWidth = Math.max(...KEY_HELP.map(([key]) => key.length));
  const lines = ['Statements end with ;. Meta-commands start with \\ and end at the end of the line.', ''];
  for (const spec of META_COMMANDS) lines.push(`  ${spec.usage.padEnd(commandWidth)}  ${spec.summary}`);
  lines.push('', 'Keys:');
  for (const [key, action] of KEY_HELP) lines.push(`  ${key.padEnd(keyWidth)}  ${action}`);
  lines.push('', 'Parameters set with \\set NAME VALUE are used in SQL as :NAME.');
  return `${lines.join('\n')}\n`;
}

async function listTables(host: MetaHost): Promise<boolean> {
  const names = await host.engine.catalog.listTables();
  const rows: Value[][] = names.map((name) => [name]);
  const table = renderTable([{ name: 'table', type: 'TEXT' }], rows, { timeZone: host.engine.settings.timeZone, width: host.width, color: host.color });
  host.print({ kind: 'text', text: names.length === 0 ? `no tables in ${host.engine.targetDescription}\n` : table.text });
  return true;
}

function setFormat(host: MetaHost, meta: MetaLine, fail: (text: string) => false): boolean {
  if (meta.args.length === 0) {
    host.print({ kind: 'notice', text: `format is ${host.display.format} (choices: ${OUTPUT_FORMATS.join(', ')})` });
    return true;
  }
  const format = meta.args[0]!.toLowerCase();
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) return fail(`unknown format ${meta.args[0]}; choose one of ${OUTPUT_FORMATS.join(', ')}`);
  host.display.format = format as OutputFormat;
  host.print({ kind: 'notice', text: `format is ${format}` });
  return true;
}

function setExpanded(host: MetaHost, meta: MetaLine, fail: (text: string) => false): boolean {
  const choice = meta.args[0]?.toLowerCase();
  let mode: ExpandedMode;
  if (choice === undefined) mode = host.display.expanded === 'on' ? 'off' : 'on';
  else if (choice === 'on' || choice === 'off' || choice === 'auto') mode = choice;
  else return fail(`\\x takes on, off or auto, not ${meta.args[0]}`);
  host.display.expanded = mode;
  host.print({ kind: 'notice', text: `vertical rows are ${mode === 'auto' ? 'used when a table does not fit' : mode}` });
  return true;
}

function setTiming(host: MetaHost, meta: MetaLine, fail: (text: string) => false): boolean {
  const choice = meta.args[0]?.toLowerCase();
  if (choice === undefined) host.display.timing = !host.display.timing;
  else if (choice === 'on' || choice === 'off') host.display.timing = choice === 'on';
  else return fail(`\\timing takes on or off, not ${meta.args[0]}`);
  host.print({ kind: 'notice', text: `timing is ${host.display.timing ? 'on' : 'off'}` });
  return true;
}

function setParameter(host: MetaHost, meta: MetaLine, fail: (text: string) => false): boolean {
  if (meta.args.length === 0) {
    const lines = [...host.parameters.entries()].map(([name, value]) => `:${name} = ${showParameterValue(value)}`);
    lines.push(...host.engine.describeSettings().map((setting) => `${setting.name} = ${setting.value}  (${setting.description}; change with SET)`));
    host.print({ kind: 'text', text: `${lines.join('\n')}\n` });
    return true;
  }
  const name = meta.args[0]!;
  if (!PARAMETER_NAME.test(name)) return fail(`invalid parameter name ${name}: use letters, digits and _, starting with a letter`);
  const valueText = meta.rest.slice(meta.rest.indexOf(name) + name.length).trim();
  host.parameters.set(name.toLowerCase(), parseParameterValue(valueText));
  return true;
}

async function include(host: MetaHost, file: string, depth: number): Promise<boolean> {
  if (depth >= MAX_INCLUDE_DEPTH) {
    host.print({ kind: 'error', text: `error: \\i is nested more than ${MAX_INCLUDE_DEPTH} files deep; does ${file} include itself?` });
    return false;
  }
  const text = fs.readFileSync(file, 'utf8');
  for (const piece of splitScript(text)) {
    if (host.cancelled) return false;
    const ok = piece.kind === 'meta' ? await runMetaCommand(host, piece.text, depth + 1) : await host.runSql(piece.text);
    if (!ok) {
      host.print({ kind: 'notice', text: `stopped ${file} at line ${piece.line}` });
      return false;
    }
  }
  return true;
}

function chart(host: MetaHost, meta: MetaLine, fail: (text: string) => false): boolean {
  const last = host.lastResult;
  if (last === null) return fail('no result to chart yet; run a query such as SELECT url, count(*) FROM user_logs GROUP BY url;');
  const text = renderBarChart(last.columns, last.rows, {
    ...(meta.args[0] === undefined ? {} : { labelColumn: meta.args[0] }),
    ...(meta.args[1] === undefined ? {} : { valueColumn: meta.args[1] }),
    width: host.width,
    timeZone: host.engine.settings.timeZone,
  });
  host.print({ kind: 'text', text });
  return true;
}
