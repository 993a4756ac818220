/**
 * The command line's grammar (SPEC §6): commands, their positional argument and flags. Parsing
 * returns a value or a usage error (exit 2); it never throws and never touches files.
 */
import { SAMPLE_DEFAULTS } from '../core/sample';

export type CommandName = 'rebalance' | 'check' | 'sample' | 'apply' | 'undo' | 'demo' | 'help';

type FlagKind = 'path' | 'text' | 'int' | 'seconds';

interface CommandSpec {
  /** Name of the one positional argument, or null. */
  positional: string | null;
  flags: Record<string, FlagKind>;
  required: string[];
  summary: string;
}

export const COMMANDS: Record<Exclude<CommandName, 'help'>, CommandSpec> = {
  rebalance: {
    positional: 'IN.xlsx',
    flags: { out: 'path', json: 'path', 'time-limit': 'seconds' },
    required: ['out'],
    summary: 'rebalance IN.xlsx --out OUT.xlsx [--json REPORT.json] [--time-limit S]',
  },
  check: { positional: 'IN.xlsx', flags: {}, required: [], summary: 'check IN.xlsx' },
  sample: {
    positional: 'OUT.xlsx',
    flags: { accounts: 'int', reps: 'int', seed: 'int' },
    required: [],
    summary: 'sample OUT.xlsx [--accounts N --reps M --seed S]',
  },
  apply: {
    positional: 'IN.xlsx',
    flags: { scenario: 'text', out: 'path' },
    required: ['scenario', 'out'],
    summary: 'apply IN.xlsx --scenario NAME --out OUT.xlsx',
  },
  undo: { positional: 'IN.xlsx', flags: { out: 'path' }, required: ['out'], summary: 'undo IN.xlsx --out OUT.xlsx' },
  demo: { positional: null, flags: { 'time-limit': 'seconds' }, required: [], summary: 'demo' },
};

export interface ParsedCommand {
  command: CommandName;
  /** The positional argument (IN.xlsx or OUT.xlsx), when the command takes one. */
  file: string | null;
  /** Flag values: paths and text as strings, ints and seconds as numbers. */
  flags: Record<string, string | number>;
}

export type ParseResult = { ok: true; value: ParsedCommand } | { ok: false; error: string };

export const USAGE = `Territory Rebalancer: should we rebalance the sales territories, and how?

Usage: territory-rebalancer <command> [options]

Commands:
  ${COMMANDS.rebalance.summary}
      Audit the territories, propose moves for each scenario and write the output sheets into
      a copy of IN.xlsx (IN.xlsx is never changed). --json also writes the report as JSON.
  ${COMMANDS.check.summary}
      Print the trigger audit (FIRED / OK / NOT A TRIGGER with evidence) and the verdict.
  ${COMMANDS.sample.summary}
      Write a realistic sample workbook (defaults: ${SAMPLE_DEFAULTS.accounts} accounts, ${SAMPLE_DEFAULTS.reps} reps, seed ${SAMPLE_DEFAULTS.seed}).
  ${COMMANDS.apply.summary}
      Write a scenario's owners into the Accounts table, keeping the previous owners.
  ${COMMANDS.undo.summary}
      Restore the owners from before the last apply.
  demo
      Sample -> rebalance, into out/ (sample.xlsx, rebalanced.xlsx, report.json, CRM csv).
  --help
      Show this text.

Exit status: 0 success, 1 the input has errors that stop the run, 2 bad usage.`;

export function parseArgs(argv: readonly string[]): ParseResult {
  if (argv.length === 0) return fail('no command given');
  const [first, ...rest] = argv;
  if (first === '--help' || first === '-h' || first === 'help') return { ok: true, value: { command: 'help', file: null, flags: {} } };
  if (!(first in COMMANDS)) return fail(`unknown command "${first}"`);
  const command = first as Exclude<CommandName, 'help'>;
  const spec = COMMANDS[command];
  const flags: Record<string, string | number> = {};
  let file: string | null = null;

  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--help' || arg === '-h') return { ok: true, value: { command: 'help', file: null, flags: {} } };
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      const kind = spec.flags[name];
      if (!kind) return fail(`unknown option --${name} for "${command}"`);
      if (name in flags) return fail(`--${name} given twice`);
      let text: string | undefined;
      if (eq >= 0) text = arg.slice(eq + 1);
      else if (i + 1 < rest.length && !rest[i + 1].startsWith('--')) text = rest[++i];
      if (text === undefined || text === '') return fail(`--${name} needs a value`);
      const value = flagValue(name, kind, text);
      if (typeof value === 'object') return fail(value.error);
      flags[name] = value;
    } else if (arg.startsWith('-') && arg !== '-') {
      return fail(`unknown option ${arg} for "${command}"`);
    } else if (spec.positional && file === null) {
      file = arg;
    } else {
      return fail(`unexpected argument "${arg}" for "${command}"`);
    }
  }
  if (spec.positional && file === null) return fail(`"${command}" needs ${spec.positional}`);
  for (const name of spec.required) if (!(name in flags)) return fail(`"${command}" needs --${name}`);
  return { ok: true, value: { command, file, flags } };
}

function flagValue(name: string, kind: FlagKind, text: string): string | number | { error: string } {
  if (kind === 'path' || kind === 'text') return text;
  const n = Number(text);
  if (kind === 'int' && (!Number.isInteger(n) || n < 0)) return { error: `--${name} must be a whole number, not "${text}"` };
  if (kind === 'seconds' && (!Number.isFinite(n) || n <= 0)) return { error: `--${name} must be a positive number of seconds, not "${text}"` };
  return n;
}

function fail(error: string): ParseResult {
  return { ok: false, error };
}
