/**
 * Optimizer bench: `npm run bench` (all sizes, HiGHS MIP limit BENCH_MIP_SECONDS, default 120 s) or
 * `npm run bench -- --quick` (1k and 5k only, 20 s MIP). Each instance runs in its own child process
 * so peak RSS is per instance. Prints a table per instance and writes bench/results.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildInstance, buildLp, checkPlan, defaultScenarios, lpText, objectiveOf, optimize, solveLp } from '../src/core/optimize';
import type { Plan } from '../src/core/model';
import { loadHighs } from '../src/hosts/node/highs';
import { makeInstance } from './instances';
import type { ColdLpRequest, ColdLpResult } from './coldLp';
import type { WarmRunRequest, WarmRunResult } from './warmRun';
import type { CliRunRequest, CliRunResult } from './cliRun';
import { spawnNodeOptimizer } from '../src/hosts/node/worker';
import { packageRoot } from '../src/hosts/node/packageRoot';
import { freshBundle } from '../bin/bundle';
import { createParallelOptimizer, workersFor } from '../src/worker/parallel';

interface Row {
  name: string;
  seconds: number | null;
  objective: number | null;
  moves: number | null;
  status: string;
  rssMB: number | null;
}

interface InstanceResult {
  accounts: number;
  reps: number;
  lowerBound: number | null;
  rows: Row[];
  scenarios: { name: string; status: string; objective: number; moves: number; placements: number; band: number; worst: number; seconds: number; engine: string }[];
  notes: string[];
  /** Wall time of Minimal + Balanced + Redesign through the worker threads (the speed target's measure). */
  threeScenariosSeconds?: number;
  /** The bare LP relaxation solved in a fresh process, HiGHS load included (bench/coldLp.ts). */
  coldLp?: { arrays: ColdLpResult; text: ColdLpResult };
  /** The three scenarios on worker threads warmed up first, in a fresh process (bench/warmRun.ts). */
  warmRun?: WarmRunResult;
}

const SEED = 20260101;
/** bench/ (this file's folder when run through tsx; not when run from its bundle, bin/run-ts.js). */
const BENCH_DIR = join(packageRoot(), 'bench');
const COLD_ARRAYS = 'HiGHS LP relaxation, fresh process (arrays, presolve off)';
const COLD_TEXT = "HiGHS LP relaxation, fresh process (LP text, the package's solve())";

/** Node's arguments that run a bench script (bench/NAME) as the bench runs: its bundle (bin/bundle.js), else through tsx. */
function script(name: string): string[] {
  const entry = join(BENCH_DIR, name);
  const bundle = freshBundle(entry);
  return bundle ? [bundle] : ['--require', require.resolve('tsx/cjs'), entry];
}

/** Runs a bench helper script in a new process and parses the JSON on its last line. */
function inFreshProcess<T>(name: string, request: object, failed: (status: string) => T): T {
  const child = spawnSync(process.execPath, [...script(name), JSON.stringify(request)], { encoding: 'utf8', timeout: 900_000 });
  try {
    return JSON.parse(child.stdout.trim().split('\n').pop() ?? '') as T;
  } catch {
    return failed(`error: exit ${child.status}${child.signal ? `, ${child.signal}` : ''}`);
  }
}

/** One bare LP relaxation in a new process (bench/coldLp.ts), its HiGHS as cold as when the CLI starts. */
function coldLp(request: ColdLpRequest): ColdLpResult {
  return inFreshProcess<ColdLpResult>('coldLp.ts', request, (status) => ({ seconds: null, objective: null, status }));
}

/** The task pane's path in a new process (bench/warmRun.ts): workers warmed up, then the three scenarios. */
function warmRun(request: WarmRunRequest): WarmRunResult {
  return inFreshProcess<WarmRunResult>('warmRun.ts', request, (status) => ({ warmUpSeconds: null, territories: null, seconds: null, objective: null, moves: null, status }));
}

/** One command of the command line in a new process (bench/cliRun.ts), timed by phase, with its peak RSS. */
function cliRun(request: CliRunRequest): CliRunResult {
  return inFreshProcess<CliRunResult>('cliRun.ts', request, (status) => ({ exit: null, seconds: null, marks: {}, peakRssMB: null, status }));
}

/**
 * The command line end to end on the sample generator's workbooks (not the optimizer's instances
 * above: these are what `sample` writes, with formats, tables and settings): `rebalance`, the same on
 * its own output (a re-run finds our sheets in the workbook), and `apply` of the Minimal scenario.
 */
function cliSection(dir: string, sizes: [number, number][]): string {
  const lines = [
    '### Command line end to end',
    '',
    'Each command in a fresh process, on a workbook written by `territory-rebalancer sample --accounts N --reps M`, timed from the command\'s start (Node\'s own start and loading the bundle, about 0.2 s, come before). Reading runs until the audit starts, the optimizer from "Optimizing" to "Writing"; peak RSS is the process\'s, its worker threads included.',
    '',
    '| workbook | command | reading s | audit s | optimizer s | writing s | total s | peak RSS MB | status |',
    '|---|---|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const [nA, nR] of sizes) {
    const input = join(dir, `sample-${nA}.xlsx`);
    const out = join(dir, `out-${nA}.xlsx`);
    const sample = cliRun({ args: ['sample', input, '--accounts', String(nA), '--reps', String(nR)] });
    if (sample.exit !== 0) {
      lines.push(`| ${nA.toLocaleString('en-US')} × ${nR} | sample | — | — | — | — | — | — | ${sample.status} |`);
      continue;
    }
    const runs: [string, CliRunRequest][] = [
      ['rebalance', { args: ['rebalance', input, '--out', out] }],
      ['rebalance of its own output', { args: ['rebalance', out, '--out', join(dir, `again-${nA}.xlsx`)] }],
      ['apply --scenario Minimal', { args: ['apply', out, '--scenario', 'Minimal', '--out', join(dir, `applied-${nA}.xlsx`)] }],
    ];
    for (const [label, req] of runs) {
      const r = cliRun(req);
      const m = r.marks;
      const span = (from: number | undefined, to: number | undefined) => (from !== undefined && to !== undefined ? fmt(to - from) : '—');
      const phases = m.Auditing !== undefined ? [fmt(m.Auditing), span(m.Auditing, m.Optimizing), span(m.Optimizing, m.Writing), span(m.Writing, r.seconds ?? undefined)] : ['—', '—', '—', '—'];
      lines.push(`| ${nA.toLocaleString('en-US')} × ${nR} | ${label} | ${phases.join(' | ')} | ${fmt(r.seconds)} | ${r.peakRssMB ?? '—'} | ${r.exit === 0 ? 'ok' : r.status} |`);
      console.log(lines[lines.length - 1]);
    }
  }
  return lines.join('\n');
}

/** The sample workbooks the command line runs on: 5k × 25 (quick), and 50k × 200. */
function cliSizes(quick: boolean): [number, number][] {
  return quick ? [[5000, 25]] : [[5000, 25], [50000, 200]];
}

const rssMB = () => Math.round(process.resourceUsage().maxRSS / 1024);

function minimalRow(name: string, plan: Plan, seconds: number, status?: string): Row {
  return { name, seconds, objective: plan.objective, moves: plan.metrics.moves, status: status ?? `${plan.status}${plan.check.ok ? '' : ' (rules broken!)'}`, rssMB: rssMB() };
}

async function runOne(nA: number, nR: number, mipSeconds: number, jsLpSeconds: number, outFile: string): Promise<InstanceResult> {
  const data = makeInstance({ accounts: nA, reps: nR, seed: SEED });
  const result: InstanceResult = { accounts: nA, reps: nR, lowerBound: null, rows: [], scenarios: [], notes: [] };
  // saved after every step, so a crash in a later step (e.g. the MIP running out of memory) keeps the rest
  const rows = {
    push(r: Row) {
      result.rows.push(r);
      writeFileSync(outFile, JSON.stringify(result));
    },
  };
  const notes = result.notes;
  // Loaded but not run before the workers' run: worker threads share compiled WebAssembly with this
  // thread, so the workers meet HiGHS as cold as the CLI does, and the in-process runs below reuse
  // the code the workers tiered up (their timings show the pipeline's own work, not the JIT's).
  const highs = await loadHighs();

  // The product's path (CLI, task pane): worker threads, two scenario groups on two cores, worker start included.
  // First, so that its peak RSS is the workers' and not the in-process runs' below.
  const parallel = { cores: cpus().length, idleMs: 1000 };
  const client = createParallelOptimizer(() => spawnNodeOptimizer(), parallel);
  let t = Date.now();
  const three = await client.run(data, { timeLimitMs: 600_000, scenarios: defaultScenarios(data.settings).slice(0, 3) });
  result.threeScenariosSeconds = (Date.now() - t) / 1000;
  const workers = workersFor(nA, parallel);
  rows.push(minimalRow(`ours: Minimal + Balanced + Redesign, CLI path (${workers} worker thread${workers > 1 ? 's' : ''})`, three.plans[0], result.threeScenariosSeconds));
  client.terminate();

  highs.solve('Minimize\n obj: x\nSubject To\n c: x >= 1\nEnd\n');

  t = Date.now();
  const all = await optimize(data, { highs, timeLimitMs: 600_000 });
  const allSeconds = (Date.now() - t) / 1000;
  rows.push(minimalRow('ours: all 4 scenarios, one thread (Minimal shown)', all.plans[0], allSeconds));
  notes.push(...all.notes);
  result.scenarios = all.plans.map((p) => ({
    name: p.scenario.name,
    status: p.status,
    objective: p.objective,
    moves: p.metrics.moves,
    placements: p.metrics.placements,
    band: p.scenario.band,
    worst: p.check.worstDeviation,
    seconds: p.elapsedMs / 1000,
    engine: p.engine,
  }));

  t = Date.now();
  const minimal = await optimize(data, { highs, timeLimitMs: 600_000, scenarios: [defaultScenarios(data.settings)[0]] });
  rows.push(minimalRow('ours: Minimal alone', minimal.plans[0], (Date.now() - t) / 1000));

  t = Date.now();
  const ts = await optimize(data, { highs: null, timeLimitMs: 120_000, scenarios: [defaultScenarios(data.settings)[0]] });
  rows.push(minimalRow('ours: Minimal, TypeScript engine (no HiGHS)', ts.plans[0], (Date.now() - t) / 1000));

  // The bare LPs: the model (arrays, or its LP text) is built before each clock starts, as in
  // bench/coldLp.ts, so every reference times HiGHS alone.
  const inst = buildInstance(data, defaultScenarios(data.settings)[0]);
  const model = buildLp(inst, { free: null, owner: null, integer: false });
  t = Date.now();
  const lp = solveLp(highs, model, 600);
  result.lowerBound = lp.objective;
  rows.push({ name: 'HiGHS LP relaxation (arrays)', seconds: (Date.now() - t) / 1000, objective: lp.objective, moves: null, status: lp.status, rssMB: rssMB() });
  const modelOff = buildLp(inst, { free: null, owner: null, integer: false });
  t = Date.now();
  const lpOff = solveLp(highs, modelOff, 600, undefined, undefined, { presolve: 'off' });
  rows.push({ name: 'HiGHS LP relaxation (arrays, presolve off)', seconds: (Date.now() - t) / 1000, objective: lpOff.objective, moves: null, status: lpOff.status, rssMB: rssMB() });
  const text = lpText(model.arrays);
  t = Date.now();
  const lpT = highs.solve(text, { time_limit: 600, output_flag: false });
  rows.push({ name: `HiGHS LP relaxation (LP text, ${(text.length / 1e6).toFixed(1)} MB)`, seconds: (Date.now() - t) / 1000, objective: lpT.ObjectiveValue + model.constant, moves: null, status: lpT.Status, rssMB: rssMB() });

  if (jsLpSeconds > 0) rows.push(runJsLpSolver(inst, model, jsLpSeconds));

  t = Date.now();
  const mip = buildLp(inst, { free: null, owner: null, integer: true });
  const mres = solveLp(highs, mip, mipSeconds);
  rows.push({
    name: `HiGHS MIP (${mipSeconds} s limit)`,
    seconds: (Date.now() - t) / 1000,
    objective: mres.x ? mres.objective : null,
    moves: mres.x ? countMoves(inst, mip, mres.x) : null,
    status: mres.x ? mres.status : `${mres.status}, no solution`,
    rssMB: rssMB(),
  });

  // The same LP with HiGHS cold, as the CLI meets it, by our arrays and by the package's LP-text solve()
  // (own processes: their memory shows in no row here).
  const arraysCold = coldLp({ accounts: nA, reps: nR, seed: SEED, how: 'arrays' });
  const textCold = coldLp({ accounts: nA, reps: nR, seed: SEED, how: 'text' });
  result.coldLp = { arrays: arraysCold, text: textCold };
  rows.push({ name: COLD_ARRAYS, seconds: arraysCold.seconds, objective: arraysCold.objective, moves: null, status: arraysCold.status, rssMB: null });
  rows.push({ name: COLD_TEXT, seconds: textCold.seconds, objective: textCold.objective, moves: null, status: textCold.status, rssMB: null });

  // The task pane's path: the workers warmed up while the user reads the verdict (own process).
  const warm = warmRun({ accounts: nA, reps: nR, seed: SEED });
  result.warmRun = warm;
  rows.push({
    name: `ours: Minimal + Balanced + Redesign, worker thread${workers > 1 ? 's' : ''} warmed up first as the task pane does (warm-up ${fmt(warm.warmUpSeconds)} s; fresh process)`,
    seconds: warm.seconds,
    objective: warm.objective,
    moves: warm.moves,
    status: warm.status,
    rssMB: null,
  });
  return result;
}

function countMoves(inst: ReturnType<typeof buildInstance>, model: ReturnType<typeof buildLp>, x: Float64Array): number {
  let n = 0;
  for (let k = 0; k < model.arrays.numCols; k++) {
    const i = model.colAccount[k];
    if (x[k] > 0.5 && !inst.mustPlace[i] && inst.cand.reps[model.colPos[k]] !== inst.current[i]) n++;
  }
  return n;
}

/** javascript-lp-solver on the same MIP, in a child process killed at the time limit. */
function runJsLpSolver(inst: ReturnType<typeof buildInstance>, model: ReturnType<typeof buildLp>, seconds: number): Row {
  const m = model.arrays;
  const constraints: Record<string, { min?: number; max?: number; equal?: number }> = {};
  for (let j = 0; j < m.numRows; j++) {
    const lo = m.rowLower[j];
    const hi = m.rowUpper[j];
    constraints['r' + j] = lo === hi ? { equal: lo } : { ...(lo > -Infinity ? { min: lo } : {}), ...(hi < Infinity ? { max: hi } : {}) };
  }
  const variables: Record<string, Record<string, number>> = {};
  const ints: Record<string, 1> = {};
  for (let k = 0; k < m.numCols; k++) {
    const v: Record<string, number> = { cost: m.colCost[k], ['u' + k]: 1 };
    for (let e = m.starts[k]; e < m.starts[k + 1]; e++) v['r' + m.indices[e]] = m.values[e];
    variables['x' + k] = v;
    constraints['u' + k] = { max: 1 };
    ints['x' + k] = 1;
  }
  const dir = mkdtempSync(join(tmpdir(), 'jslp-'));
  const file = join(dir, 'model.json');
  writeFileSync(file, JSON.stringify({ optimize: 'cost', opType: 'min', constraints, variables, ints, options: { timeout: seconds * 1000 } }));
  const child = `const s=require('javascript-lp-solver');const m=JSON.parse(require('fs').readFileSync(process.argv[1],'utf8'));const t=Date.now();const r=s.Solve(m);const x=Object.entries(r).filter(([k,v])=>/^x\\d+$/.test(k)&&Math.abs(v)>1e-9).map(([k,v])=>[Number(k.slice(1)),v]);console.log(JSON.stringify({feasible:r.feasible,result:r.result,ms:Date.now()-t,x}));`;
  const t = Date.now();
  const res = spawnSync(process.execPath, ['-e', child, file], { cwd: process.cwd(), timeout: (seconds + 10) * 1000, encoding: 'utf8', maxBuffer: 1 << 26 });
  rmSync(dir, { recursive: true, force: true });
  const elapsed = (Date.now() - t) / 1000;
  if (res.error || res.status !== 0) {
    const why = res.error && /ETIMEDOUT/.test(String(res.error)) ? `killed after ${seconds + 10} s` : `failed: ${(res.stderr || String(res.error)).split('\n').find((l) => /Error/.test(l)) ?? 'exit ' + res.status}`;
    return { name: `javascript-lp-solver (${seconds} s limit)`, seconds: elapsed, objective: null, moves: null, status: why, rssMB: null };
  }
  try {
    const out = JSON.parse(res.stdout.trim().split('\n').pop() ?? '{}') as { feasible: boolean; result: number; x: [number, number][] };
    return { name: `javascript-lp-solver (${seconds} s limit)`, seconds: elapsed, ...verifyJsLp(inst, model, out) };
  } catch {
    return { name: `javascript-lp-solver (${seconds} s limit)`, seconds: elapsed, objective: null, moves: null, status: 'unreadable output', rssMB: null };
  }
}

/** Our own check of javascript-lp-solver's answer: integral, one rep per account, and checkPlan. */
function verifyJsLp(
  inst: ReturnType<typeof buildInstance>,
  model: ReturnType<typeof buildLp>,
  out: { feasible: boolean; result: number; x: [number, number][] },
): Pick<Row, 'objective' | 'moves' | 'status' | 'rssMB'> {
  if (!out.feasible) return { objective: null, moves: null, status: 'reports no feasible solution', rssMB: null };
  const fractional = out.x.filter(([, v]) => Math.abs(v - Math.round(v)) > 1e-6).length;
  const claimed = out.result + model.constant;
  if (fractional > 0)
    return { objective: null, moves: null, status: `reports "feasible" ${claimed.toFixed(3)}, but ${fractional} variables are fractional: not an assignment`, rssMB: null };
  const owner = Int32Array.from(inst.current);
  for (let i = 0; i < inst.nA; i++) if (inst.pinned[i] >= 0) owner[i] = inst.pinned[i];
  else if (inst.mustPlace[i]) owner[i] = inst.cand.reps[inst.cand.start[i]];
  for (const [k, v] of out.x) if (v > 0.5) owner[model.colAccount[k]] = inst.cand.reps[model.colPos[k]];
  const check = checkPlan(inst.data, inst.scenario, Array.from(owner, (r) => inst.data.reps[r].id));
  const ok = check.ok && check.bandMet;
  return { objective: ok ? objectiveOf(inst, owner) : null, moves: null, status: ok ? 'feasible (checked)' : `reports "feasible" but the checker finds: ${check.violations[0] ?? 'band not met'}`, rssMB: null };
}

function fmt(v: number | null, digits = 2): string {
  return v === null || !Number.isFinite(v) ? '—' : v.toFixed(digits);
}

function table(r: InstanceResult): string {
  const refs = r.rows.filter((x) => x.name.startsWith('HiGHS MIP') && x.objective !== null).map((x) => x.objective as number);
  const best = refs.length ? Math.min(...refs) : null;
  const lines = [
    `### ${r.accounts.toLocaleString('en-US')} accounts × ${r.reps} reps`,
    '',
    `LP lower bound (Minimal): ${fmt(r.lowerBound, 3)}; best reference (HiGHS MIP): ${fmt(best, 3)}`,
    '',
    '| run | time s | Minimal objective | moves | ratio to MIP best | ratio to LP bound | peak RSS MB | status |',
    '|---|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const x of r.rows) {
    const isLp = x.name.includes('LP relaxation');
    const ratio = (ref: number | null) => (x.objective !== null && ref !== null && ref !== 0 && !isLp ? fmt(x.objective / ref, 4) : '—');
    lines.push(`| ${x.name} | ${fmt(x.seconds)} | ${fmt(x.objective, 3)} | ${x.moves ?? '—'} | ${ratio(best)} | ${ratio(r.lowerBound)} | ${x.rssMB ?? '—'} | ${x.status} |`);
  }
  lines.push('', '| scenario (all-scenarios run) | status | engine | objective | moves | placements | band | worst deviation | time s |', '|---|---|---|---:|---:|---:|---:|---:|---:|');
  for (const s of r.scenarios)
    lines.push(`| ${s.name} | ${s.status} | ${s.engine} | ${fmt(s.objective, 3)} | ${s.moves} | ${s.placements} | ±${(s.band * 100).toFixed(0)}% | ${(s.worst * 100).toFixed(1)}% | ${fmt(s.seconds)} |`);
  // the issue's speed target: Minimal + Balanced + Redesign within 3x one bare LP relaxation
  const oneThread = r.scenarios.filter((s) => ['Minimal', 'Balanced', 'Redesign'].includes(s.name)).reduce((sum, s) => sum + s.seconds, 0);
  const warm = r.rows.filter((x) => x.name.startsWith('HiGHS LP relaxation (') && x.seconds !== null).map((x) => x.seconds as number);
  const par = r.threeScenariosSeconds;
  if (warm.length) {
    const lp = Math.min(...warm);
    const times = (t: number, ref: number) => `${fmt(t)} s = ${fmt(t / ref, 1)} ×`;
    lines.push('', 'Speed target (Minimal + Balanced + Redesign within 3 × one bare LP relaxation of the Minimal model):');
    lines.push(
      `- against the fastest bare LP in this process, its WebAssembly warm (${fmt(lp)} s): ` +
        (par !== undefined ? `worker threads ${times(par, lp)}; ` : '') +
        `one thread (sum of the three scenarios above) ${times(oneThread, lp)}.`,
    );
    const cold = r.coldLp;
    if (cold && par !== undefined && cold.arrays.seconds)
      lines.push(`- against that LP in a fresh process, HiGHS as cold as when the CLI starts (${fmt(cold.arrays.seconds)} s, HiGHS load included): worker threads ${times(par, cold.arrays.seconds)}.`);
    if (cold && par !== undefined && cold.text.seconds)
      lines.push(`- against the \`highs\` package's solve() on LP text in a fresh process, the way the issue measured its reference (${fmt(cold.text.seconds)} s, HiGHS load included): worker threads ${times(par, cold.text.seconds)}.`);
    const pane = r.warmRun?.seconds;
    if (pane)
      lines.push(
        `- worker threads warmed up first, as the task pane warms its Web Workers while the user reads the verdict: ${fmt(pane)} s = ${fmt(pane / lp, 1)} × the warm LP` +
          (cold?.arrays.seconds ? `, ${fmt(pane / cold.arrays.seconds, 1)} × the fresh-process LP` : '') +
          (cold?.text.seconds ? `, ${fmt(pane / cold.text.seconds, 1)} × the LP-text reference` : '') +
          '.',
      );
  }
  if (r.notes.length) lines.push('', ...r.notes.map((n) => `- ${n}`));
  return lines.join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const one = args.indexOf('--one');
  if (one >= 0) {
    const [nA, nR, mip, js] = args.slice(one + 1, one + 5).map(Number);
    const res = await runOne(nA, nR, mip, js, args[one + 5]);
    writeFileSync(args[one + 5], JSON.stringify(res));
    return;
  }
  const quick = args.includes('--quick');
  if (args.includes('--cli')) {
    // the command line's section alone, printed (results.md is written by a whole run)
    const dir = mkdtempSync(join(tmpdir(), 'bench-cli-'));
    console.log(cliSection(dir, cliSizes(quick)));
    rmSync(dir, { recursive: true, force: true });
    return;
  }
  const mipSeconds = quick ? 20 : Number(process.env.BENCH_MIP_SECONDS ?? 120);
  const sizes: [number, number][] = quick ? [[1000, 20], [5000, 25]] : [[1000, 20], [5000, 25], [20000, 50], [50000, 200]];
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  const sections: string[] = [];
  for (const [nA, nR] of sizes) {
    const out = join(dir, `${nA}x${nR}.json`);
    const jsSeconds = nA === 1000 ? (quick ? 20 : 60) : 0;
    const child = spawnSync(process.execPath, [...process.execArgv, __filename, '--one', String(nA), String(nR), String(mipSeconds), String(jsSeconds), out], {
      stdio: ['ignore', 'inherit', 'inherit'],
      timeout: (mipSeconds * 2 + jsSeconds + 900) * 1000,
    });
    let section: string;
    try {
      section = table(JSON.parse(readFileSync(out, 'utf8')) as InstanceResult);
      if (child.status !== 0) section += `\n\nThe instance's process ended early (exit ${child.status}${child.signal ? `, ${child.signal}` : ''}): the rows above are what finished.`;
    } catch {
      section = `### ${nA} × ${nR}\n\nThe run did not finish (exit ${child.status}, ${child.error ? String(child.error) : 'no error'}).`;
    }
    console.log('\n' + section + '\n');
    sections.push(section);
  }
  sections.push(cliSection(dir, cliSizes(quick)));
  rmSync(dir, { recursive: true, force: true });
  const md = [
    '# Optimizer bench',
    '',
    `Run: \`npm run bench${quick ? ' -- --quick' : ''}\` on ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, Node ${process.version}. ` +
      `Instances from bench/instances.ts (seed ${SEED}); HiGHS MIP limit ${mipSeconds} s. Objective = disruption-weighted moves (Low 1 / Medium 3 / High 10) ` +
      '+ 0.001 × miles of travel added (placements cost their distance); lower is better. "ours" plans are checked by checkPlan; MIP and javascript-lp-solver ' +
      'results are their solvers\' own claims.',
    '',
    ...sections.flatMap((s) => [s, '']),
  ].join('\n');
  writeFileSync(join(BENCH_DIR, 'results.md'), md);
  console.log('wrote bench/results.md');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
