/**
 * `Rebalance Summary`: the seed-004 decision record. Objective, scope and horizon, triggers with
 * evidence, options A/B/C(/D) mapped to the scenarios (numbers are formulas over Scenario
 * Comparison), trade-offs, recommendation, owner and review date to fill in, review triggers,
 * problems found in the data and notes about the run.
 */
import type { RebalanceResult, ScenarioKind, TerritoryData } from '../model';
import { formatProblem } from '../model';
import { COLORS, type Row, bandClause, cell, fcell, header, orderedPlans, pct, recommendedPlan, titleBlock, SHEET_NAMES } from './common';
import { type ComparisonRow, comparisonRow } from './comparison';
import { type SheetCell, type SheetDescription, columnLetter, quoteSheet } from './sheet';

const OPTION_TEXT: Record<ScenarioKind, string> = {
  Minimal: 'Fewest disruption-weighted moves to get inside the band: least disruption, limited improvement beyond it.',
  Balanced: 'Tighter band and workload balance: more moves, fairer territories.',
  Redesign: 'Redesign end to end ignoring current ownership: largest gains, highest execution risk.',
  Custom: 'User-defined balance target and weights.',
};

function label(text: string): SheetCell {
  return cell(text, { bold: true, fill: COLORS.header });
}

export function describeSummarySheet(data: TerritoryData, result: RebalanceResult, generatedAt: string): SheetDescription {
  const s = data.settings;
  const plans = orderedPlans(result.plans);
  const rec = recommendedPlan(plans);
  const audit = result.audit;
  const active = data.reps.filter((r) => r.status !== 'Departing').length;
  const departing = data.reps.length - active;
  const newReps = data.reps.filter((r) => r.status === 'New').length;
  const rows: Row[] = [
    ...titleBlock('Rebalance Summary: decision record', generatedAt),
    [cell('Frame → Compare → Commit (seed 004). Fill in the owner and review date.', { italic: true })],
    [],
    [label('Objective'), cell(`Bring every active rep's territory potential within ±${Math.round(s.band * 100)}% of its fair share (FTE × ramp) with the fewest disruption-weighted moves, then the least travel.`)],
    [label('Scope and horizon'), cell(`${data.accounts.length} accounts, ${data.reps.length} reps (${active} active incl. ${newReps} new, ${departing} departing)${s.withinRegion ? ', rebalanced within each region' : ''}. Transition ${s.transitionWeeks.SMB[0]}-${s.transitionWeeks.Enterprise[1]} weeks by segment; checkpoints at ${s.checkpointDays.join('/')} days.`)],
    [label('Verdict'), cell(`${audit.verdict}: ${audit.verdictReason}`, { bold: true })],
    [label('Decision criteria'), cell(`Band met first; then the fewest disruption-weighted moves (Low ${s.disruptionWeights.Low}, Medium ${s.disruptionWeights.Medium}, High ${s.disruptionWeights.High}); then travel.`)],
    [label('Risks and mitigations'), cell('Quota not moved with the accounts: recalibrated on Rep Impact. Customers not told: intro emails and joint calls on the Transition Plan. Map not visible: Territory Map and Rep Briefs.')],
    [],
    [cell('Triggers and evidence', { bold: true, size: 12 })],
    header(['Trigger', 'Status', 'Evidence']),
  ];
  for (const t of audit.triggers) {
    const fill = t.status === 'FIRED' ? COLORS.alarm : t.status === 'OK' ? COLORS.ok : undefined;
    rows.push([cell(t.name), cell(t.status, { bold: true, fill }), cell(t.evidence)]);
  }
  if (audit.candidates.length > 0) {
    rows.push([cell('Rebalance candidates (2+ metrics out of band)'), cell(audit.candidates.length), cell(audit.candidates.map((c) => `${c.repId}: ${c.outOfBand.join(', ')}`).join('; '))]);
  }

  if (data.checklist.length > 0) {
    rows.push([]);
    rows.push([cell('Data checklist (seed 001)', { bold: true, size: 12 })]);
    rows.push(header(['Item', 'Status', 'Detail']));
    for (const c of data.checklist) rows.push([cell(c.item), cell(c.status, { fill: c.status === 'found' ? COLORS.ok : COLORS.input }), cell(c.detail)]);
  }

  rows.push([]);
  rows.push([cell('Options', { bold: true, size: 12 })]);
  rows.push(header(['Option', 'Scenario', 'Moves', 'High-Disruption Moves', 'Potential Spread After', 'Band Met', 'What it means']));
  const q = quoteSheet(SHEET_NAMES.comparison);
  plans.forEach((p, i) => {
    const col = columnLetter(i + 2);
    const ref = (r: ComparisonRow) => `${q}!${col}${comparisonRow(r)}`;
    const stats = p.metrics;
    rows.push([
      cell(`Option ${String.fromCharCode(65 + i)}`, { bold: true }),
      cell(p.scenario.name),
      fcell(ref('Moves'), stats.moves, { numFmt: '#,##0' }),
      fcell(ref('Moves - High disruption'), stats.movesByDisruption.High, { numFmt: '#,##0' }),
      fcell(ref('Potential spread after'), stats.potentialSpreadAfter, { numFmt: '0.0%' }),
      fcell(ref('Band met'), p.feasible ? 'Yes' : 'No'),
      cell(p.scenario.kind === 'Custom' ? `${OPTION_TEXT.Custom} Balances ${p.scenario.balanceOn} within ±${Math.round(p.scenario.band * 100)}%.` : OPTION_TEXT[p.scenario.kind]),
    ]);
  });

  rows.push([]);
  rows.push([label('Trade-offs'), cell('Fairness versus speed of realignment: each extra move costs relationships and transition time; each point of spread left is unfairness that stays.')]);
  for (const p of plans) {
    const stats = p.metrics;
    const high = stats.movesByDisruption.High;
    rows.push([cell(p.scenario.name), cell(`${stats.moves} moves (${high} high disruption) and ${stats.placements} placements take the potential spread from ${pct(stats.potentialSpreadBefore)} to ${pct(stats.potentialSpreadAfter)}; ${bandClause(p)}.`)]);
  }
  rows.push([]);
  const recIndex = rec ? plans.indexOf(rec.plan) : -1;
  rows.push([label('Recommendation'), cell(rec ? `Option ${String.fromCharCode(65 + recIndex)}: ${rec.plan.scenario.name}. ${rec.reason}` : 'No scenario was computed.', { bold: true })]);
  if (rec && rec.plan.blockers.length > 0) rows.push([label('Why the band is not met'), cell(rec.plan.blockers.join('; '))]);
  const ownerRow = rows.length + 1;
  rows.push([label('Owner'), cell(null, { fill: COLORS.input })]);
  rows.push([label('Review date'), cell(null, { fill: COLORS.input, numFmt: 'yyyy-mm-dd' })]);
  rows.push([label('Review triggers'), cell(`Checkpoints at ${s.checkpointDays.join('/')} days on the Transition Plan.`)]);
  rows.push([null, cell(`Any rep's actual more than ${Math.round(s.underProjectionAlarm * 100)}% under projection: debug the account moves first.`)]);
  rows.push([null, cell(`Attainment spread above ${s.triggerSpreadPts} points again (healthy is under ${s.healthySpreadPts}).`)]);
  rows.push([null, cell('A top-quartile rep departs, headcount changes by more than 10%, or one customer exceeds 60% of a territory\'s revenue.')]);

  rows.push([]);
  // the reader's list; a RebalanceResult carries the same array as its problems
  const problems = data.problems;
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.filter((p) => p.severity === 'warning').length;
  rows.push([label('Problems in the data'), cell(problems.length === 0 ? 'None found.' : `${problems.length} found (${errors} error(s), ${warnings} warning(s)); the first ${Math.min(5, problems.length)}:`)]);
  for (const p of problems.slice(0, 5)) rows.push([null, cell(formatProblem(p))]);
  const notes: string[] = [...result.notes];
  const engines = [...new Set(plans.map((p) => (p.engine === 'highs' ? 'HiGHS' : 'the TypeScript optimizer')))];
  if (engines.length > 0) notes.push(`Plans computed with ${engines.join(' and ')}.`);
  const estimated = data.accounts.filter((a) => a.potentialEstimated).length;
  if (estimated > 0) notes.push(`Potential was estimated for ${estimated} account(s)${data.potentialModel ? `: ${data.potentialModel.description} (held-out R² ${data.potentialModel.holdoutR2.toFixed(2)})` : ''}.`);
  rows.push([label('Notes'), cell(notes.length === 0 ? 'None.' : notes[0])]);
  for (const n of notes.slice(1)) rows.push([null, cell(n)]);

  return {
    name: SHEET_NAMES.summary,
    role: 'rebalance-summary',
    rows,
    columnWidths: [30, 18, 12, 14, 14, 10, 60],
    freeze: { rows: 3, cols: 0 },
    conditionalFormats: [
      { range: `B${ownerRow}:B${ownerRow + 1}`, formula: `B${ownerRow}=""`, fill: COLORS.input, bold: true },
    ],
  };
}
