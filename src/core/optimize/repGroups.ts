/**
 * Groups of reps that block the balance band together, where no single rep does.
 *
 * With fractional assignments allowed, the band is a flow problem: each movable account sends its
 * value to its candidate reps, and each rep must end within its band. By the supply-demand theorem
 * (Gale; Hoffman's circulation theorem) that flow exists exactly when, for every group S of reps,
 *   - "short": the accounts S may own (plus those fixed to S) hold at least S's combined band minimum;
 *   - "over":  the accounts that can go nowhere but S (plus those fixed to S) hold at most S's combined
 *     band maximum.
 * So when the band (alone, without workload rows or capacity) is unreachable even fractionally, a
 * group breaks one of these, and a maximum flow finds it: its minimum cut is the group. Each group
 * found is checked again from its own sums before it is reported, and comes with the narrowest band
 * at which it stops blocking (another group may block longer: groupsFloor). Fixed accounts: locked /
 * Stage 3+ (pinned) and those with a single candidate. The theorem needs values of one sign, so a
 * metric with negative values (a credit in Revenue TTM) gets no groups.
 */
import { FlowNetwork } from './maxFlow';
import { fixedRep, wholeCapacity, withBand, ZERO_SHARE_SLACK, type Instance } from './instance';

export interface RepGroup {
  kind: 'short' | 'over';
  /** Rep indices, ascending (at least two: single reps are diagnosed one by one). */
  readonly reps: readonly number[];
  /** short: the value the group can reach; over: the value that can go nowhere else. */
  amount: number;
  /** short: the group's combined band minimum; over: its combined band maximum. */
  limit: number;
  /** Of `amount`, what locked and Stage 3+ accounts (pinned) hold at the group's reps. */
  pinned: number;
  /** The narrowest band at which the group's condition holds; Infinity when none does (a fair share of 0). */
  floor: number;
}

/**
 * The narrowest band the flow allows, i.e. the fractional floor when only the balance band binds (0
 * when nothing blocks the scenario's band; Infinity when no band helps): the widest of the single
 * reps' floors (locks over a rep's maximum, too little within its reach) and the groups'. A group's
 * floor is only where that group stops blocking, and the minimum cut picks the group with the
 * largest excess in money, not in percent, so the groups are found again at each new floor until
 * none blocks (at most a few rounds: 2 at 50k × 200; past 20 rounds the result is a lower bound).
 */
export function groupsFloor(inst: Instance): number {
  let floor = floors.get(inst);
  if (floor === undefined) floors.set(inst, (floor = findFloor(inst)));
  return floor;
}

/**
 * The narrowest band worth trying when the scenario's cannot be met: the LP relaxation's floor when it
 * proved one, else the rep groups' (when there is no LP, or the LP proves that no band keeps every
 * rule, since capacity, a workload band or locks block them all: the groups still bound balance).
 */
export function bandFloor(inst: Instance, lpBandFloor: number | null): number {
  return lpBandFloor !== null && Number.isFinite(lpBandFloor) ? lpBandFloor : groupsFloor(inst);
}

/** Per instance: the engine (to aim repair without an LP) and the tightest-band search both ask. */
const floors = new WeakMap<Instance, number>();

function findFloor(inst: Instance): number {
  if (inst.value.some((v) => v < 0)) return 0;
  let floor = Math.max(inst.scenario.band, singleRepFloor(inst));
  for (let round = 0; round < 20 && Number.isFinite(floor); round++) {
    const at = floor > inst.scenario.band ? withBand(inst, floor) : inst;
    const next = blockingRepGroups(at).reduce((f, g) => Math.max(f, g.floor), 0);
    if (next <= floor) break; // nothing blocks at `floor`
    floor = next;
  }
  return floor > inst.scenario.band ? floor : 0;
}

/** The widest band a single rep needs: its fixed accounts against its maximum, its reach against its minimum. */
function singleRepFloor(inst: Instance): number {
  const { fixed, reach } = fixedAndReach(inst, inst.value);
  let floor = 0;
  for (let r = 0; r < inst.nR; r++) {
    if (!inst.eligible[r]) continue;
    const t = inst.band.target[r];
    if (t <= 0) {
      // no fair share: it may keep rounding residue (the checker's rule)
      if (fixed[r] > ZERO_SHARE_SLACK) return Infinity;
      continue;
    }
    floor = Math.max(floor, fixed[r] / t - 1, 1 - reach[r] / t);
  }
  return floor;
}

/** Per rep, of `values`: what the accounts it cannot lose hold (fixedRep), and what every account it may hold does. */
export function fixedAndReach(inst: Instance, values: Float64Array): { fixed: Float64Array; reach: Float64Array } {
  const { nA, nR, cand } = inst;
  const fixed = new Float64Array(nR);
  const reach = new Float64Array(nR);
  for (let i = 0; i < nA; i++) {
    const f = fixedRep(inst, i);
    if (f >= 0) {
      fixed[f] += values[i];
      reach[f] += values[i];
    } else for (let p = cand.start[i]; p < cand.start[i + 1]; p++) reach[cand.reps[p]] += values[i];
  }
  return { fixed, reach };
}

/** Per instance: groupsFloor's first round and the blockers both ask (two flows, about 0.15 s at 50k accounts). */
const found = new WeakMap<Instance, readonly RepGroup[]>();

export function blockingRepGroups(inst: Instance): readonly RepGroup[] {
  let groups = found.get(inst);
  if (!groups) {
    groups = inst.value.some((v) => v < 0) ? [] : groupsOf(inst);
    for (const g of groups) {
      Object.freeze(g.reps);
      Object.freeze(g);
    }
    found.set(inst, Object.freeze(groups));
  }
  return groups;
}

/**
 * Groups of reps (two or more) whose capacities together are below the workload of the accounts
 * that can go only to them: no plan keeps their capacity, whatever the band. The "over" flow again,
 * on workload against capacity (single reps are diagnosed one by one, all reps by the total).
 */
export function capacityGroups(inst: Instance): readonly RepGroup[] {
  return sharedByCapacity(inst, 'groups', findCapacityGroups);
}

/**
 * What depends only on the candidates, workloads, capacities, locks and who may hold accounts, computed
 * once for every scenario that shares them (the blockers, the tightest-band search and the engine of
 * each scenario ask: at 50k × 200 one capacityGroups is 0.15 s).
 */
export function sharedByCapacity<T>(inst: Instance, kind: string, compute: (inst: Instance) => T): T {
  let entries = capacityShared.get(inst.cand);
  if (!entries) capacityShared.set(inst.cand, (entries = []));
  const same = (x: ArrayLike<number | boolean>, y: ArrayLike<number | boolean>) => x === y || (x.length === y.length && Array.prototype.every.call(x, (v, k) => v === y[k]));
  const hit = entries.find(
    (e) => e.kind === kind && same(e.inst.work, inst.work) && same(e.inst.capacity, inst.capacity) && same(e.inst.pinned, inst.pinned) && same(e.inst.eligible, inst.eligible) && same(e.inst.mustPlace, inst.mustPlace),
  );
  if (hit) return hit.value as T;
  const value = compute(inst);
  entries.push({ kind, inst, value });
  return value;
}

const capacityShared = new WeakMap<object, { kind: string; inst: Instance; value: unknown }[]>();

function findCapacityGroups(inst: Instance): readonly RepGroup[] {
  if (inst.capacity.every((c) => c === Infinity) || inst.work.some((w) => w < 0)) return [];
  const whole = wholeCapacity(inst);
  const byCapacity: Instance = { ...inst, value: inst.work, band: { lo: new Float64Array(inst.nR), hi: whole, target: whole } };
  const eligible = inst.eligible.filter(Boolean).length;
  return groupsOfKind(byCapacity, 'over', split(inst, inst.work)).filter((g) => g.reps.length < eligible);
}

type Split = { fixedLoad: Float64Array; pinnedLoad: Float64Array; free: number[]; epsilon: number };

/** The accounts split once for the flows, on `values`: what each rep cannot lose, what its locks hold, the free accounts. */
function split(inst: Instance, values: Float64Array): Split {
  const { fixed } = fixedAndReach(inst, values);
  const pinned = new Float64Array(inst.nR);
  const free: number[] = [];
  let total = 0;
  for (let i = 0; i < inst.nA; i++) {
    if (fixedRep(inst, i) < 0) free.push(i);
    if (inst.pinned[i] >= 0) pinned[inst.pinned[i]] += values[i];
    total += values[i];
  }
  return { fixedLoad: fixed, pinnedLoad: pinned, free, epsilon: 1e-9 * Math.max(1, total) };
}

/** Both kinds of group: the accounts are split into fixed and free once, then one flow per kind. */
function groupsOf(inst: Instance): RepGroup[] {
  const accounts = split(inst, inst.value);
  return [...groupsOfKind(inst, 'over', accounts), ...groupsOfKind(inst, 'short', accounts)];
}

function groupsOfKind(
  inst: Instance,
  kind: RepGroup['kind'],
  { fixedLoad, pinnedLoad, free, epsilon }: Split,
): RepGroup[] {
  const { nR, cand, value, band, eligible } = inst;
  // nodes: 0 source, 1 sink, 2 + r reps, 2 + nR + j free accounts
  const net = new FlowNetwork(2 + nR + free.length, nR + free.length + cand.reps.length);
  let wanted = 0;
  for (let r = 0; r < nR; r++) {
    if (!eligible[r]) continue;
    const room = Math.max(0, kind === 'over' ? band.hi[r] - fixedLoad[r] : band.lo[r] - fixedLoad[r]);
    net.addEdge(2 + r, 1, room);
    if (kind === 'short') wanted += room;
  }
  free.forEach((i, j) => {
    net.addEdge(0, 2 + nR + j, value[i]);
    if (kind === 'over') wanted += value[i];
    for (let p = cand.start[i]; p < cand.start[i + 1]; p++) if (eligible[cand.reps[p]]) net.addEdge(2 + nR + j, 2 + cand.reps[p], Infinity);
  });
  if (wanted - net.maxFlow(0, 1, epsilon) <= epsilon) return [];
  const side = net.sourceSide(0, epsilon);
  // over: the reps on the source side (every account there can reach only them);
  // short: the reps on the sink side that still need something (no account on the source side reaches them)
  const inGroup = new Uint8Array(nR);
  for (let r = 0; r < nR; r++) if (eligible[r]) inGroup[r] = kind === 'over' ? side[2 + r] : !side[2 + r] && band.lo[r] - fixedLoad[r] > epsilon ? 1 : 0;
  return measure(inst, kind, components(inst, kind, free, inGroup), fixedLoad, pinnedLoad, free).filter(
    (g) => g.reps.length >= 2 && (kind === 'over' ? g.amount > g.limit + epsilon : g.amount < g.limit - epsilon),
  );
}

/**
 * The group's reps split into parts that share no account that counts for them: for "short", an
 * account reaching two of them joins them; for "over", only an account that can go nowhere else does
 * (one that can also leave the group does not tie two parts' excesses together).
 */
function components(inst: Instance, kind: RepGroup['kind'], free: number[], inGroup: Uint8Array): number[][] {
  const parent = Int32Array.from({ length: inst.nR }, (_, r) => r);
  const find = (r: number): number => {
    while (parent[r] !== r) r = parent[r] = parent[parent[r]];
    return r;
  };
  const { start, reps } = inst.cand;
  for (const i of free) {
    if (kind === 'over') {
      let inside = true;
      for (let p = start[i]; p < start[i + 1] && inside; p++) if (inst.eligible[reps[p]] && !inGroup[reps[p]]) inside = false;
      if (!inside) continue;
    }
    let first = -1;
    for (let p = start[i]; p < start[i + 1]; p++) {
      const r = reps[p];
      if (!inGroup[r]) continue;
      if (first < 0) first = r;
      else parent[find(r)] = find(first);
    }
  }
  const parts = new Map<number, number[]>();
  for (let r = 0; r < inst.nR; r++) {
    if (!inGroup[r]) continue;
    const root = find(r);
    const part = parts.get(root);
    if (part) part.push(r);
    else parts.set(root, [r]);
  }
  return [...parts.values()];
}

/** Each group's own sums, recomputed from the accounts (not from the flow). */
function measure(inst: Instance, kind: RepGroup['kind'], groups: number[][], fixedLoad: Float64Array, pinnedLoad: Float64Array, free: number[]): RepGroup[] {
  const { cand, value, band } = inst;
  const groupOf = new Int32Array(inst.nR).fill(-1);
  const out: RepGroup[] = groups.map((reps, g) => {
    let amount = 0;
    let limit = 0;
    let pinned = 0;
    for (const r of reps) {
      groupOf[r] = g;
      amount += fixedLoad[r];
      pinned += pinnedLoad[r];
      limit += kind === 'over' ? band.hi[r] : band.lo[r];
    }
    return { kind, reps, amount, limit, pinned, floor: 0 };
  });
  for (const i of free) {
    // short: the group(s) the account can reach; over: the one group holding every candidate it has
    let only = -2; // -2 none yet, -1 reaches outside any single group
    for (let p = cand.start[i]; p < cand.start[i + 1]; p++) {
      const r = cand.reps[p];
      if (!inst.eligible[r]) continue;
      const g = groupOf[r];
      if (kind === 'short') {
        if (g >= 0 && g !== only) out[g].amount += value[i];
        if (g >= 0) only = g; // an account reaches one group at most: groups share no account
      } else only = only === -2 || only === g ? g : -1;
    }
    if (kind === 'over' && only >= 0) out[only].amount += value[i];
  }
  for (const g of out) {
    let target = 0;
    for (const r of g.reps) target += band.target[r];
    // a fair share of 0 (reps with 0 FTE) has a band of 0 whatever its width: no band lets it hold anything
    g.floor = target > 0 ? Math.max(0, kind === 'over' ? g.amount / target - 1 : 1 - g.amount / target) : Infinity;
  }
  return out;
}
