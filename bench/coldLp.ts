/**
 * Bench helper, run as its own process (`tsx bench/coldLp.ts '<request JSON>'`, prints the result
 * JSON): one bare LP relaxation of the Minimal model with HiGHS as cold as it is when the CLI starts
 * (its WebAssembly compiled and tiered up by nothing before; a worker thread would share code that
 * the bench's own process has already tiered up). The model is built before the clock starts; the
 * time covers loading HiGHS and the solve. `how`: 'arrays' (our model arrays, presolve off: the
 * fastest way we found) or 'text' (the `highs` package's own solve() on CPLEX LP text, the way the
 * issue measured its reference).
 */
import { buildInstance, buildLp, defaultScenarios, lpText, solveLp } from '../src/core/optimize';
import { loadHighs } from '../src/hosts/node/highs';
import { makeInstance } from './instances';

export interface ColdLpRequest {
  accounts: number;
  reps: number;
  seed: number;
  how: 'arrays' | 'text';
}

export interface ColdLpResult {
  /** null when the run failed (see status) */
  seconds: number | null;
  objective: number | null;
  status: string;
}

async function main(req: ColdLpRequest): Promise<ColdLpResult> {
  const data = makeInstance({ accounts: req.accounts, reps: req.reps, seed: req.seed });
  const inst = buildInstance(data, defaultScenarios(data.settings)[0]);
  const model = buildLp(inst, { free: null, owner: null, integer: false });
  const text = req.how === 'text' ? lpText(model.arrays) : '';
  const t = performance.now();
  const highs = await loadHighs();
  if (req.how === 'text') {
    const sol = highs.solve(text, { time_limit: 600, output_flag: false });
    return { seconds: (performance.now() - t) / 1000, objective: sol.ObjectiveValue + model.constant, status: sol.Status };
  }
  const res = solveLp(highs, model, 600, undefined, undefined, { presolve: 'off' });
  return { seconds: (performance.now() - t) / 1000, objective: res.objective, status: res.status };
}

if (require.main === module)
  main(JSON.parse(process.argv[2]) as ColdLpRequest).then(
    (r) => console.log(JSON.stringify(r)),
    (e) => console.log(JSON.stringify({ seconds: null, objective: null, status: `error: ${String(e)}` })),
  );
