/** Small seeded territories for the optimizer tests (built in code, no pasted blobs). */
import { type Account, type Rep, type Settings, type TerritoryData } from '../../../src/core/model';
import { prng } from '../../../bench/instances';
import { makeAccount, makeRep, makeTerritory } from '../../support/model';

export const rep = makeRep;

export function account(id: string, owner: string | null, potential: number, over: Partial<Account> = {}): Account {
  return makeAccount(id, owner, { potential, segment: 'SMB', ...over });
}

export function territory(accounts: Account[], reps: Rep[], settings: Partial<Settings> = {}): TerritoryData {
  return makeTerritory(accounts, reps, settings);
}

/**
 * 3 reps with homes near Chicago, 9 accounts with seeded potentials and disruption levels,
 * most of them owned by R1 so the band forces moves.
 */
export function tinyTerritory(seed: number, band = 0.2): TerritoryData {
  const rand = prng(seed);
  const reps = [
    rep('R1', { homeLat: 41.9, homeLon: -87.6 }),
    rep('R2', { homeLat: 42.3, homeLon: -87.9 }),
    rep('R3', { homeLat: 41.5, homeLon: -88.1 }),
  ];
  const owners = ['R1', 'R1', 'R1', 'R1', 'R1', 'R2', 'R2', 'R3', null];
  const accounts = owners.map((o, i) => {
    const kind = Math.floor(rand() * 3);
    return account(`A${i + 1}`, o, Math.round(20000 + rand() * 80000), {
      lat: 41.5 + rand() * 0.8,
      lon: -88.2 + rand() * 0.7,
      revenueTTM: kind >= 1 ? 10000 : 0,
      strategic: kind === 2 && i % 2 === 0,
    });
  });
  return territory(accounts, reps, { band, asOfDate: 46000 });
}
