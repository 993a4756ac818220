import { auditTerritories } from '../../../src/core/triggers/index';
import { account, healthyTeam, setAttainment } from '../metrics/fixtures';

describe('verdict', () => {
  it('Hold on a seeded healthy team', () => {
    const audit = auditTerritories(healthyTeam({ reps: 10, accountsPerRep: 5, seed: 21 }));
    expect(audit.verdict).toBe('Hold');
    expect(audit.candidates).toEqual([]);
    expect(audit.verdictReason).toBe('Hold: no trigger fired and no territory has 2+ metrics out of band; rebalance on triggers, not on the calendar.');
  });

  it('Rebalance when a data trigger fires', () => {
    const data = healthyTeam({ reps: 8, accountsPerRep: 6, seed: 22 });
    setAttainment(data, 'R1', [1.3, 1.3, 1.3, 1.3]);
    setAttainment(data, 'R2', [0.6, 0.6, 0.6, 0.6]);
    const audit = auditTerritories(data);
    expect(audit.verdict).toBe('Rebalance');
    expect(audit.verdictReason).toBe('Rebalance: a data trigger fired: Attainment spread > 30 pts.');
  });

  it('Rebalance on 2+ candidates even with no trigger fired', () => {
    const data = healthyTeam({ reps: 8, accountsPerRep: 6, seed: 23 });
    for (const r of data.reps) r.attainment = [1, 1, 1, 1];
    // R1 rich and high, R2 starved and low: index 130 / 70, attainment ±14 pts (band ±12.5), spread 28 pts
    for (const a of data.accounts) if (a.owner === 'R1') a.potential *= 1.3;
    for (const a of data.accounts) if (a.owner === 'R2') a.potential *= 0.7;
    setAttainment(data, 'R1', [1.14, 1.14, 1.14, 1.14]);
    setAttainment(data, 'R2', [0.86, 0.86, 0.86, 0.86]);
    const audit = auditTerritories(data);
    expect(audit.triggers.filter((t) => t.status === 'FIRED')).toEqual([]);
    expect(audit.territories[0].potentialIndex).toBeCloseTo(130, 9);
    expect(audit.candidates).toEqual([
      { repId: 'R1', outOfBand: ['potential index', 'attainment'] },
      { repId: 'R2', outOfBand: ['potential index', 'attainment'] },
    ]);
    expect(audit.verdict).toBe('Rebalance');
    expect(audit.verdictReason).toBe(
      'Rebalance: 2 territories are rebalance candidates (2+ metrics out of band): Rep R1 (potential index, attainment); Rep R2 (potential index, attainment).',
    );
  });

  it('Review when only a declared event fired', () => {
    const data = healthyTeam({ reps: 8, accountsPerRep: 6, seed: 24 });
    data.settings.declared.mergerAcquisition = 'Acquired Initech';
    const audit = auditTerritories(data);
    expect(audit.verdict).toBe('Review');
    expect(audit.verdictReason).toBe('Review: declared in Settings but not yet visible in the data: M&A activity. No data trigger fired.');
  });

  it('a detected new segment is data: Rebalance', () => {
    const data = healthyTeam({ reps: 8, accountsPerRep: 6, seed: 24 });
    data.accounts.push(account('E1', null, { potential: 1000, segment: 'Enterprise' }));
    expect(auditTerritories(data).verdict).toBe('Rebalance');
  });

  it('Review on one candidate', () => {
    const data = healthyTeam({ reps: 8, accountsPerRep: 6, seed: 25 });
    for (const a of data.accounts) if (a.owner === 'R1') a.potential *= 1.5;
    data.accounts.push(account('x1', 'R1', { potential: 1 }), account('x2', 'R1', { potential: 1 }));
    const audit = auditTerritories(data);
    // R1: index 141 (900k of 637.5k fair), 8 accounts vs mean 6.25 (+28%)
    expect(audit.territories[0].potentialIndex).toBeCloseTo((100 * 900_002) / ((7 * 600_000 + 900_002) / 8), 6);
    expect(audit.candidates).toEqual([{ repId: 'R1', outOfBand: ['potential index', 'workload per FTE', 'accounts per FTE'] }]);
    expect(audit.verdict).toBe('Review');
    expect(audit.verdictReason).toContain('1 territory is a rebalance candidate');
  });

  it('Review when the spread is between healthy 25 and trigger 30', () => {
    const data = healthyTeam({ reps: 8, accountsPerRep: 6, seed: 26 });
    for (const r of data.reps) r.attainment = [1, 1, 1, 1];
    setAttainment(data, 'R1', [1.135, 1.135, 1.135, 1.135]);
    setAttainment(data, 'R2', [0.865, 0.865, 0.865, 0.865]);
    const audit = auditTerritories(data);
    expect(audit.team.attainmentSpreadPts).toBeCloseTo(27, 9);
    expect(audit.triggers[0]).toMatchObject({ status: 'OK' });
    expect(audit.triggers[0].evidence).toContain('27-point spread, above the healthy 25 but not past the 30-point trigger');
    expect(audit.verdict).toBe('Review');
    expect(audit.verdictReason).toContain('the attainment spread of 27 pts is above the healthy 25');
  });
});
