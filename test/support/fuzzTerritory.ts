/**
 * Random small territories with awkward data, as raw tables (the workbook's cells) or read: blank
 * and junk cells, departing, new and 0-FTE reps, regions, locks, Stage 3+, capacities, credits, and
 * random bands, Candidate Reps, Max Distance and custom scenarios. Seeded: the same seed, the same data.
 */
import type { RawCell, TerritoryData } from '../../src/core/model';
import { ACCOUNT_FIELDS, readWorkbookSheets, REP_FIELDS } from '../../src/core/read';
import { prng } from '../core/read/fixtures';

function cellFor(rand: () => number, label: string, row: number, nReps: number): RawCell {
  if (label === 'Account ID') return `A${row}`;
  if (label === 'Rep ID') return `R${row}`;
  const x = rand();
  if (x < 0.08) return null;
  if (x < 0.1) return ['#N/A', '  ', 'maybe', -5, 1e12, 0][Math.floor(rand() * 6)];
  if (label === 'Owner') return `R${Math.floor(rand() * (nReps + 1))}`; // R<nReps> is not on the Reps sheet
  if (label === 'Status') return ['Active', 'Departing', 'New', 'Ramping', null][Math.floor(rand() * 5)];
  if (label === 'Region') return ['East', 'West', null][Math.floor(rand() * 3)];
  if (label === 'Segment') return ['SMB', 'Mid-Market', 'Enterprise', 'Public'][Math.floor(rand() * 4)];
  if (label === 'Locked' || label === 'Strategic') return rand() < 0.1 ? 'Y' : 'N';
  if (label === 'Max Stage') return Math.floor(rand() * 6);
  if (label === 'Workload') return Math.round(rand() * 30) / 10;
  if (label === 'Capacity') return rand() < 0.6 ? null : 10 + Math.round(rand() * 40);
  if (label === 'FTE') return [1, 1, 0.5, 0][Math.floor(rand() * 4)];
  if (label === 'Attainment' || label === 'Growth Rate') return Math.round(rand() * 150) / 100;
  if (label === 'Latitude' || label === 'Home Latitude') return 30 + rand() * 15;
  if (label === 'Longitude' || label === 'Home Longitude') return -120 + rand() * 45;
  if (label === 'Renewal' || label === 'Last Activity' || label === 'Hire Date') return new Date(Date.UTC(2024 + Math.floor(rand() * 3), Math.floor(rand() * 12), 1));
  if (label === 'Revenue TTM' && rand() < 0.05) return -Math.round(rand() * 1e4); // a credit
  return Math.round(rand() * 1e5);
}

/** The Accounts, Reps and Settings tables of territory `seed`. */
export function fuzzTables(seed: number): { Accounts: RawCell[][]; Reps: RawCell[][]; Settings: RawCell[][] } {
  const rand = prng(seed);
  const nReps = 2 + Math.floor(rand() * 8);
  const nAccounts = 3 + Math.floor(rand() * 100);
  const accounts: RawCell[][] = [ACCOUNT_FIELDS.map((f) => f.label)];
  for (let r = 0; r < nAccounts; r++) accounts.push(ACCOUNT_FIELDS.map((f) => cellFor(rand, f.label, r, nReps)));
  const reps: RawCell[][] = [REP_FIELDS.map((f) => f.label)];
  for (let r = 0; r < nReps; r++) reps.push(REP_FIELDS.map((f) => cellFor(rand, f.label, r, nReps)));
  const pick = <T,>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  const settings: RawCell[][] = [
    ['Setting', 'Value'],
    ['Rebalance Within Region', rand() < 0.5 ? 'Y' : 'N'],
    ['Balance Band', pick([0.05, 0.15, 0.3])],
    ['Balanced Band', pick([0.05, 0.1, 0.2])],
    ['Balanced Workload Band', pick([0.1, 0.2, 0.5])],
    ['Candidate Reps', 1 + Math.floor(rand() * 5)],
    ['Allow Stage 3 Moves', rand() < 0.3 ? 'Y' : 'N'],
    ...(rand() < 0.3 ? [['Max Distance (miles)', pick([50, 300, 1000])]] : []),
    ['Custom Scenario Balance', pick(['Potential', 'Growth-Adjusted Potential', 'Workload', 'Account Count', 'Revenue'])],
    ['Custom Scenario Band', pick([0.05, 0.15, 0.3])],
    ['Custom Travel Weight', pick([0, 1, 5])],
  ];
  return { Accounts: accounts, Reps: reps, Settings: settings };
}

/** Territory `seed`, read. */
export function fuzzTerritory(seed: number): TerritoryData {
  return readWorkbookSheets(Object.entries(fuzzTables(seed)).map(([name, values]) => ({ name, values })));
}
