import type { RawCell } from '../../../src/core/model';
import { ACCOUNT_FIELDS, readWorkbookSheets, REP_FIELDS } from '../../../src/core/read';
import { prng } from './fixtures';

/** Any cell a host might hand over, good or bad. */
function junk(rand: () => number): RawCell {
  const pick = Math.floor(rand() * 16);
  switch (pick) {
    case 0: return null;
    case 1: return '';
    case 2: return Math.round(rand() * 1000);
    case 3: return -rand() * 100;
    case 4: return rand() < 0.5 ? Number.NaN : Number.POSITIVE_INFINITY;
    case 5: return rand() < 0.5;
    case 6: return new Date(Date.UTC(2020 + Math.floor(rand() * 6), Math.floor(rand() * 12), 1 + Math.floor(rand() * 28)));
    case 7: return new Date(Number.NaN);
    case 8: return '#N/A';
    case 9: return `$${Math.round(rand() * 1e6).toLocaleString('en-US')}`;
    case 10: return `${Math.round(rand() * 150)}%`;
    case 11: return ['Y', 'N', 'maybe', 'Stage 4', 'Enterprise', 'mm', 'Leaving', 'R1', 'r2', 'Rep 3'][Math.floor(rand() * 10)];
    case 12: return 1e300;
    case 13: return '  ';
    case 14: return '2025-02-30';
    default: return `A${Math.floor(rand() * 40)}`;
  }
}

test.each([1, 2, 3, 4, 5])('seed %i: garbage in every column never throws, and every non-blank row is accounted for', (seed) => {
  const rand = prng(seed);
  const accounts: RawCell[][] = [ACCOUNT_FIELDS.map((f) => f.label)];
  for (let r = 0; r < 150; r++) accounts.push(ACCOUNT_FIELDS.map((_, c) => (c === 0 && rand() < 0.7 ? `A${r}` : junk(rand))));
  const reps: RawCell[][] = [REP_FIELDS.map((f) => f.label)];
  for (let r = 0; r < 12; r++) reps.push(REP_FIELDS.map((_, c) => (c === 0 ? (rand() < 0.8 ? `R${r}` : junk(rand)) : junk(rand))));
  const settings: RawCell[][] = [['Setting', 'Value']];
  for (let r = 0; r < 20; r++) settings.push([rand() < 0.5 ? ['Balance Band', 'Candidate Reps', 'As Of Date', 'Time Limit (s)', 'M&A', 'Credit Split'][r % 6] : junk(rand), junk(rand)]);

  const data = readWorkbookSheets([
    { name: 'Accounts', values: accounts },
    { name: 'Reps', values: reps },
    { name: 'Settings', values: settings },
  ]);

  const nonBlank = accounts.slice(1).filter((row) => row.some((v) => !(v === null || (typeof v === 'string' && v.trim() === '')))).length;
  const skipped = data.problems.filter((p) => p.sheet === 'Accounts' && p.message.endsWith('row skipped')).length;
  expect(data.accounts.length + skipped).toBe(nonBlank);
  for (const a of data.accounts) {
    for (const v of [a.potential, a.revenueTTM, a.pipeline, a.openOpps, a.maxStage, a.workload, a.growthRate]) expect(Number.isFinite(v)).toBe(true);
    expect(a.potential).toBeGreaterThanOrEqual(0);
    expect(a.owner === null || data.reps.some((r) => r.id === a.owner)).toBe(true);
  }
  for (const p of data.problems) {
    expect(['error', 'warning', 'info']).toContain(p.severity);
    expect(p.cell).toMatch(/^([A-Z]+[0-9]+(:[A-Z]+[0-9]+)?)?$/);
    expect(p.message.length).toBeGreaterThan(5);
  }
  expect(data.checklist).toHaveLength(6);
});
