/**
 * The triggers about customers and markets (seed 001, triggers 4-7): single-customer
 * concentration, ICP shift, M&A activity, a new segment.
 */
import type { Segment } from '../model';
import { booksByRep, isContinuing } from '../metrics/territory';
import type { AuditContext, Evaluated } from './context';
import { accountLabel, amount, pct, repLabel } from './format';

/** Trigger 4: one account above 60% of a territory's revenue TTM; names each account and rep. */
export function concentrationTrigger(ctx: AuditContext): Evaluated {
  const limit = ctx.data.settings.concentrationTrigger;
  const base = { id: 'customer-concentration', name: `Single customer > ${pct(limit, 0)} of a territory` };
  const owners = booksByRep(ctx.data.reps, ctx.data.accounts, ctx.data.accounts.map((a) => a.owner));
  const cases: { line: string; share: number }[] = [];
  let worst: { line: string; share: number } | null = null;
  for (const rep of ctx.data.reps) {
    const book = owners.get(rep.id) ?? [];
    const total = book.reduce((s, a) => s + a.revenueTTM, 0);
    if (total <= 0) continue;
    const top = book.reduce((m, a) => (a.revenueTTM > m.revenueTTM ? a : m), book[0]);
    const share = top.revenueTTM / total;
    const line = `${accountLabel(top)} is ${pct(share, 0)} of ${repLabel(rep)}'s revenue TTM (${amount(top.revenueTTM)} of ${amount(total)})`;
    if (share > limit + 1e-9) cases.push({ line, share });
    if (!worst || share > worst.share) worst = { line, share };
  }
  if (cases.length > 0) {
    cases.sort((a, b) => b.share - a.share);
    return { result: { ...base, status: 'FIRED', evidence: `${cases.map((c) => c.line).join('; ')}: above the ${pct(limit, 0)} trigger.` }, basis: 'data' };
  }
  const evidence = worst ? `Largest single-customer share: ${worst.line}, within ${pct(limit, 0)}.` : 'No territory has revenue TTM to measure.';
  return { result: { ...base, status: 'OK', evidence }, basis: null };
}

function declaredTrigger(id: string, name: string, text: string | null, settingName: string): Evaluated {
  if (text !== null && text.trim() !== '') {
    return { result: { id, name, status: 'FIRED', evidence: `Declared in Settings (${settingName}): ${text.trim()}.` }, basis: 'declared' };
  }
  return { result: { id, name, status: 'OK', evidence: `Nothing declared in Settings (${settingName}).` }, basis: null };
}

/** Trigger 5: the ideal customer profile moved (declared in Settings; the data cannot show intent). */
export function icpShiftTrigger(ctx: AuditContext): Evaluated {
  return declaredTrigger('icp-shift', 'ICP shift', ctx.data.settings.declared.icpShift, 'ICP Shift');
}

/** Trigger 6: a merger, acquisition or major partnership (declared in Settings). */
export function mergerTrigger(ctx: AuditContext): Evaluated {
  return declaredTrigger('merger-acquisition', 'M&A activity', ctx.data.settings.declared.mergerAcquisition, 'M&A');
}

/**
 * Trigger 7: entering a new segment. Declared in Settings, or detected: a Segment value that no
 * continuing rep covers, i.e. more than half of its accounts are unassigned (no owner, or an owner
 * not in Reps), or none of its accounts belongs to a continuing (non-departing) rep.
 */
export function newSegmentTrigger(ctx: AuditContext): Evaluated {
  const base = { id: 'new-segment', name: 'New segment' };
  const declared = ctx.data.settings.declared.newSegment;
  const gaps = uncoveredSegments(ctx);
  const parts: string[] = [];
  if (declared !== null && declared.trim() !== '') parts.push(`Declared in Settings (New Segment): ${declared.trim()}`);
  for (const g of gaps) {
    parts.push(`${g.segment}: ${g.unassigned} of ${g.total} accounts unassigned, ${g.continuing} with a continuing rep (no rep covers it)`);
  }
  if (parts.length === 0) return { result: { ...base, status: 'OK', evidence: 'Nothing declared in Settings, and every segment in the data has a continuing rep covering it.' }, basis: null };
  return { result: { ...base, status: 'FIRED', evidence: `${parts.join('; ')}.` }, basis: gaps.length > 0 ? 'data' : 'declared' };
}

interface SegmentCoverage {
  segment: Segment;
  total: number;
  unassigned: number;
  continuing: number;
}

function uncoveredSegments(ctx: AuditContext): SegmentCoverage[] {
  const bySegment = new Map<Segment, SegmentCoverage>();
  for (const a of ctx.data.accounts) {
    if (a.segment === null) continue;
    const c = bySegment.get(a.segment) ?? { segment: a.segment, total: 0, unassigned: 0, continuing: 0 };
    const rep = a.owner === null ? undefined : ctx.repById.get(a.owner);
    c.total++;
    if (!rep) c.unassigned++;
    else if (isContinuing(rep, ctx.data)) c.continuing++;
    bySegment.set(a.segment, c);
  }
  return [...bySegment.values()].filter((c) => c.unassigned * 2 > c.total || c.continuing === 0);
}
