/** Seeded fixture generators for the read-layer tests (no pasted blobs). */
import type { RawCell, TableSource } from '../../../src/core/model';
import { mulberry32 } from '../../../src/core/sample/random';

/** The seeded PRNG the sample generator uses (mulberry32). */
export const prng = mulberry32;

/** Standard normal by Box-Muller. */
export function gaussian(rand: () => number): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

export function table(sheet: string, values: RawCell[][], origin = { row: 1, col: 1 }, tableName?: string): TableSource {
  return { sheet, origin, values, tableName };
}

export const REP_HEADER = ['Rep ID', 'Rep Name', 'Status', 'FTE', 'Quota', 'Q1 Attainment', 'Q2 Attainment', 'Q3 Attainment', 'Q4 Attainment'];

/** `n` active reps R1..Rn named "Rep 1".., quota 1M, four quarters of attainment. */
export function repRows(n: number): RawCell[][] {
  const rows: RawCell[][] = [REP_HEADER];
  for (let i = 1; i <= n; i++) rows.push([`R${i}`, `Rep ${i}`, 'Active', 1, 1_000_000, 0.9, 1.0, 1.1, 1.0]);
  return rows;
}

export const ACCOUNT_HEADER = ['Account ID', 'Account Name', 'Owner', 'Segment', 'Potential', 'Revenue TTM', 'Employees', 'Industry'];

const SEGMENTS = ['SMB', 'Mid-Market', 'Enterprise'] as const;
const INDUSTRIES = ['Retail', 'Manufacturing', 'Healthcare', 'Software'];

/** `n` accounts A00001.. owned round-robin by R1..R`reps`, with potential = 1000 × employees^0.8 × segment factor × noise. */
export function accountRows(n: number, reps: number, seed: number): RawCell[][] {
  const rand = prng(seed);
  const rows: RawCell[][] = [ACCOUNT_HEADER];
  for (let i = 1; i <= n; i++) {
    const segment = SEGMENTS[Math.floor(rand() * 3)];
    const employees = Math.round(Math.exp(2 + rand() * 7)); // ~7 to ~8,000
    const factor = segment === 'SMB' ? 1 : segment === 'Mid-Market' ? 1.5 : 2.5;
    const potential = Math.round(1000 * employees ** 0.8 * factor * Math.exp(0.1 * gaussian(rand)));
    rows.push([
      `A${String(i).padStart(5, '0')}`,
      `Account ${i}`,
      `R${(i % reps) + 1}`,
      segment,
      potential,
      Math.round(potential * 0.1 * rand()),
      employees,
      INDUSTRIES[Math.floor(rand() * INDUSTRIES.length)],
    ]);
  }
  return rows;
}
