import { DEFAULT_SETTINGS, formatProblem, type RawCell } from '../../../src/core/model';
import { readTerritoryData } from '../../../src/core/read';
import { repRows, table } from './fixtures';

function withSettings(rows: RawCell[][] | undefined) {
  return readTerritoryData({
    accounts: table('Accounts', [['Account ID', 'Owner', 'Potential'], ['A1', 'R1', 10]]),
    reps: table('Reps', repRows(1)),
    settings: rows && table('Settings', rows, { row: 3, col: 2 }),
  });
}

describe('settings', () => {
  test('no Settings table: the defaults, unchanged', () => {
    const data = withSettings(undefined);
    expect(data.settings).toEqual(DEFAULT_SETTINGS);
    expect(data.settings).not.toBe(DEFAULT_SETTINGS);
    expect(data.settings.transitionWeeks.SMB).not.toBe(DEFAULT_SETTINGS.transitionWeeks.SMB);
  });

  test('names match ignoring case, punctuation and units; values in the forms people type', () => {
    const data = withSettings([
      ['Setting', 'Value'],
      ['balance band', '10%'],
      ['Attainment Spread Trigger', 35],
      ['Candidate Reps', 5],
      ['Max Distance (miles)', 250],
      ['Allow Stage 3 Moves', 'Y'],
      ['REBALANCE WITHIN REGION', 'yes'],
      ['As Of Date', '2025-03-14'],
      ['ICP Shift', 'Moving upmarket to 500+ employees'],
      ['M&A', 'N'],
      ['New Segment', 'Y'],
      ['Previous Headcount', 20],
      ['Custom Scenario Balance', 'Growth-adjusted potential'],
      ['Custom Travel Weight', 0.5],
      ['Custom Disruption Weight', 2],
      ['Time Limit (s)', 30],
      ['Credit Split', '40/60'],
      ['Transition Weeks Enterprise', '8-10'],
      ['Checkpoint Days', '30/60/90/120'],
      ['High Disruption Weight', 20],
      ['Concentration Trigger', 0.5],
      ['Rebalance Requested By', ' VP Sales West '],
    ]);
    const s = data.settings;
    expect(data.problems).toEqual([]);
    expect(s.band).toBeCloseTo(0.1, 12);
    expect(s.triggerSpreadPts).toBe(35);
    expect(s.candidateReps).toBe(5);
    expect(s.maxDistanceMiles).toBe(250);
    expect(s.allowStage3Moves).toBe(true);
    expect(s.withinRegion).toBe(true);
    expect(s.asOfDate).toBe(45730);
    expect(s.declared).toEqual({ icpShift: 'Moving upmarket to 500+ employees', mergerAcquisition: null, newSegment: 'Yes', requestedBy: 'VP Sales West' });
    expect(s.previousHeadcount).toBe(20);
    expect(s.custom).toEqual({ name: 'Custom', balanceOn: 'growthPotential', band: 0.15, travelWeight: 0.5, disruptionWeight: 2 });
    expect(s.timeLimitSeconds).toBe(30);
    expect(s.creditSplitShare).toBeCloseTo(0.6, 12);
    expect(s.transitionWeeks).toEqual({ SMB: [2, 4], 'Mid-Market': [4, 6], Enterprise: [8, 10] });
    expect(s.checkpointDays).toEqual([30, 60, 90, 120]);
    expect(s.disruptionWeights).toEqual({ Low: 1, Medium: 3, High: 20 });
    expect(s.concentrationTrigger).toBe(0.5);
    // Untouched settings keep their defaults.
    expect(s.healthySpreadPts).toBe(25);
    expect(s.handoffStage).toBe(3);
  });

  test('unknown names and bad values are warnings at their cells; the default is kept', () => {
    const data = withSettings([
      ['Name', 'Value'],
      ['Balance Band', 'wide'],
      ['Colour Scheme', 'blue'],
      ['Candidate Reps', 2.5],
      ['Time Limit', null],
      ['Balance Band', 0.2],
    ]);
    // Origin B3: header row 3, data rows 4..8; Name in column B, Value in column C.
    expect(data.problems.map(formatProblem)).toEqual([
      'Settings!C4: Balance Band "wide" is not a percentage between 0% and 100%; the default is kept',
      'Settings!B5: Setting "Colour Scheme" is not recognised; ignored',
      'Settings!C6: Candidate Reps "2.5" is not a whole number; the default is kept',
      'Settings!B8: Setting "Balance Band" repeats row 4; this later value is used',
    ]);
    expect(data.settings.band).toBe(0.2);
    expect(data.settings.candidateReps).toBe(8);
    expect(data.settings.timeLimitSeconds).toBe(60);
  });

  test('two spellings of one setting are a repeat too: the later value is used, and the warning names both', () => {
    const data = withSettings([
      ['Name', 'Value'],
      ['Band', 0.12],
      ['Balance Band (±)', 0.2],
    ]);
    expect(data.problems.map(formatProblem)).toEqual(['Settings!B5: Setting "Balance Band (±)" repeats "Band" (row 4); this later value is used']);
    expect(data.settings.band).toBe(0.2);
  });

  test('a Settings list without Name/Value headers: its first two columns, the first row read as data, mapped to columns B and C', () => {
    const data = withSettings([
      ['Balance Band', '12%'],
      ['Healthy Attainment Spread', '20%'],
      ['Candidate Reps', 6],
    ]);
    expect(data.problems).toEqual([]);
    expect(data.settings.band).toBeCloseTo(0.12, 12);
    expect(data.settings.healthySpreadPts).toBe(20);
    expect(data.settings.candidateReps).toBe(6);
    const mapping = data.mapping.filter((m) => m.table === 'Settings').map((m) => [m.field, m.header, m.column]);
    expect(mapping).toEqual([
      ['name', 'Balance Band', 'B'],
      ['value', '12%', 'C'],
    ]);
  });
});
