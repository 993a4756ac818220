/**
 * Bench helper, run as its own process (`cliRun.ts '<request JSON>'`, prints the result JSON): one
 * command of the command line (src/cli/main.ts) as a user runs it, its phases timed from the
 * progress lines it prints (`rebalance`: reading until "Auditing", the audit until "Optimizing",
 * the optimizer until "Writing", then writing), with the process's peak RSS, worker threads included.
 */
import { main } from '../src/cli/main';
import type { Terminal } from '../src/cli/terminal';

export interface CliRunRequest {
  args: string[];
}

export interface CliRunResult {
  exit: number | null;
  seconds: number | null;
  /** Seconds from the start to each phase's first progress line. */
  marks: Record<string, number>;
  peakRssMB: number | null;
  /** The command's last line of output, or the error. */
  status: string;
}

const PHASES = ['Auditing', 'Optimizing', 'Writing'];

async function run(req: CliRunRequest): Promise<CliRunResult> {
  const t0 = performance.now();
  const marks: Record<string, number> = {};
  let last = '';
  const note = (line: string) => {
    const phase = PHASES.find((p) => line.startsWith(p));
    if (phase && marks[phase] === undefined) marks[phase] = (performance.now() - t0) / 1000;
  };
  const io: Terminal = {
    out: (line) => (last = line),
    err: (line) => (line.startsWith('error') ? (last = line) : undefined),
    progress: note,
    endProgress: () => undefined,
  };
  const exit = await main(req.args, io);
  const seconds = (performance.now() - t0) / 1000;
  return { exit, seconds, marks, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024), status: last };
}

run(JSON.parse(process.argv[2] ?? '{}') as CliRunRequest)
  .then((r) => {
    console.log(JSON.stringify(r));
    process.exit(0);
  })
  .catch((e) => {
    console.log(JSON.stringify({ exit: null, seconds: null, marks: {}, peakRssMB: null, status: `error: ${e instanceof Error ? e.message : String(e)}` }));
    process.exit(0);
  });
