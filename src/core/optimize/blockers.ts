/**
 * Why a band cannot be met (locked / Stage 3+ accounts pinning a rep, an oversized account, reps that
 * cannot reach enough accounts, alone or as a group, missing capacity, a region out of balance), and
 * the tightest band the pipeline can reach (bisection on the band with repair + local search).
 */
import { accountRegion, accountRepMiles } from '../metrics/basics';
import { isRetainedDeal } from '../metrics/handoff';
import { Assignment, CAP_EPS, type Budget } from './assignment';
import { fixedRep, type Instance, wholeCapacity, withBand, workAndCapacity, workUnit, ZERO_SHARE_SLACK } from './instance';
import { localSearch } from './localSearch';
import { formatAmount, pct } from './reasons';
import { num } from '../triggers/format';
import { repair, type RepairGoal } from './repair';
import { narrowestBand } from './bandSearch';
import { bandFloor, blockingRepGroups, capacityGroups, fixedAndReach, groupsFloor, sharedByCapacity, type RepGroup } from './repGroups';

export function diagnoseBlockers(inst: Instance): string[] {
  const { data, nA, nR, cand, value, work, band } = inst;
  const { accounts, reps } = data;
  const metric = inst.scenario.balanceOn;
  const out: string[] = [];
  const { fixed: pinnedLoad, reach } = fixedAndReach(inst, value);
  const { fixed: pinnedWork, reach: workReach } = fixedAndReach(inst, work);
  const pinnedList: number[][] = Array.from({ length: nR }, () => []);
  for (let i = 0; i < nA; i++) {
    const f = fixedRep(inst, i);
    if (f >= 0) pinnedList[f].push(i);
  }
  const whole = wholeCapacity(inst);
  const why = (i: number) => (accounts[i].locked ? 'locked' : isRetainedDeal(accounts[i], data.settings) ? `Stage ${accounts[i].maxStage}` : 'no other candidate');
  for (let r = 0; r < nR; r++) {
    if (!inst.eligible[r]) continue;
    const t = band.target[r];
    // a rep with no fair share may keep rounding residue, as the checker allows
    if (pinnedLoad[r] > band.hi[r] + (t > 0 ? 1e-9 * Math.max(1, t) : ZERO_SHARE_SLACK)) {
      const top = [...pinnedList[r]].sort((x, y) => value[y] - value[x] || x - y).slice(0, 3);
      out.push(
        `${reps[r].id}: accounts that must stay (locked / Stage 3+) already hold ${formatAmount(pinnedLoad[r], metric)}, ` +
          `${pct(pinnedLoad[r], t)} of fair share, above the band maximum of ${formatAmount(band.hi[r], metric)}: ` +
          top.map((i) => `${accounts[i].id} (${why(i)}, ${formatAmount(value[i], metric)})`).join(', '),
      );
    }
    if (t > 0 && reach[r] < band.lo[r] - 1e-9 * Math.max(1, t))
      out.push(
        `${reps[r].id} can reach only ${formatAmount(reach[r], metric)} (${pct(reach[r], t)} of fair share) among accounts it may own ` +
          `(${candidateRule(inst)}), below the band minimum of ${formatAmount(band.lo[r], metric)}.${wider(inst, 'short', [r], 'lets more accounts reach it')}`,
      );
    if (pinnedWork[r] > whole[r] + 1e-9)
      out.push(`${reps[r].id}: accounts that must stay carry workload ${pinnedWork[r].toFixed(1)}, above its capacity ${capacityText(inst, r, whole)}`);
    if (inst.workBand && pinnedWork[r] > inst.workBand.hi[r] + 1e-9)
      out.push(`${reps[r].id}: accounts that must stay carry workload ${pinnedWork[r].toFixed(1)}, above the workload band maximum ${inst.workBand.hi[r].toFixed(1)}`);
    if (inst.workBand && whole[r] < inst.workBand.lo[r] - 1e-9)
      out.push(`${reps[r].id}: its capacity ${capacityText(inst, r, whole)} is below its workload band minimum ${inst.workBand.lo[r].toFixed(1)}; capacity is kept, so the workload band cannot be met`);
    if (inst.workBand && inst.workBand.target[r] > 0 && workReach[r] < inst.workBand.lo[r] - 1e-9)
      out.push(`${reps[r].id} can reach only workload ${workReach[r].toFixed(1)} among accounts it may own, below the workload band minimum ${inst.workBand.lo[r].toFixed(1)}`);
  }
  for (let i = 0; i < nA; i++) {
    if (fixedRep(inst, i) >= 0) continue;
    let maxHi = 0;
    for (let p = cand.start[i]; p < cand.start[i + 1]; p++) maxHi = Math.max(maxHi, band.hi[cand.reps[p]]);
    if (value[i] > maxHi + 1e-9)
      out.push(`${accounts[i].id} (${formatAmount(value[i], metric)}) is larger than the band maximum of every rep it may go to (largest ${formatAmount(maxHi, metric)})`);
  }
  const { work: totalWork, capacity: typedCap } = workAndCapacity(inst);
  const wholeCap = workAndCapacity(inst, true).capacity;
  if (totalWork > typedCap + 1e-9) out.push(`Total workload ${totalWork.toFixed(1)} exceeds the reps' total capacity ${typedCap.toFixed(1)}`);
  else if (totalWork > wholeCap + 1e-9) {
    const r = whole.findIndex((c, k) => inst.eligible[k] && c < inst.capacity[k]);
    out.push(
      `Total workload ${totalWork.toFixed(1)} exceeds what the reps' capacities hold in whole accounts: every account's workload is a whole multiple of ${num(workUnit(inst)!, 3)}, ` +
        `so a rep carries at most its capacity rounded down to one (${reps[r].id}: ${num(inst.capacity[r], 3)} → ${num(whole[r], 3)}), ${wholeCap.toFixed(1)} in all, against ${typedCap.toFixed(1)} as typed`,
    );
  }
  const groups = blockingRepGroups(inst);
  if (inst.scenario.withinRegion) out.push(...regionBlockers(inst, groups));
  out.push(...groups.map((g) => groupText(inst, g)));
  out.push(...capacityGroups(inst).map((g) => capacityGroupText(inst, g)));
  return out;
}

/** What lets an over-group's accounts fit: unlocking when its locks alone overfill it (`locksHold`: "hold $X"), else the wider choice. */
function overRemedy(inst: Instance, g: RepGroup, locksHold: string, orMore: string): string {
  return g.pinned > g.limit
    ? ` Their locked and Stage 3+ accounts alone ${locksHold}: only unlocking some (or allowing Stage 3+ moves)${orMore} brings them within it.`
    : wider(inst, 'over', g.reps, 'lets more of these accounts go elsewhere');
}

function capacityGroupText(inst: Instance, g: RepGroup): string {
  const remedy = overRemedy(inst, g, `carry workload ${g.pinned.toFixed(1)}`, ', or more capacity,') || ' Only more capacity on the Reps sheet helps.';
  const typed = g.reps.reduce((sum, r) => sum + inst.capacity[r], 0);
  const limit = typed > g.limit + 1e-9 ? `${g.limit.toFixed(1)} in whole accounts (${typed.toFixed(1)} as typed)` : g.limit.toFixed(1);
  return `Accounts that can go only to reps ${repList(inst, g.reps)} (locked, Stage 3+, or no candidate elsewhere) carry workload ${g.amount.toFixed(1)}, above those reps' combined capacity ${limit}: no plan keeps their capacity.${remedy}`;
}

/** A rep's capacity as typed, and what whole accounts can fill of it when that is less: "291.543 (291 in whole accounts)". */
function capacityText(inst: Instance, r: number, whole: Float64Array): string {
  return inst.capacity[r] > whole[r] + 1e-9 ? `${num(inst.capacity[r], 3)} (${num(whole[r], 3)} in whole accounts)` : num(inst.capacity[r], 3);
}

/** Which reps an account may go to, as the blockers say it. */
function candidateRule(inst: Instance): string {
  const { settings } = inst.data;
  return `nearest-${settings.candidateReps} candidates${settings.maxDistanceMiles !== null ? `, ${settings.maxDistanceMiles} mi limit` : ''}${inst.scenario.withinRegion ? ', same region' : ''}`;
}

/** "R1, R2 and R3"; past eight reps, "R1, ..., R8 and 12 more". */
function repList(inst: Instance, reps: readonly number[]): string {
  const ids = reps.map((r) => inst.data.reps[r].id);
  if (ids.length > 8) return `${ids.slice(0, 8).join(', ')} and ${ids.length - 8} more`;
  return ids.length === 1 ? ids[0] : `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;
}

function groupText(inst: Instance, g: RepGroup): string {
  const metric = inst.scenario.balanceOn;
  // as many digits as it takes for the two sums to read differently ($24.03M against $24.05M)
  let digits = 3;
  while (digits < 6 && formatAmount(g.amount, metric, digits) === formatAmount(g.limit, metric, digits)) digits++;
  const amount = formatAmount(g.amount, metric, digits);
  const limit = formatAmount(g.limit, metric, digits);
  const needs = Number.isFinite(g.floor) ? `: as a group they need ${bandAtLeast(g.floor, inst.scenario.band)}` : ': no band helps, as their fair share is 0';
  if (g.kind === 'short')
    return `Reps ${repList(inst, g.reps)} together can reach only ${amount} among accounts they may own (${candidateRule(inst)}), below their combined band minimum of ${limit}${needs}.${wider(inst, 'short', g.reps, 'lets more accounts reach them')}`;
  const remedy = overRemedy(inst, g, `hold ${formatAmount(g.pinned, metric, digits)}`, '');
  return `Accounts that can go only to reps ${repList(inst, g.reps)} (locked, Stage 3+, or no candidate elsewhere) hold ${amount}, above those reps' combined band maximum of ${limit}${needs}.${remedy}`;
}

/**
 * " A higher Candidate Reps setting (now 8) lets ...": the settings that keep accounts from the reps
 * here, and only those; "" when none does. For "short" reps, the accounts that have one of them nearby
 * (same region within regions, a home to measure to) but not among their candidates; for an "over"
 * group, the accounts that can go only to its reps while other reps are nearby. A full candidate
 * list is cut by Candidate Reps; a shorter one, where the rep is farther than Max Distance, by that.
 */
function wider(inst: Instance, kind: 'short' | 'over', group: readonly number[], effect: string): string {
  const { data, cand, eligible } = inst;
  const { settings, accounts, reps } = data;
  const inGroup = new Set(group);
  const outside = reps.map((_, r) => r).filter((r) => !inGroup.has(r));
  const listedBy = new Int32Array(reps.length).fill(-1); // listedBy[r] === i: r is among account i's candidates
  let count = false;
  let distance = false;
  for (let i = 0; i < inst.nA && !(count && distance); i++) {
    const a = accounts[i];
    if (inst.pinned[i] >= 0 || a.lat === null || a.lon === null) continue; // locked, or every rep is a candidate
    let leaves = false;
    for (let p = cand.start[i]; p < cand.start[i + 1]; p++) {
      listedBy[cand.reps[p]] = i;
      if (!inGroup.has(cand.reps[p])) leaves = true;
    }
    if (kind === 'over' && leaves) continue; // it can already go elsewhere
    const current = inst.current[i];
    const others = cand.start[i + 1] - cand.start[i] - (current >= 0 && listedBy[current] === i ? 1 : 0);
    const region = inst.scenario.withinRegion ? accountRegion(a, current >= 0 ? reps[current] : undefined) : null;
    for (const r of kind === 'short' ? group : outside) {
      const rep = reps[r];
      if (!eligible[r] || listedBy[r] === i || r === current || rep.homeLat === null || rep.homeLon === null) continue;
      if (region !== null && rep.region !== region) continue;
      if (others >= settings.candidateReps) count = true;
      else if (settings.maxDistanceMiles !== null && (accountRepMiles(a, rep) ?? 0) > settings.maxDistanceMiles) distance = true;
    }
  }
  const levers: string[] = [];
  if (count) levers.push(`a higher Candidate Reps setting (now ${settings.candidateReps})`);
  if (distance) levers.push(`a longer Max Distance (now ${settings.maxDistanceMiles} mi)`);
  if (inst.scenario.withinRegion) levers.push('rebalancing across regions');
  if (levers.length === 0) return '';
  const list = levers.length === 1 ? levers[0] : `${levers.slice(0, -1).join(', ')} or ${levers[levers.length - 1]}`;
  return ` ${list.charAt(0).toUpperCase()}${list.slice(1)} ${effect}.`;
}

/**
 * "a band of at least ±15.08%": a floor rounded down to 0.01 pt (so that "at least" stays true), or
 * "a band just above ±15%" when that rounding would not show it above the scenario's band.
 */
export function bandAtLeast(floor: number, band: number): string {
  const shown = Math.floor(floor * 1e4 + 1e-6) / 100;
  return shown > band * 100 + 1e-9 ? `a band of at least ±${num(shown, 2)}%` : `a band just above ±${num(band * 100, 4)}%`;
}

/**
 * Regions whose own accounts cannot fit their reps' bands. A region whose reps are exactly a blocking
 * group is left to the group's blocker, which says the same with the band it needs.
 */
function regionBlockers(inst: Instance, groups: readonly RepGroup[]): string[] {
  const { data, band, value, current } = inst;
  const regions = new Map<string, { value: number; lo: number; hi: number; reps: number[] }>();
  data.reps.forEach((r, k) => {
    if (!inst.eligible[k] || r.region === null) return;
    const g = regions.get(r.region) ?? { value: 0, lo: 0, hi: 0, reps: [] };
    g.lo += band.lo[k];
    g.hi += band.hi[k];
    g.reps.push(k);
    regions.set(r.region, g);
  });
  const groupKeys = new Set(groups.map((g) => g.reps.join(',')));
  data.accounts.forEach((a, i) => {
    const key = accountRegion(a, current[i] >= 0 ? data.reps[current[i]] : undefined);
    const g = key === null ? undefined : regions.get(key);
    if (g) g.value += value[i];
  });
  const out: string[] = [];
  for (const [name, g] of [...regions].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    const tolerance = 1e-9 * Math.max(1, g.value); // relative: regions hold hundreds of millions
    if ((g.value < g.lo - tolerance || g.value > g.hi + tolerance) && !groupKeys.has(g.reps.join(',')))
      out.push(
        `Region ${name}: its accounts hold ${formatAmount(g.value, inst.scenario.balanceOn)}, but its reps' bands need between ` +
          `${formatAmount(g.lo, inst.scenario.balanceOn)} and ${formatAmount(g.hi, inst.scenario.balanceOn)}`,
      );
  }
  return out;
}

/**
 * True when no plan keeps every capacity, whatever the band: a rep's accounts that must stay exceed
 * its capacity, all reps together cannot carry the workload, or a group of reps cannot carry the
 * accounts that can go only to them (diagnoseBlockers names which), each capacity counted in whole accounts (wholeCapacity).
 */
export function capacityCannotBeKept(inst: Instance): boolean {
  // asked by every scenario's engine (through capacityWithinReach) and tightest-band search: once for those sharing candidates and capacities
  return sharedByCapacity(inst, 'cannot be kept', cannotBeKept);
}

function cannotBeKept(inst: Instance): boolean {
  const { work, capacity } = workAndCapacity(inst, true);
  if (work > capacity + 1e-9) return true;
  const { fixed } = fixedAndReach(inst, inst.work);
  const whole = wholeCapacity(inst);
  for (let r = 0; r < inst.nR; r++) if (inst.eligible[r] && fixed[r] > whole[r] + 1e-9) return true;
  return capacityGroups(inst).length > 0;
}

/**
 * When no plan keeps every capacity (capacityCannotBeKept), capacities raised just enough that a
 * fractional plan keeps them: a rep's own accounts that must stay, each group of reps that cannot
 * carry the accounts that can go only to them (its capacities raised in proportion, until no group is
 * left: at most a few rounds), and the total. The LP relaxation at these capacities still balances
 * and prices every account where the typed ones leave it infeasible at every band; its solution is
 * where repair starts. Null when a plan keeps every capacity.
 */
export function capacityWithinReach(inst: Instance): Float64Array | null {
  return sharedByCapacity(inst, 'within reach', raiseWithinReach);
}

function raiseWithinReach(inst: Instance): Float64Array | null {
  if (!capacityCannotBeKept(inst)) return null;
  const capacity = Float64Array.from(inst.capacity);
  const { fixed } = fixedAndReach(inst, inst.work);
  for (let r = 0; r < inst.nR; r++) if (inst.eligible[r]) capacity[r] = Math.max(capacity[r], fixed[r]);
  for (let round = 0; round < 5; round++) {
    let raised = false;
    for (const g of capacityGroups({ ...inst, capacity: Float64Array.from(capacity) })) {
      // the groups are found on capacities in whole accounts; a fractional plan needs only the amount
      const raw = g.reps.reduce((sum, r) => sum + capacity[r], 0);
      if (g.amount <= raw + 1e-9) continue;
      const missing = (g.amount - raw) * (1 + 1e-9) + 1e-9;
      for (const r of g.reps) capacity[r] += missing * (raw > 0 ? capacity[r] / raw : 1 / g.reps.length);
      raised = true;
    }
    if (!raised) break;
  }
  const { work } = workAndCapacity(inst);
  const total = capacity.reduce((sum, c, r) => sum + (inst.eligible[r] ? c : 0), 0);
  if (work > total && total > 0) for (let r = 0; r < inst.nR; r++) capacity[r] *= (work / total) * (1 + 1e-9);
  return capacity;
}

/**
 * The smallest band (to 0.5 pt) at which repair succeeds, between the requested one (or a band
 * already proven unreachable: the LP relaxation's floor, else the rep groups') and the worst
 * deviation of `owner`, and the locally improved plan at that band. A plan keeping every rule comes
 * first: when `owner` breaks a capacity, the search first asks repair for every rule (a wider band can
 * leave room to relieve it), and only when no band tried gets there does it search on balance alone,
 * from the try that relieved the most: a band counts as reached when every rep is inside it (and its
 * workload band), the capacity excess no higher than that try's. That search starts from the rep
 * groups' floor, not the LP's: the LP's holds only for plans keeping every capacity. Judged on every
 * rule alone, a capacity no plan keeps failed every band tried and the plan's own deviation was
 * reported (50k × 200 with every capacity 3% above its share of the workload, Balanced alone: ±19.9%;
 * on balance, ±12.4%).
 */
export function tightestBand(
  inst: Instance,
  owner: Int32Array,
  worstDeviation: number,
  budget: Budget,
  /** The LP relaxation's floor (EngineResult.lpBandFloor): no plan keeping every rule balances below it; Infinity: none does at any band. */
  lpBandFloor: number | null = null,
): { band: number; owner: Int32Array } {
  const { scenario } = inst;
  // bands below the LP's floor, or without one below the flow's (groupsFloor), are proven unreachable: the
  // search starts there instead of retrying repair below it (50k × 200 without HiGHS: 7.0 s against 4.0 s for Balanced)
  const unreachableUpTo = bandFloor(inst, lpBandFloor) || scenario.band;
  let best = Int32Array.from(owner); // each try starts from the last plan that passed
  // a plan that leaves accounts with a rep of no fair share deviates without bound: search upward from a
  // finite band instead (an infinite floor gives none)
  const unbounded = !Number.isFinite(worstDeviation);
  /** Where the search widens from: the plan's own deviation, or the floor when that is unbounded (the search then starts one step past it). */
  const from = (upTo: number) => Math.max(scenario.band, unbounded ? (Number.isFinite(upTo) ? upTo : scenario.band) : worstDeviation);
  let leastExcess = new Assignment(inst, owner).totalCapacityExcess();
  let leastOwner = best;
  /** A try that failed may still have relieved some capacity: the search on balance starts from the least excess. */
  const remember = (a: Assignment) => {
    const excess = a.totalCapacityExcess();
    if (excess < leastExcess - CAP_EPS) (leastExcess = excess), (leastOwner = Int32Array.from(a.owner));
  };
  const search = (goal: RepairGoal, upTo: number) =>
    narrowestBand(
      Math.max(scenario.band, Math.min(upTo, worstDeviation)),
      unbounded ? from(upTo) * 1.5 + 0.05 : from(upTo),
      unbounded ? 8 : 4,
      0.005,
      (band) => {
        const a = new Assignment(withBand(inst, band), best);
        if (repair(a, budget, goal)) return (best = Int32Array.from(a.owner));
        remember(a);
        return false;
      },
      () => budget.expired(),
    );
  let found: ReturnType<typeof search> = null;
  // when no plan keeps every rule, whatever the band, a search for one only fails (at 50k × 200 each try
  // costs seconds). Without a capacity excess there is nothing else to search either: a plan inside a
  // band with no excess would keep every rule.
  if (lpBandFloor === Infinity || (leastExcess > CAP_EPS && capacityCannotBeKept(inst))) {
    if (leastExcess <= CAP_EPS) return finish(null);
    // one repair a step wider relieves what it can instead (50k × 200 with capacities 3% above share:
    // four scenarios 38 s → 26 s, the same capacities kept)
    const a = new Assignment(withBand(inst, from(unreachableUpTo) * 1.5 + 0.05), best);
    repair(a, budget);
    remember(a);
  } else found = search('all', unreachableUpTo); // without a capacity excess the two goals are one (repair never raises it)
  if (!found && leastExcess > CAP_EPS) {
    best = leastOwner;
    found = search('bands', groupsFloor(inst) || scenario.band);
  }
  return finish(found);

  function finish(found: ReturnType<typeof search>): { band: number; owner: Int32Array } {
    const bestBand = found?.band ?? Math.max(scenario.band, worstDeviation);
    const final = new Assignment(withBand(inst, bestBand), found ? found.passed : owner);
    if (final.totalBandViolation() <= 1e-12) {
      // local search weighs band and capacity in one sum: with a capacity broken it could trade the band
      // for capacity, so its result is kept only if the plan is still inside the band reported
      const before = Int32Array.from(final.owner);
      localSearch(final, budget);
      if (final.totalBandViolation() > 1e-12) for (let i = 0; i < inst.nA; i++) final.move(i, before[i]);
    }
    return { band: Math.ceil(bestBand * 1000) / 1000, owner: final.owner };
  }
}
