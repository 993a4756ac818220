/**
 * The JSON report of a rebalance run (SPEC §6): the problems found, the triggers and verdict, and
 * per scenario its band, whether it is met, its metrics and its moves.
 */
import { formatProblem, type Problem, type RebalanceResult, type TerritoryData } from '../core/model';

export interface JsonProblem extends Problem {
  /** `Sheet!Cell: message`. */
  text: string;
}

export interface JsonScenario {
  name: string;
  kind: string;
  balanceOn: string;
  band: number;
  /** Every hard rule holds and the band is met (as recomputed by the plan checker). */
  feasible: boolean;
  bandMet: boolean;
  status: string;
  engine: string;
  blockers: string[];
  /** null when no balance band is reachable (the best plan's deviation is unbounded: a rep with no fair share holds accounts); JSON has no Infinity. */
  tightestBand: number | null;
  /** null when unbounded (a rep with no fair share holds accounts). */
  worstDeviation: number | null;
  violations: string[];
  metrics: RebalanceResult['plans'][number]['metrics'];
  moves: { accountId: string; from: string | null; to: string; reason: string; disruption: string; placement: boolean }[];
  elapsedMs: number;
}

export interface JsonReport {
  input: string;
  generatedAt: string;
  accounts: number;
  reps: number;
  problems: JsonProblem[];
  potentialModel: TerritoryData['potentialModel'];
  verdict: string;
  verdictReason: string;
  triggers: RebalanceResult['audit']['triggers'];
  candidates: RebalanceResult['audit']['candidates'];
  team: RebalanceResult['audit']['team'];
  scenarios: JsonScenario[];
  notes: string[];
  elapsedMs: number;
}

export function jsonReport(input: string, data: TerritoryData, result: RebalanceResult, generatedAt: string, elapsedMs: number): JsonReport {
  return {
    input,
    generatedAt,
    accounts: data.accounts.length,
    reps: data.reps.length,
    problems: result.problems.map((p) => ({ ...p, text: formatProblem(p) })),
    potentialModel: data.potentialModel,
    verdict: result.audit.verdict,
    verdictReason: result.audit.verdictReason,
    triggers: result.audit.triggers,
    candidates: result.audit.candidates,
    team: result.audit.team,
    scenarios: result.plans.map((plan) => ({
      name: plan.scenario.name,
      kind: plan.scenario.kind,
      balanceOn: plan.scenario.balanceOn,
      band: plan.scenario.band,
      feasible: plan.feasible,
      bandMet: plan.check.bandMet,
      status: plan.status,
      engine: plan.engine,
      blockers: plan.blockers,
      tightestBand: Number.isFinite(plan.tightestBand) ? plan.tightestBand : null,
      worstDeviation: Number.isFinite(plan.check.worstDeviation) ? plan.check.worstDeviation : null,
      violations: plan.check.violations,
      metrics: plan.metrics,
      moves: plan.moves.map((m) => ({ accountId: m.accountId, from: m.from, to: m.to, reason: m.reason, disruption: m.disruption, placement: m.placement })),
      elapsedMs: plan.elapsedMs,
    })),
    notes: result.notes,
    elapsedMs,
  };
}
