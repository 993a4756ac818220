/**
 * Per-rep before/after numbers behind Rep Impact, Transition Plan and Rep Briefs, for one plan.
 * Quota recalibration and projected attainment come from metrics/quota.ts, the same definitions
 * the optimizer's plan metrics use, so every sheet and the JSON report agree.
 */
import type { Plan, Rep, TerritoryData } from '../model';
import { balanceTargets } from '../metrics/basics';
import { planMoves, type MoveRow } from './common';
import { trailingAttainment } from '../metrics/attainment';
import { projectedAttainments, projectedBookings, recalibrateQuotas } from '../metrics/quota';

export interface TerritorySide {
  potential: number;
  accounts: number;
  workload: number;
  revenueTTM: number;
}

export interface RepImpact {
  rep: Rep;
  fairShare: number;
  before: TerritorySide;
  after: TerritorySide;
  gained: number;
  lost: number;
  quotaBefore: number | null;
  quotaAfter: number;
  attainmentBefore: number | null;
  attainmentAfter: number | null;
  /** Bookings the rep's new territory is projected to carry (see metrics/quota.ts). */
  bookingsAfter: number;
}


function emptySide(): TerritorySide {
  return { potential: 0, accounts: 0, workload: 0, revenueTTM: 0 };
}

function sides(data: TerritoryData, owners: readonly (string | null)[]): Map<string, TerritorySide> {
  const map = new Map<string, TerritorySide>();
  for (const r of data.reps) map.set(r.id, emptySide());
  data.accounts.forEach((a, i) => {
    const owner = owners[i];
    const s = owner === null || owner === undefined ? undefined : map.get(owner);
    if (!s) return;
    s.potential += a.potential;
    s.accounts += 1;
    s.workload += a.workload;
    s.revenueTTM += a.revenueTTM;
  });
  return map;
}

export function beforeOwners(data: TerritoryData): (string | null)[] {
  return data.accounts.map((a) => a.owner);
}

/** One entry per rep (data.reps order) with before/after numbers for the plan. */
export function repImpacts(data: TerritoryData, plan: Plan, moves: readonly MoveRow[] = planMoves(data, plan)): RepImpact[] {
  const before = sides(data, beforeOwners(data));
  const after = sides(data, plan.owners);
  const fair = balanceTargets(data, data.accounts.map((a) => a.potential), plan.scenario.withinRegion);
  const quotas = recalibrateQuotas(data, plan.owners);
  const bookings = projectedBookings(data, plan.owners);
  const projected = projectedAttainments(data, plan.owners, quotas, bookings);
  const gained = new Map<string, number>();
  const lost = new Map<string, number>();
  for (const m of moves) {
    gained.set(m.to, (gained.get(m.to) ?? 0) + 1);
    if (m.from !== null) lost.set(m.from, (lost.get(m.from) ?? 0) + 1);
  }
  return data.reps.map((rep, i) => {
    const b = before.get(rep.id) ?? emptySide();
    const a = after.get(rep.id) ?? emptySide();
    const att = trailingAttainment(rep.attainment);
    const q = quotas[i];
    return {
      rep,
      fairShare: fair[i],
      before: b,
      after: a,
      gained: gained.get(rep.id) ?? 0,
      lost: lost.get(rep.id) ?? 0,
      quotaBefore: q.before,
      quotaAfter: q.after,
      attainmentBefore: att,
      attainmentAfter: projected[i],
      bookingsAfter: bookings[i],
    };
  });
}

/** The method note of the plan statistics; `fairShare` is fairShareMethod's text. */
export const statsMethod = (fairShare: string): string =>
  `Potential spread = largest |potential ÷ fair share − 1| over active reps (${fairShare}). Workload CV = coefficient of variation of workload per effective FTE over active reps. Attainment spread = max − min of (projected) attainment over active reps, in points. Travel = sum of account-to-owner-home miles.`;

/**
 * The per-plan numbers of one report, each computed once: the sheets of one report ask for the
 * recommended plan's moves eight times and its rep impacts three times. Scoped to one
 * describeOutputSheets call, so nothing outlives the data it was computed from.
 */
export class PlanNumbers {
  private readonly movesOf = new Map<Plan, MoveRow[]>();
  private readonly impactsOf = new Map<Plan, RepImpact[]>();

  constructor(readonly data: TerritoryData) {}

  moves(plan: Plan): MoveRow[] {
    let m = this.movesOf.get(plan);
    if (!m) this.movesOf.set(plan, (m = planMoves(this.data, plan)));
    return m;
  }

  impacts(plan: Plan): RepImpact[] {
    let x = this.impactsOf.get(plan);
    if (!x) this.impactsOf.set(plan, (x = repImpacts(this.data, plan, this.moves(plan))));
    return x;
  }
}
