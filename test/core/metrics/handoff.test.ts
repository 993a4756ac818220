import { DEFAULT_SETTINGS } from '../../../src/core/model';
import { creditSplitText, hasEarlyStageDeals, isRetainedDeal } from '../../../src/core/metrics/handoff';

describe('handoff classification shared by the Moves sheet, the credit rule and the rep briefs', () => {
  const deal = (maxStage: number, openOpps = 0, pipeline = 0) => ({ maxStage, openOpps, pipeline });

  it('keeps Stage 3+ with the original rep and transfers earlier open deals now', () => {
    expect([0, 1, 2, 3, 5].map((s) => isRetainedDeal(deal(s), DEFAULT_SETTINGS))).toEqual([false, false, false, true, true]);
    expect(hasEarlyStageDeals(deal(2), DEFAULT_SETTINGS)).toBe(true);
    expect(hasEarlyStageDeals(deal(4), DEFAULT_SETTINGS)).toBe(false);
    // open pipeline without a stage counts as early-stage everywhere (the briefs used to miss it)
    expect(hasEarlyStageDeals(deal(0, 0, 12_000), DEFAULT_SETTINGS)).toBe(true);
    expect(hasEarlyStageDeals(deal(0, 2, 0), DEFAULT_SETTINGS)).toBe(true);
    expect(hasEarlyStageDeals(deal(0), DEFAULT_SETTINGS)).toBe(false);
  });

  it('follows the handoff stage and the credit split from Settings', () => {
    expect(isRetainedDeal(deal(2), { ...DEFAULT_SETTINGS, handoffStage: 2 })).toBe(true);
    expect(creditSplitText(DEFAULT_SETTINGS)).toBe('50/50 split for deals closing within 60 days of transfer');
    expect(creditSplitText({ creditSplitShare: 0.6, creditSplitWindowDays: 45 })).toBe('40/60 split for deals closing within 45 days of transfer');
  });
});
