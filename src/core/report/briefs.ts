/**
 * Rep briefs (seed 002's playbook): one paragraph per affected rep with its numbers, reps losing
 * accounts first, and the `Rep Briefs` sheet that lists them.
 */
import type { Plan, TerritoryData } from '../model';
import { type MoveRow, type Row, cell, header, labelOf, money, notes, pct, repLabels, titleBlock, SHEET_NAMES } from './common';
import { creditSplitText, hasEarlyStageDeals, isRetainedDeal } from '../metrics/handoff';
import { PlanNumbers, type RepImpact } from './numbers';
import type { SheetDescription } from './sheet';
import { communicationOrder } from './transition';

function accountList(moves: MoveRow[], max = 5): string {
  const names = moves.slice(0, max).map((m) => `${m.account.name || m.account.id} (${m.disruption})`);
  return names.join(', ') + (moves.length > max ? ` and ${moves.length - max} more` : '');
}

function brief(data: TerritoryData, x: RepImpact, moves: MoveRow[], labels: Map<string, string>): string {
  const s = data.settings;
  const name = labelOf(labels, x.rep.id);
  const out = moves.filter((m) => m.from === x.rep.id);
  const into = moves.filter((m) => m.to === x.rep.id);
  const share = (v: number) => (x.fairShare > 0 ? ` (${pct(v / x.fairShare)} of fair share)` : '');
  const parts: string[] = [];
  if (x.rep.status === 'Departing') {
    parts.push(`${name} is departing: all ${out.length} account(s) are placed with other reps.`);
  } else {
    const movement = [out.length > 0 ? `loses ${out.length}` : '', into.length > 0 ? `gains ${into.length}` : ''].filter(Boolean).join(' and ');
    parts.push(`${name} ${movement} account(s).`);
    parts.push(`Territory potential goes from ${money(x.before.potential)}${share(x.before.potential)} to ${money(x.after.potential)}${share(x.after.potential)}; accounts ${x.before.accounts} → ${x.after.accounts}; workload ${round1(x.before.workload)} → ${round1(x.after.workload)}.`);
    parts.push(`Quota ${x.quotaBefore === null ? 'not set today' : money(x.quotaBefore)} → ${money(x.quotaAfter)} (recalibrated with the accounts).`);
    if (x.attainmentBefore !== null) {
      parts.push(`Trailing-4Q attainment ${pct(x.attainmentBefore)}${x.attainmentAfter === null ? '' : `, projected ${pct(x.attainmentAfter)} after the move`}.`);
    }
  }
  if (out.length > 0) parts.push(`Moving out: ${accountList(out)}.`);
  if (into.length > 0) parts.push(`Moving in: ${accountList(into)}; ask the previous owner for account history before the first call.`);
  const stage3 = [...out, ...into].filter((m) => isRetainedDeal(m.account, s)).length;
  const early = [...out, ...into].filter((m) => hasEarlyStageDeals(m.account, s)).length;
  const rules: string[] = [];
  if (early > 0) rules.push(`${early} account(s) with Stage 1-${s.handoffStage - 1} deals transfer now with a warm intro email`);
  if (stage3 > 0) rules.push(`${stage3} Stage ${s.handoffStage}+ deal(s) stay with the original rep through close (${s.handoffDeadlineDays}-day deadline)`);
  if (rules.length > 0) parts.push(`Handoff: ${rules.join('; ')}; ${creditSplitText(s)}.`);
  if (x.rep.status !== 'Departing') parts.push(`Checkpoints at day ${s.checkpointDays.join(', ')} on the Transition Plan.`);
  return parts.join(' ');
}

function round1(v: number): string {
  return (Math.round(v * 10) / 10).toString();
}

/** One paragraph per affected rep, reps losing accounts first (the order of the Transition Plan). */
export function repBriefs(data: TerritoryData, plan: Plan, numbers = new PlanNumbers(data)): { repId: string; text: string }[] {
  const labels = repLabels(data.reps);
  const moves = numbers.moves(plan);
  const impacts = numbers.impacts(plan);
  const byId = new Map(impacts.map((x) => [x.rep.id, x]));
  return communicationOrder(impacts).map((step) => ({
    repId: step.repId,
    text: brief(data, byId.get(step.repId) as RepImpact, moves, labels),
  }));
}

export function describeBriefsSheet(data: TerritoryData, plan: Plan, generatedAt: string, numbers = new PlanNumbers(data)): SheetDescription {
  const labels = repLabels(data.reps);
  const briefs = repBriefs(data, plan, numbers);
  const rows: Row[] = [
    ...titleBlock(`Rep Briefs: ${plan.scenario.name}`, generatedAt),
    [cell('One paragraph per affected rep, in the order to brief them: reps losing accounts first, then reps gaining.', { italic: true })],
    header(['Order', 'Rep', 'Brief']),
  ];
  briefs.forEach((b, i) => rows.push([cell(i + 1), cell(labelOf(labels, b.repId), { bold: true }), cell(b.text, { wrap: true })]));
  if (briefs.length === 0) rows.push(...notes('No rep is affected by this scenario.'));
  return {
    name: SHEET_NAMES.briefs,
    role: 'rep-briefs',
    rows,
    columnWidths: [7, 22, 120],
    freeze: { rows: 4, cols: 0 },
  };
}
