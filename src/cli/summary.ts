/** The short terminal summary of a rebalance run: verdict, fired triggers, one line per scenario, time. */
import type { Plan, RebalanceResult } from '../core/model';
import { planOutcome, tightestText } from '../core/report/index';
import { fixedPct } from '../core/triggers/format';


export function scenarioLine(plan: Plan): string {
  const m = plan.metrics;
  const met = { cancelled: plan.feasible ? 'yes' : 'no', 'breaks a rule': 'no (breaks a rule)', 'band met': 'yes', 'not met': `no (tightest ${tightestText(plan.tightestBand, fixedPct)})` }[planOutcome(plan)];
  const status = plan.status === 'cancelled' ? ' [cancelled]' : '';
  const on = plan.scenario.balanceOn === 'potential' ? '' : ` (band on ${plan.scenario.balanceOn})`;
  return (
    `  ${plan.scenario.name.padEnd(10)} ${String(m.moves).padStart(5)} moves + ${String(m.placements).padStart(4)} placements  band ±${fixedPct(plan.scenario.band).padEnd(6)} met: ${met.padEnd(4)}${on}` +
    `  spread ${fixedPct(m.potentialSpreadBefore)} -> ${fixedPct(m.potentialSpreadAfter)}  (${plan.engine}${status})`
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function runSummary(result: RebalanceResult, elapsedMs: number): string[] {
  const fired = result.audit.triggers.filter((t) => t.status === 'FIRED');
  const { verdict } = result.audit;
  const lines = [
    `Verdict: ${verdict} (${plural(fired.length, 'trigger')} fired; ${plural(result.audit.candidates.length, 'rebalance candidate')})`,
    fired.length === 0 ? 'Fired triggers: none' : `Fired triggers (${fired.length}): ${fired.map((t) => t.name).join('; ')}`,
    'Scenarios (moves of owned accounts + placements of unassigned and departing reps\' accounts; spread = worst potential deviation from fair share, before -> after):',
    ...result.plans.map(scenarioLine),
    `Time: ${(elapsedMs / 1000).toFixed(1)} s`,
  ];
  for (const note of result.notes) lines.push(`Note: ${note}`);
  return lines;
}
