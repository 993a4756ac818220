/**
 * The triggers about people and performance (seed 001, triggers 1-3): attainment spread,
 * a top-quartile rep departing, headcount change.
 */
import { singleAttainmentOutlier, type AuditContext, type Evaluated } from './context';
import { listing, num, pct, repLabel } from './format';

/** Trigger 1: trailing-4Q attainment spread above 30 points (healthy under 25). */
export function attainmentSpreadTrigger(ctx: AuditContext): Evaluated {
  const { healthySpreadPts: healthy, triggerSpreadPts: trigger } = ctx.data.settings;
  const base = { id: 'attainment-spread', name: `Attainment spread > ${num(trigger)} pts` };
  const spread = ctx.team.attainmentSpreadPts;
  if (spread === null || ctx.attainments.length < 2) {
    return { result: { ...base, status: 'OK', evidence: 'Fewer than two reps have attainment data; no spread to measure.' }, basis: null };
  }
  const sorted = [...ctx.attainments].sort((a, b) => b.attainment - a.attainment);
  const top = sorted[0];
  const bottom = sorted[sorted.length - 1];
  const range =
    `Trailing-4Q attainment runs from ${pct(bottom.attainment, 0)} (${repLabel(bottom.rep)}) ` +
    `to ${pct(top.attainment, 0)} (${repLabel(top.rep)}): a ${num(spread)}-point spread`;
  if (spread <= trigger + 1e-9) {
    const health = spread < healthy ? `healthy (under ${num(healthy)})` : `above the healthy ${num(healthy)} but not past the ${num(trigger)}-point trigger`;
    return { result: { ...base, status: 'OK', evidence: `${range}, ${health}.` }, basis: null };
  }
  const outlier = singleAttainmentOutlier(ctx);
  if (outlier) {
    return {
      result: {
        ...base,
        status: 'OK',
        evidence:
          `${range}, but it comes from one rep alone (${repLabel(outlier.rep)} at ${pct(outlier.attainment, 0)}) ` +
          `whose territory is in band on every other metric: see "One underperformer".`,
      },
      basis: null,
    };
  }
  return { result: { ...base, status: 'FIRED', evidence: `${range}, past the ${num(trigger)}-point trigger.` }, basis: 'data' };
}

/**
 * Trigger 2: a departing rep in the top quartile of trailing-4Q attainment. The top quartile is
 * the top ceil(n/4) of the n reps with attainment data (ties with the cut-off rep included).
 */
export function topQuartileDepartureTrigger(ctx: AuditContext): Evaluated {
  const base = { id: 'top-quartile-departure', name: 'Top-quartile rep departing' };
  const departing = ctx.data.reps.filter((r) => r.status === 'Departing');
  if (departing.length === 0) return { result: { ...base, status: 'OK', evidence: 'No rep is marked Departing.' }, basis: null };
  const ranked = [...ctx.attainments].sort((a, b) => b.attainment - a.attainment);
  const n = ranked.length;
  const topCount = Math.ceil(n / 4);
  const cutoff = n > 0 ? ranked[topCount - 1].attainment : Infinity;
  const notes: string[] = [];
  const fired: string[] = [];
  for (const rep of departing) {
    const idx = ranked.findIndex((a) => a.rep === rep);
    if (idx < 0) {
      notes.push(`${repLabel(rep)} is departing but has no attainment data to rank`);
      continue;
    }
    const a = ranked[idx].attainment;
    const line = `${repLabel(rep)} is departing at ${pct(a, 0)} trailing-4Q attainment, rank ${idx + 1} of ${n}`;
    if (a >= cutoff - 1e-12) fired.push(line);
    else notes.push(`${line} (not top quartile)`);
  }
  const quartile = `the top quartile is the top ${topCount} of ${n} (${pct(cutoff === Infinity ? 0 : cutoff, 0)} or more)`;
  if (fired.length > 0) {
    const extra = notes.length > 0 ? ` Also: ${notes.join('; ')}.` : '';
    return { result: { ...base, status: 'FIRED', evidence: `${fired.join('; ')}; ${quartile}.${extra}` }, basis: 'data' };
  }
  return { result: { ...base, status: 'OK', evidence: `${notes.join('; ')}; ${quartile}.` }, basis: null };
}

/**
 * Trigger 3: headcount change above 10%. Without a previous headcount in Settings the change is
 * (Departing + New) / current headcount, where the current headcount counts Active and Departing
 * reps (New reps are not on the team yet). With one, it is the larger of the churn
 * (Departing + New) and the net change (Active + New − previous), over the previous headcount.
 */
export function headcountTrigger(ctx: AuditContext): Evaluated {
  const { headcountChangeTrigger: limit, previousHeadcount } = ctx.data.settings;
  const base = { id: 'headcount-change', name: `Headcount change > ${pct(limit, 1)}` };
  const reps = ctx.data.reps;
  const departing = reps.filter((r) => r.status === 'Departing');
  const added = reps.filter((r) => r.status === 'New');
  const current = reps.length - added.length;
  const churn = departing.length + added.length;
  let change: number;
  let how: string;
  if (previousHeadcount !== null && previousHeadcount > 0) {
    const after = reps.length - departing.length;
    const net = Math.abs(after - previousHeadcount);
    change = Math.max(churn, net) / previousHeadcount;
    how = `${departing.length} departing + ${added.length} new (${after} reps after) against ${previousHeadcount} at the last plan`;
  } else {
    change = current > 0 ? churn / current : 0;
    how = `${departing.length} departing + ${added.length} new of ${current} current reps`;
  }
  const who = [...departing, ...added].map((r) => `${repLabel(r)} (${r.status})`);
  const names = who.length > 0 ? ` [${listing(who)}]` : '';
  if (change > limit + 1e-9) {
    return { result: { ...base, status: 'FIRED', evidence: `${how} = ${pct(change)} change, past the ${pct(limit)} trigger${names}.` }, basis: 'data' };
  }
  return { result: { ...base, status: 'OK', evidence: `${how} = ${pct(change)} change, within ${pct(limit)}${names}.` }, basis: null };
}
