import type { RawCell } from '../../../src/core/model';
import { readTerritoryData } from '../../../src/core/read';
import { table } from './fixtures';

const reps: RawCell[][] = [
  ['Rep ID', 'Rep Name', 'Region', 'Capacity', 'Q1 Att', 'Q2 Att', 'Q3 Att', 'Q4 Att'],
  ['R1', 'Ann', 'West', 40, 1.1, 1.0, 0.9, 1.2],
  ['R2', 'Bo', 'East', 30, 0.8, 0.7, 0.9, 0.85],
];

describe('seed 001 data checklist', () => {
  test('everything present: six items found, with the numbers', () => {
    const accounts: RawCell[][] = [
      ['Account ID', 'Owner', 'Region', 'Potential', 'Revenue TTM', 'Segment'],
      ['A1', 'R1', 'West', 1000, 200, 'SMB'],
      ['A2', 'R1', 'East', 2000, 0, 'Enterprise'],
      ['A3', 'Bo', 'East', 1500, 300.4, 'Mid-Market'],
    ];
    const data = readTerritoryData({ accounts: table('Accounts', accounts), reps: table('Reps', reps) });
    expect(data.problems).toEqual([]);
    expect(data.checklist).toEqual([
      { item: 'Territory definitions', status: 'found', detail: '2 regions on the Accounts table' },
      { item: 'Rep-to-account assignments', status: 'found', detail: '3 of 3 accounts assigned to 2 reps; 1 owned across regions (the owner\'s region differs)' },
      { item: 'Revenue TTM', status: 'found', detail: '2 of 3 accounts have revenue in the last 12 months, 500 in total' },
      { item: 'Account potential', status: 'found', detail: 'Potential read for all 3 accounts' },
      { item: 'Rep capacity', status: 'found', detail: 'Capacity for 2 of 2 reps; workload defaulted by segment (SMB 1, Mid-Market 2, Enterprise 4 per account)' },
      { item: 'Trailing 4Q attainment', status: 'found', detail: 'Four quarters for all 2 reps' },
    ]);
    expect(data.mapping.filter((m) => m.column !== null).map((m) => `${m.table}.${m.field}=${m.column}`)).toEqual([
      'Accounts.id=A', 'Accounts.owner=B', 'Accounts.potential=D', 'Accounts.revenueTTM=E', 'Accounts.segment=F', 'Accounts.region=C',
      'Reps.id=A', 'Reps.name=B', 'Reps.capacity=D', 'Reps.region=C',
      'Reps.attainment1=E', 'Reps.attainment2=F', 'Reps.attainment3=G', 'Reps.attainment4=H',
    ]);
  });

  test('the bare minimum: definitions, revenue, capacity and attainment missing; potential by proxy', () => {
    const data = readTerritoryData({
      accounts: table('Accounts', [['Account ID', 'Owner', 'Employees'], ['A1', 'R1', 50], ['A2', null, 70]]),
      reps: table('Reps', [['Rep ID'], ['R1']]),
    });
    expect(data.checklist.map((c) => [c.item, c.status])).toEqual([
      ['Territory definitions', 'missing'],
      ['Rep-to-account assignments', 'partial'],
      ['Revenue TTM', 'missing'],
      ['Account potential', 'partial'],
      ['Rep capacity', 'missing'],
      ['Trailing 4Q attainment', 'missing'],
    ]);
    expect(data.checklist[1].detail).toBe('1 of 2 accounts assigned to 1 rep; 1 unassigned');
  });
});
