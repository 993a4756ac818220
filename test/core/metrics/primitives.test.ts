import { attainmentSpreadPts, trailingAttainment } from '../../../src/core/metrics/attainment';
import { balanceStatus, capacityUtilization, concentration, outOfBandCount, potentialIndex, workloadCV } from '../../../src/core/metrics/balance';
import { gini } from '../../../src/core/metrics/basics';
import { creditSplit, handoffRule } from '../../../src/core/metrics/handoff';
import { DEFAULT_SETTINGS } from '../../../src/core/model';

describe('attainment', () => {
  it('130% vs 60% is a 70-point spread (seed 001)', () => {
    expect(attainmentSpreadPts([[1.3], [0.6]])).toBeCloseTo(70, 9);
  });
  it('averages four quarter columns per rep and skips empty rows', () => {
    // rep 1: (1.2+1.4+1.3+1.3)/4 = 1.3; rep 2: (0.5+0.7+0.6+0.6)/4 = 0.6; rep 3 has no value
    expect(attainmentSpreadPts([[1.2, 1.4, 1.3, 1.3], [0.5, 0.7, 0.6, 0.6], []])).toBeCloseTo(70, 9);
    expect(attainmentSpreadPts([[0.9, 1.1], [1.12]])).toBeCloseTo(12, 9);
    expect(attainmentSpreadPts([[], []])).toBeNull();
  });
  it('trailing attainment takes the last four quarters', () => {
    expect(trailingAttainment([0.2, 1, 1, 1, 1.4])).toBeCloseTo(1.1, 9);
    expect(trailingAttainment([])).toBeNull();
  });
});

describe('balance primitives', () => {
  it('potential index, with and without FTE', () => {
    // 120 against a mean of 100 per rep
    expect(potentialIndex(120, [120, 80, 100])).toBeCloseTo(120, 9);
    // 60 at half an FTE: 120 per FTE against 180 / 1.5 = 120 per FTE → 100
    expect(potentialIndex(60, [60, 120], 0.5, [0.5, 1])).toBeCloseTo(100, 9);
    expect(potentialIndex(10, [0, 0])).toBeNull();
  });
  it('balance status against mean ± tolerance (edges in band)', () => {
    expect(balanceStatus(116, [116, 100, 84])).toBe('Over');
    expect(balanceStatus(84, [116, 100, 84])).toBe('Under');
    expect(balanceStatus(115, [115, 100, 85])).toBe('In band');
    expect(balanceStatus(85, [115, 100, 85])).toBe('In band');
    expect(balanceStatus(109, [109, 100, 91], 0.05)).toBe('Over');
  });
  it('out-of-band count', () => {
    expect(outOfBandCount([116, 100, 84])).toBe(2);
    expect(outOfBandCount([115, 100, 85])).toBe(0);
    expect(outOfBandCount([130, 100, 100, 70], 0.25)).toBe(2);
  });
  it('concentration is the largest share of the total', () => {
    expect(concentration([65, 20, 15])).toBeCloseTo(0.65, 9);
    expect(concentration([0, 0])).toBeNull();
  });
  it('workload CV (population), per FTE when given', () => {
    // mean 20, population sd sqrt(200/3) = 8.165 → 0.4082
    expect(workloadCV([10, 20, 30])).toBeCloseTo(Math.sqrt(200 / 3) / 20, 9);
    expect(workloadCV([10, 20, 30], [1, 2, 3])).toBeCloseTo(0, 9);
    expect(workloadCV([10, 20], [1, 0])).toBeNull();
  });
  it('capacity utilization', () => {
    expect(capacityUtilization(45, 50)).toBeCloseTo(0.9, 9);
    expect(capacityUtilization(60, 50)).toBeCloseTo(1.2, 9);
    expect(capacityUtilization(5, 0)).toBeNull();
  });
  it('GINI([1,2,3,4]) = 0.25', () => {
    expect(gini([1, 2, 3, 4])).toBeCloseTo(0.25, 12);
    expect(gini([5, 5, 5])).toBe(0);
  });
});

describe('handoff and credit (seed 002)', () => {
  it('handoff rule by stage and renewal', () => {
    expect(handoffRule(1)).toBe('Stage 1-2: transfer immediately with a warm intro email from the previous rep');
    expect(handoffRule(2)).toBe('Stage 1-2: transfer immediately with a warm intro email from the previous rep');
    expect(handoffRule(3)).toBe('Stage 3+: original rep retains through close, 90-day deadline');
    expect(handoffRule(5)).toBe('Stage 3+: original rep retains through close, 90-day deadline');
    expect(handoffRule(1, true)).toBe('Renewal: transfers to the new rep with a joint call during the transition');
    expect(handoffRule(4, true)).toBe('Stage 3+: original rep retains through close, 90-day deadline; renewal: joint call with the new rep during the transition');
    expect(handoffRule(0)).toBe('No open pipeline: transfer immediately with a warm intro email from the previous rep');
    expect(handoffRule(3, false, { ...DEFAULT_SETTINGS, handoffStage: 4, handoffDeadlineDays: 60 })).toBe(
      'Stage 1-3: transfer immediately with a warm intro email from the previous rep',
    );
  });
  it('credit split: 59 days → 0.5, 60 → 0.5, 61 → 1, closed before transfer → 0', () => {
    const transfer = 45658; // 2025-01-01
    expect(creditSplit(transfer, transfer + 59)).toBe(0.5);
    expect(creditSplit(transfer, transfer + 60)).toBe(0.5);
    expect(creditSplit(transfer, transfer + 61)).toBe(1);
    expect(creditSplit(transfer, transfer - 1)).toBe(0);
  });
});
