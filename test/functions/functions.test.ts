import {
  attainmentSpread,
  balanceStatus,
  capacityUtilization,
  concentration,
  creditSplit,
  disruptionLevel,
  gini,
  handoffRule,
  outOfBandCount,
  potentialIndex,
  workloadCV,
} from '../../src/functions/functions';
import { FunctionInputError } from '../../src/functions/errors';
import { today } from '../../src/functions/inputs';

/** Calls `fn` and returns the error it throws (failing the test when it does not throw). */
function thrown(fn: () => unknown): FunctionInputError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(FunctionInputError);
    return e as FunctionInputError;
  }
  throw new Error('expected the function to throw');
}

// Excel passes omitted optional arguments as null; the TypeScript signatures say `?:`.
const omitted = null as unknown as undefined;

describe('ATTAINMENT_SPREAD', () => {
  it('130% vs 60% → 70 points (one column)', () => {
    expect(attainmentSpread([[1.3], [0.6], [0.95]])).toBeCloseTo(70, 9);
  });
  it('averages four quarter columns per rep and ignores blanks', () => {
    // rep 1: (1.1+1.3+1.2)/3 = 1.2 with one blank quarter; rep 2: 0.9
    expect(attainmentSpread([[1.1, '', 1.3, 1.2], [0.8, 1.0, 0.9, 0.9], ['', null, '', '']])).toBeCloseTo(30, 9);
  });
  it('reads percent numbers (130, 60) as percents', () => {
    expect(attainmentSpread([[130], [60]])).toBeCloseTo(70, 9);
  });
  it('text is #VALUE! naming the position', () => {
    const e = thrown(() => attainmentSpread([[1.1, 1.0], [0.9, 1.0], [1.0, 'abc']]));
    expect(e.code).toBe('#VALUE!');
    expect(e.errorName).toBe('invalidValue');
    expect(e.message).toBe('attainments, row 3, column 2: "abc" is not a number');
  });
  it('an empty range is #VALUE!', () => {
    expect(thrown(() => attainmentSpread([[''], [null]])).message).toBe('attainments: no attainment values in the range');
  });
});

describe('POTENTIAL_INDEX', () => {
  it('worked example: 120 of [120, 80, 100] → 120', () => {
    expect(potentialIndex(120, [[120], [80], [100]])).toBeCloseTo(120, 9);
  });
  it('per FTE: 60 at 0.5 FTE of [60, 120] at [0.5, 1] → 100; 150 at 1 of [150, 150] at [1, 2] → 150', () => {
    expect(potentialIndex(60, [[60, 120]], 0.5, [[0.5, 1]])).toBeCloseTo(100, 9);
    // 150 per FTE against 300 / 3 = 100 per FTE
    expect(potentialIndex(150, [[150], [150]], 1, [[1], [2]])).toBeCloseTo(150, 9);
  });
  it('omitted optional arguments arrive as null', () => {
    expect(potentialIndex(50, [[50], [150]], omitted, omitted)).toBeCloseTo(50, 9);
  });
  it('errors: text, fte without allFte, zero total', () => {
    expect(thrown(() => potentialIndex(1, [[1], ['x']])).message).toBe('allPotentials, row 2, column 1: "x" is not a number');
    expect(thrown(() => potentialIndex(1, [[1], [2]], 1)).message).toBe('allFte is needed when fte is given');
    const zero = thrown(() => potentialIndex(0, [[0], [0]]));
    expect(zero.code).toBe('#DIV/0!');
  });
});

describe('BALANCE_STATUS and OUT_OF_BAND_COUNT', () => {
  const values = [[116], [100], [84], ['']];
  it('Over / Under / In band against the mean ± 15%', () => {
    expect(balanceStatus(116, values)).toBe('Over');
    expect(balanceStatus(84, values)).toBe('Under');
    expect(balanceStatus(100, values)).toBe('In band');
    expect(balanceStatus(112, values, 0.1)).toBe('Over');
  });
  it('counts values outside the band', () => {
    expect(outOfBandCount(values)).toBe(2);
    expect(outOfBandCount(values, 0.2)).toBe(0);
    expect(outOfBandCount(values, omitted)).toBe(2);
  });
  it('a negative tolerance is #VALUE!', () => {
    expect(thrown(() => outOfBandCount(values, -0.1)).message).toBe('tolerance: -0.1 is negative');
  });
});

describe('CONCENTRATION, WORKLOAD_CV, CAPACITY_UTILIZATION, GINI', () => {
  it('CONCENTRATION([65, 20, 15]) = 0.65', () => {
    expect(concentration([[65], [20], [15]])).toBeCloseTo(0.65, 9);
    expect(thrown(() => concentration([[0]])).code).toBe('#DIV/0!');
  });
  it('WORKLOAD_CV: population CV, per FTE when given', () => {
    expect(workloadCV([[10], [20], [30]])).toBeCloseTo(Math.sqrt(200 / 3) / 20, 9); // 0.408
    expect(workloadCV([[10], [20], [30]], [[1], [2], [3]])).toBeCloseTo(0, 9);
    // blank workload skipped with its FTE; blank FTE = 1: [20/1, 30/1] → mean 25, sd 5 → 0.2
    expect(workloadCV([[''], [20], [30]], [[2], [''], [1]])).toBeCloseTo(0.2, 9);
    expect(thrown(() => workloadCV([[1], [2]], [[1]])).message).toBe('fte has 1 cells but workloads has 2; give one FTE per workload');
    expect(thrown(() => workloadCV([[1], [2]], [[1], [0]])).message).toBe('fte: 0 is not a positive FTE');
  });
  it('CAPACITY_UTILIZATION(45, 50) = 0.9; capacity 0 is #DIV/0!', () => {
    expect(capacityUtilization(45, 50)).toBeCloseTo(0.9, 9);
    expect(thrown(() => capacityUtilization(45, 0)).code).toBe('#DIV/0!');
  });
  it('GINI([1,2,3,4]) = 0.25', () => {
    expect(gini([[1, 2], [3, 4]])).toBeCloseTo(0.25, 12);
    expect(gini([[7], [7], [7]])).toBe(0);
    expect(thrown(() => gini([[1], [true]])).message).toBe('values, row 2, column 1: TRUE is not a number');
  });
});

describe('DISRUPTION_LEVEL, HANDOFF_RULE, CREDIT_SPLIT', () => {
  it('today() is the Excel serial of the local date', () => {
    expect(today(new Date(2025, 0, 1, 12, 0, 0))).toBe(45658);
    expect(today(new Date(2025, 0, 2, 0, 5, 0))).toBe(45659);
  });
  it('DISRUPTION_LEVEL: High for Stage 3+ or strategic, Medium for revenue, pipeline or recent activity, else Low', () => {
    expect(disruptionLevel(3, 0, 0)).toBe('High');
    expect(disruptionLevel(0, 0, 0, omitted, true)).toBe('High');
    expect(disruptionLevel(0, 5000, 0)).toBe('Medium');
    expect(disruptionLevel(2, 0, 0)).toBe('Medium');
    expect(disruptionLevel(0, 0, 1000)).toBe('Medium');
    expect(disruptionLevel(0, 0, 0, today() - 30)).toBe('Medium');
    expect(disruptionLevel(0, 0, 0, today() - 120)).toBe('Low');
    expect(disruptionLevel(0, 0, 0, omitted, omitted)).toBe('Low');
    expect(thrown(() => disruptionLevel(7, 0, 0)).message).toBe('maxStage: 7 is not a stage from 0 to 5');
    // yes/no text as the table reader reads it; numbers as Excel coerces them
    expect(disruptionLevel(0, 0, 0, omitted, 'x' as unknown as boolean)).toBe('High');
    expect(disruptionLevel(0, 0, 0, omitted, ' Y ' as unknown as boolean)).toBe('High');
    expect(disruptionLevel(0, 0, 0, omitted, '-' as unknown as boolean)).toBe('Low');
    expect(disruptionLevel(0, 0, 0, omitted, 2 as unknown as boolean)).toBe('High');
    expect(thrown(() => disruptionLevel(0, 0, 0, omitted, 'maybe' as unknown as boolean)).message).toBe('strategic: "maybe" is not TRUE or FALSE');
    // the activity window counts back from asOf when given (the workbook's as-of date), else from today
    expect(disruptionLevel(0, 0, 0, 45000, omitted, 45060)).toBe('Medium');
    expect(disruptionLevel(0, 0, 0, 45000, omitted, 45100)).toBe('Low');
  });
  it('HANDOFF_RULE follows seed 002', () => {
    expect(handoffRule(2)).toBe('Stage 1-2: transfer immediately with a warm intro email from the previous rep');
    expect(handoffRule(4, false)).toBe('Stage 3+: original rep retains through close, 90-day deadline');
    expect(handoffRule(1, true)).toBe('Renewal: transfers to the new rep with a joint call during the transition');
    expect(handoffRule(0, omitted)).toBe('No open pipeline: transfer immediately with a warm intro email from the previous rep');
  });
  it('CREDIT_SPLIT: 59 days → 0.5, 61 days → 1', () => {
    expect(creditSplit(45658, 45658 + 59)).toBe(0.5);
    expect(creditSplit(45658, 45658 + 61)).toBe(1);
    expect(thrown(() => creditSplit('2025-01-01' as unknown as number, 45700)).message).toBe('transferDate: "2025-01-01" is not a number');
  });
});
