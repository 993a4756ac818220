/**
 * Seeded TerritoryData builders for the metrics and trigger tests (no pasted blobs).
 */
import { type Account, type Rep, type Settings, type TerritoryData } from '../../../src/core/model';
import { mulberry32 } from '../../../src/core/sample/random';
import { makeAccount, makeRep, makeTerritory } from '../../support/model';

/** The seeded PRNG the sample generator uses (mulberry32). */
export const seeded = mulberry32;

export const rep = makeRep;

export const account = makeAccount;

export function territoryData(reps: Rep[], accounts: Account[], settings: Partial<Settings> = {}): TerritoryData {
  return makeTerritory(accounts, reps, settings);
}

export interface HealthyTeamOptions {
  reps: number;
  accountsPerRep: number;
  seed: number;
  /** Quarterly attainment noise around 100% (default ±4 pts). */
  noise?: number;
}

/**
 * A balanced team: every rep holds the same number of accounts whose potentials (random shapes)
 * are scaled to the same total, revenue is ~30% of potential spread over the book (no account
 * above a third of its territory), and four quarters of attainment close to 100%.
 */
export function healthyTeam(o: HealthyTeamOptions): TerritoryData {
  const rnd = seeded(o.seed);
  const noise = o.noise ?? 0.04;
  const reps: Rep[] = [];
  const accounts: Account[] = [];
  for (let r = 0; r < o.reps; r++) {
    const id = `R${r + 1}`;
    reps.push(rep(id, { attainment: [0, 1, 2, 3].map(() => 1 + (rnd() * 2 - 1) * noise), row: r + 2 }));
    const shapes = Array.from({ length: o.accountsPerRep }, () => 0.8 + 0.4 * rnd());
    const scale = 600_000 / shapes.reduce((s, x) => s + x, 0);
    shapes.forEach((shape, k) => {
      const potential = shape * scale;
      accounts.push(
        account(`A${r + 1}-${k + 1}`, id, {
          potential,
          revenueTTM: potential * (0.28 + 0.04 * rnd()),
          segment: 'SMB',
          row: accounts.length + 2,
        }),
      );
    });
  }
  return territoryData(reps, accounts);
}

/** Sets a rep's four quarters of attainment. */
export function setAttainment(data: TerritoryData, repId: string, quarters: number[]): void {
  const r = data.reps.find((x) => x.id === repId);
  if (!r) throw new Error(`no rep ${repId}`);
  r.attainment = quarters;
}
