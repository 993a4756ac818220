/**
 * The moves of a plan, in the order they are applied (placements first, then moves out of the most
 * overloaded territories), each with a plain-language reason naming the before/after numbers.
 */
import type { BalanceMetric, Move } from '../model';
import { accountRepMiles } from '../metrics/basics';
import type { Instance } from './instance';

export function formatAmount(v: number, metric: BalanceMetric, digits = 3): string {
  if (metric === 'accounts') return `${v} account${v === 1 ? '' : 's'}`;
  if (metric === 'workload') return `workload ${Number(v.toPrecision(digits))}`;
  const a = Math.abs(v);
  const s = a >= 1e6 ? `$${Number((v / 1e6).toPrecision(digits))}M` : a >= 1e3 ? `$${Number((v / 1e3).toPrecision(digits))}k` : `$${Math.round(v)}`;
  const label = metric === 'potential' ? 'potential' : metric === 'growthPotential' ? 'growth-adjusted potential' : 'revenue TTM';
  return `${s} ${label}`;
}

/** An amount as a whole percent of its target ('n/a' without a target). */
export function pct(load: number, target: number): string {
  return target > 0 ? `${Math.round((100 * load) / target)}%` : 'n/a';
}

function ordinal(n: number): string {
  const s = n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th';
  return `${n}${s}`;
}

export function buildMoves(inst: Instance, owner: Int32Array): Move[] {
  const { data, current, value, band, mustPlace } = inst;
  const { accounts, reps } = data;
  const metric = inst.scenario.balanceOn;
  const load = new Float64Array(inst.nR);
  for (let i = 0; i < inst.nA; i++) if (current[i] >= 0) load[current[i]] += value[i];
  const ratio = (r: number) => (band.target[r] > 0 ? load[r] / band.target[r] : 0);
  const changed: number[] = [];
  for (let i = 0; i < inst.nA; i++) if (owner[i] !== current[i]) changed.push(i);
  const startRatio = Float64Array.from({ length: inst.nR }, (_, r) => ratio(r));
  changed.sort((x, y) => {
    const px = mustPlace[x] ? 0 : 1;
    const py = mustPlace[y] ? 0 : 1;
    if (px !== py) return px - py;
    if (px === 1 && current[x] !== current[y]) return startRatio[current[y]] - startRatio[current[x]] || current[x] - current[y];
    return x - y;
  });
  const moves: Move[] = [];
  for (const i of changed) {
    const a = accounts[i];
    const to = owner[i];
    const from = current[i];
    const amount = formatAmount(value[i], metric);
    let reason: string;
    if (mustPlace[i]) {
      if (from >= 0) load[from] -= value[i];
      load[to] += value[i];
      const miles = accountRepMiles(a, reps[to]);
      const where = placementWhere(inst, i, to, load);
      const head = from >= 0 ? `Departing rep ${reps[from].id}'s account ${a.id}` : a.owner !== null ? `${a.id} (owner "${a.owner}" is not a rep)` : `Unassigned account ${a.id}`;
      reason = `${head} placed with ${reps[to].id} (${where}${miles !== null ? `: ${Math.round(miles)} mi` : ''}, now at ${pct(load[to], band.target[to])} of fair share; ${amount})`;
    } else {
      const b1 = pct(load[from], band.target[from]);
      const b2 = pct(load[to], band.target[to]);
      load[from] -= value[i];
      load[to] += value[i];
      reason =
        `${reps[from].id} is at ${b1} of fair share, ${reps[to].id} at ${b2}; moving ${a.id} (${amount}) brings them to ` +
        `${pct(load[from], band.target[from])} and ${pct(load[to], band.target[to])}`;
      const d0 = accountRepMiles(a, reps[from]);
      const d1 = accountRepMiles(a, reps[to]);
      if (d0 !== null && d1 !== null && Math.round(d0) !== Math.round(d1)) reason += `; travel ${Math.round(d0)} → ${Math.round(d1)} mi`;
    }
    moves.push({
      accountId: a.id,
      from: a.owner,
      to: reps[to].id,
      reason,
      disruption: inst.level[i],
      placement: mustPlace[i],
    });
  }
  return moves;
}

/** "nearest rep with room", or "3rd-nearest rep" when a nearer candidate had room, or "rep" without distances. */
function placementWhere(inst: Instance, i: number, to: number, load: Float64Array): string {
  const { cand, band, value } = inst;
  const myMiles = accountRepMiles(inst.data.accounts[i], inst.data.reps[to]);
  if (myMiles === null) return 'candidate rep';
  let nearer = 0;
  let nearerWithRoom = 0;
  for (let p = cand.start[i]; p < cand.start[i + 1]; p++) {
    const r = cand.reps[p];
    if (r === to || Number.isNaN(cand.miles[p]) || cand.miles[p] >= myMiles) continue;
    nearer++;
    if (load[r] + value[i] <= band.hi[r]) nearerWithRoom++;
  }
  if (nearer === 0) return 'nearest rep';
  if (nearerWithRoom === 0) return 'nearest rep with room';
  return `${ordinal(nearer + 1)}-nearest rep`;
}
