/**
 * Pipeline handoff and credit rules of seed 002 ("Pipeline Handoff Rules"), as text and numbers.
 */
import { DEFAULT_SETTINGS, type Account, type Settings } from '../model';

type HandoffSettings = Pick<Settings, 'handoffStage' | 'handoffDeadlineDays'>;
type CreditSettings = Pick<Settings, 'creditSplitWindowDays' | 'creditSplitShare'>;

/**
 * The handoff rule for an account whose highest open stage is `maxStage` (0 = no open opportunity):
 * - Stage 3+ (the handoff stage or later): the original rep retains through close, 90-day deadline;
 *   a renewal there also gets a joint call with the new rep;
 * - renewal pipeline: transfers to the new rep with a joint call during the transition;
 * - Stage 1-2: transfers immediately with a warm introduction email from the previous rep;
 * - no open pipeline: the same warm introduction.
 */
export function handoffRule(maxStage: number, isRenewal = false, settings: HandoffSettings = DEFAULT_SETTINGS): string {
  const stage = settings.handoffStage;
  if (maxStage >= stage) {
    const retain = `Stage ${stage}+: original rep retains through close, ${settings.handoffDeadlineDays}-day deadline`;
    return isRenewal ? `${retain}; renewal: joint call with the new rep during the transition` : retain;
  }
  if (isRenewal) return 'Renewal: transfers to the new rep with a joint call during the transition';
  if (maxStage >= 1) return `Stage 1-${stage - 1}: transfer immediately with a warm intro email from the previous rep`;
  return 'No open pipeline: transfer immediately with a warm intro email from the previous rep';
}

/**
 * The new rep's share of the credit for a deal transferred on `transferDate` that closes on
 * `closeDate` (Excel serial days): 0.5 when it closes within 60 days of the transfer (inclusive),
 * else 1. A deal that closed before the transfer earns the new rep nothing (0).
 */
export function creditSplit(transferDate: number, closeDate: number, settings: CreditSettings = DEFAULT_SETTINGS): number {
  const days = closeDate - transferDate;
  if (days < 0) return 0;
  return days <= settings.creditSplitWindowDays ? settings.creditSplitShare : 1;
}

/** An open opportunity past the handoff stage: it stays with the original rep through close. */
export function isRetainedDeal(a: Pick<Account, 'maxStage'>, settings: Pick<Settings, 'handoffStage'>): boolean {
  return a.maxStage >= settings.handoffStage;
}

/** Open deals before the handoff stage (a stage 1-2 opportunity, or open opps / pipeline without a stage): they transfer now. */
export function hasEarlyStageDeals(a: Pick<Account, 'maxStage' | 'openOpps' | 'pipeline'>, settings: Pick<Settings, 'handoffStage'>): boolean {
  return !isRetainedDeal(a, settings) && (a.maxStage >= 1 || a.openOpps > 0 || a.pipeline > 0);
}

/** "50/50 split for deals closing within 60 days of transfer" (previous rep / new rep). */
export function creditSplitText(settings: CreditSettings): string {
  const share = Math.round(settings.creditSplitShare * 100);
  return `${100 - share}/${share} split for deals closing within ${settings.creditSplitWindowDays} days of transfer`;
}
