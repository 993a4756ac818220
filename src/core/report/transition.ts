/**
 * `Transition Plan` (seeds 001 and 002): who is told first (reps losing accounts, then reps
 * gaining), transition windows by segment, and 30/60/90-day checkpoints with projected values,
 * blank Actual cells and a native formula that flags an actual more than 15% under projection.
 */
import type { Plan, Segment, TerritoryData } from '../model';
import { COLORS, FMT, type Row, cell, excelString, fcell, header, notes, pct, repLabels, titleBlock, transitionWindow, SHEET_NAMES } from './common';
import { movesRange } from './moves';
import { PlanNumbers, type RepImpact } from './numbers';
import type { ConditionalFormat, SheetDescription } from './sheet';

export interface CommunicationStep {
  repId: string;
  role: 'Losing accounts' | 'Gaining accounts';
  lost: number;
  gained: number;
}

/**
 * Reps losing accounts first (most lost first; departing reps, who need no rationale, last among
 * them), then reps only gaining (most gained first). Ties keep the Reps table order.
 */
export function communicationOrder(impacts: RepImpact[]): CommunicationStep[] {
  const departing = (x: RepImpact) => (x.rep.status === 'Departing' ? 1 : 0);
  const losing = impacts.filter((x) => x.lost > 0).sort((a, b) => departing(a) - departing(b) || b.lost - a.lost || b.gained - a.gained);
  const gaining = impacts.filter((x) => x.lost === 0 && x.gained > 0).sort((a, b) => b.gained - a.gained);
  return [
    ...losing.map((x) => ({ repId: x.rep.id, role: 'Losing accounts' as const, lost: x.lost, gained: x.gained })),
    ...gaining.map((x) => ({ repId: x.rep.id, role: 'Gaining accounts' as const, lost: x.lost, gained: x.gained })),
  ];
}

/** The checkpoint status formula: blank until an actual is typed, then ALARM or On track. */
export function checkpointFormula(actual: string, projected: string, alarm: number): string {
  return `IF(${actual}="","",IF(${actual}<${projected}*(1-${alarm}),"ALARM","On track"))`;
}

const SEGMENT_NOTES: Record<Segment, string> = {
  SMB: 'Less relationship-dependent: intro email, then handoff.',
  'Mid-Market': 'Joint sales calls during the transition window.',
  Enterprise: 'Customer notification, named handoff with the old rep on the line, formal succession plan.',
};

export function describeTransitionSheet(data: TerritoryData, plan: Plan, movesSheet: string, generatedAt: string, numbers = new PlanNumbers(data)): SheetDescription {
  const s = data.settings;
  const labels = repLabels(data.reps);
  const moves = numbers.moves(plan);
  const n = moves.length;
  const impacts = numbers.impacts(plan);
  const order = communicationOrder(impacts);
  const rows: Row[] = [
    ...titleBlock(`Transition Plan: ${plan.scenario.name}`, generatedAt),
    [cell(`Scenario: ${plan.scenario.name} (recommended), ${n} account move${n === 1 ? '' : 's'}. Do not flip accounts in the CRM overnight: brief reps first.`, { bold: true })],
    [],
    [cell('1. Communication order: reps losing accounts first, then reps gaining', { bold: true, size: 12 })],
    header(['Order', 'Rep', 'Role', 'Accounts Lost', 'Accounts Gained', 'Talking point']),
  ];
  const byId = new Map(impacts.map((x) => [x.rep.id, x]));
  order.forEach((step, i) => {
    const r = rows.length + 1;
    const x = byId.get(step.repId) as RepImpact;
    const share = (v: number) => (x.fairShare > 0 ? pct(v / x.fairShare) : 'n/a');
    const talk =
      x.rep.status === 'Departing'
        ? `Departing: confirm the handoff of ${step.lost} account(s) and send each customer a warm intro email to the new owner before leaving.`
        : step.role === 'Losing accounts'
        ? `Lead with data, not apologies: potential at ${share(x.before.potential)} of fair share goes to ${share(x.after.potential)}; ${step.lost} account(s) move so the territory can focus on higher-value deals.`
        : `Opportunity with realistic expectations: ${step.gained} account(s) join; use the account briefs on Rep Briefs.`;
    rows.push([
      cell(i + 1),
      cell(labels.get(step.repId) ?? step.repId, { bold: true }),
      cell(step.role),
      fcell(`COUNTIFS(${movesRange(movesSheet, 'From', n)},$B${r})`, step.lost, { numFmt: FMT.int }),
      fcell(`COUNTIFS(${movesRange(movesSheet, 'To', n)},$B${r})`, step.gained, { numFmt: FMT.int }),
      cell(talk, { wrap: true }),
    ]);
  });
  if (n === 0) rows.push([cell('No rep is affected.', { italic: true })]);

  rows.push([]);
  rows.push([cell('2. Transition windows by segment', { bold: true, size: 12 })]);
  rows.push(header(['Segment', 'Moved Accounts', 'Transition Window', 'How']));
  const segments: (Segment | null)[] = ['SMB', 'Mid-Market', 'Enterprise'];
  if (moves.some((m) => m.account.segment === null)) segments.push(null);
  for (const seg of segments) {
    const r = rows.length + 1;
    const window = transitionWindow(seg, s);
    const count = moves.filter((m) => m.account.segment === seg).length;
    rows.push([
      cell(seg ?? 'Unknown'),
      fcell(`COUNTIFS(${movesRange(movesSheet, 'Transition Window', n)},$C${r})`, count, { numFmt: FMT.int }),
      cell(window),
      cell(seg ? SEGMENT_NOTES[seg] : 'Segment unknown: the Mid-Market window is assumed.', { wrap: true }),
    ]);
  }

  rows.push([]);
  rows.push([cell(`3. Checkpoints at ${s.checkpointDays.join('/')} days: type the actual closed-won revenue of the new territory to date`, { bold: true, size: 12 })]);
  rows.push(header(['Rep', 'Checkpoint (day)', 'Annual Run-Rate (new territory)', 'Projected to Date', 'Actual', 'Status']));
  const firstCheck = rows.length + 1;
  const affected = order.map((st) => byId.get(st.repId) as RepImpact).filter((x) => x.rep.status !== 'Departing');
  for (const x of affected) {
    for (const day of s.checkpointDays) {
      const r = rows.length + 1;
      rows.push([
        cell(labels.get(x.rep.id) ?? x.rep.id),
        cell(day, { numFmt: '"Day "0' }),
        cell(x.after.revenueTTM, { numFmt: FMT.money }),
        fcell(`C${r}*B${r}/365`, (x.after.revenueTTM * day) / 365, { numFmt: FMT.money }),
        cell(null, { numFmt: FMT.money, fill: COLORS.input }),
        fcell(checkpointFormula(`E${r}`, `D${r}`, s.underProjectionAlarm), '', { bold: true, align: 'center' }),
      ]);
    }
  }
  const lastCheck = rows.length;
  rows.push([]);
  rows.push(...notes('Annual run-rate = trailing-12-month closed-won revenue of the accounts the rep owns after the move; projected to date = run-rate × day ÷ 365.'));
  rows.push(...notes(`Status shows ALARM when the actual is more than ${Math.round(s.underProjectionAlarm * 100)}% under projection (seed 001: debug fast, usually a single misjudged account move).`));
  const cfs: ConditionalFormat[] =
    lastCheck >= firstCheck
      ? [
          { range: `F${firstCheck}:F${lastCheck}`, formula: `$F${firstCheck}=${excelString('ALARM')}`, fill: COLORS.alarm, fontColor: '9C0006', bold: true },
          { range: `F${firstCheck}:F${lastCheck}`, formula: `$F${firstCheck}=${excelString('On track')}`, fill: COLORS.ok, fontColor: '006100' },
        ]
      : [];
  return {
    name: SHEET_NAMES.transition,
    role: 'transition-plan',
    rows,
    columnWidths: [22, 16, 24, 18, 16, 70],
    freeze: { rows: 3, cols: 0 },
    conditionalFormats: cfs,
  };
}
