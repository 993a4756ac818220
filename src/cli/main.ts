/**
 * The command line (SPEC §6). Exit status: 0 success, 1 the input has errors that stop the run,
 * 2 bad usage. IN.xlsx is never written.
 */
import { sameFile } from '../hosts/xlsx/write';
import { parseArgs, USAGE, type ParsedCommand } from './args';
import { applyCommand, undoCommand } from './commands/apply';
import { checkCommand } from './commands/check';
import { demoCommand } from './commands/demo';
import { rebalanceCommand } from './commands/rebalance';
import { sampleCommand } from './commands/sample';
import { processTerminal, type Terminal } from './terminal';

export const EXIT = { ok: 0, inputError: 1, usage: 2 } as const;

export async function main(argv: readonly string[], io: Terminal = processTerminal()): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) return usageError(parsed.error, io);
  const cmd = parsed.value;
  if (cmd.command === 'help') {
    io.out(USAGE);
    return EXIT.ok;
  }
  const clash = await outputClash(cmd);
  if (clash) return usageError(clash, io);
  const flags = cmd.flags;
  const file = cmd.file ?? '';
  const str = (name: string) => (typeof flags[name] === 'string' ? (flags[name] as string) : undefined);
  const num = (name: string) => (typeof flags[name] === 'number' ? (flags[name] as number) : undefined);

  switch (cmd.command) {
    case 'rebalance':
      return rebalanceCommand({ inPath: file, outPath: str('out') ?? '', jsonPath: str('json'), timeLimitSeconds: num('time-limit') }, io);
    case 'check':
      return checkCommand(file, io);
    case 'sample': {
      const reps = num('reps');
      const accounts = num('accounts');
      if (reps !== undefined && reps < 3) return usageError('--reps must be at least 3', io);
      if (accounts !== undefined && accounts < 10) return usageError('--accounts must be at least 10', io);
      return sampleCommand(file, { accounts, reps, seed: num('seed') }, io);
    }
    case 'apply':
      return applyCommand(file, str('scenario') ?? '', str('out') ?? '', io);
    case 'undo':
      return undoCommand(file, str('out') ?? '', io);
    case 'demo':
      return demoCommand(io, num('time-limit'));
  }
}

/** Never write into IN.xlsx: an output (or report) that is the input is bad usage. */
async function outputClash(cmd: ParsedCommand): Promise<string | null> {
  if (cmd.command === 'sample' || cmd.command === 'demo' || cmd.command === 'check' || !cmd.file) return null;
  for (const flag of ['out', 'json']) {
    const target = cmd.flags[flag];
    if (typeof target === 'string' && (await sameFile(cmd.file, target))) {
      return `--${flag} ${target} is the input file; write to a new file (the input is never modified)`;
    }
  }
  if (typeof cmd.flags.out === 'string' && typeof cmd.flags.json === 'string' && (await sameFile(cmd.flags.out, cmd.flags.json))) {
    return '--out and --json name the same file';
  }
  return null;
}

function usageError(message: string, io: Terminal): number {
  io.err(`territory-rebalancer: ${message}`);
  io.err('Run "territory-rebalancer --help" for usage.');
  return EXIT.usage;
}

/** Entry point used by bin/territory-rebalancer.js. */
export function run(argv: readonly string[]): void {
  const io = processTerminal();
  main(argv, io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      io.endProgress();
      io.err(`territory-rebalancer: unexpected failure: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      process.exitCode = 1;
    },
  );
}
