import type { Audit, TerritoryData, TriggerResult } from '../../../src/core/model';
import { auditTerritories } from '../../../src/core/triggers/index';
import { account, healthyTeam, setAttainment } from '../metrics/fixtures';

function trigger(audit: Audit, id: string): TriggerResult {
  const t = audit.triggers.find((x) => x.id === id);
  if (!t) throw new Error(`no trigger ${id}`);
  return t;
}

function flat(data: TerritoryData): TerritoryData {
  for (const r of data.reps) r.attainment = [1, 1, 1, 1];
  return data;
}

describe('the 8 triggers and 3 non-triggers', () => {
  it('lists all 11 in order with a status each', () => {
    const audit = auditTerritories(healthyTeam({ reps: 8, accountsPerRep: 6, seed: 1 }));
    expect(audit.triggers.map((t) => t.id)).toEqual([
      'attainment-spread',
      'top-quartile-departure',
      'headcount-change',
      'customer-concentration',
      'icp-shift',
      'merger-acquisition',
      'new-segment',
      'crm-drift',
      'one-bad-quarter',
      'one-underperformer',
      'pressure-without-data',
    ]);
    expect(audit.triggers.every((t) => t.status === 'OK')).toBe(true);
  });

  describe('attainment spread', () => {
    it('130% vs 60% is a 70-point spread: FIRED (seed 001)', () => {
      const data = healthyTeam({ reps: 8, accountsPerRep: 6, seed: 2 });
      setAttainment(data, 'R1', [1.3, 1.3, 1.3, 1.3]);
      setAttainment(data, 'R2', [0.6, 0.6, 0.6, 0.6]);
      const t = trigger(auditTerritories(data), 'attainment-spread');
      expect(t.status).toBe('FIRED');
      expect(t.evidence).toContain('from 60% (Rep R2) to 130% (Rep R1): a 70-point spread');
    });

    it('a 24-point spread is healthy: OK', () => {
      const data = flat(healthyTeam({ reps: 8, accountsPerRep: 6, seed: 3 }));
      setAttainment(data, 'R1', [1.12, 1.12, 1.12, 1.12]);
      setAttainment(data, 'R2', [0.88, 0.88, 0.88, 0.88]);
      const audit = auditTerritories(data);
      const t = trigger(audit, 'attainment-spread');
      expect(audit.team.attainmentSpreadPts).toBeCloseTo(24, 9);
      expect(t.status).toBe('OK');
      expect(t.evidence).toContain('24-point spread, healthy (under 25)');
    });

    it('uses the trailing four quarters, not the latest one', () => {
      const data = flat(healthyTeam({ reps: 4, accountsPerRep: 3, seed: 4 }));
      // an old weak quarter falls out of the window: [0.2, 1, 1, 1, 1] → 1.0
      setAttainment(data, 'R1', [0.2, 1, 1, 1, 1]);
      expect(auditTerritories(data).team.attainmentSpreadPts).toBeCloseTo(0, 9);
    });
  });

  describe('one bad quarter', () => {
    it('latest quarter at 50% with a fine trailing four quarters is NOT A TRIGGER, and the spread is OK', () => {
      const data = flat(healthyTeam({ reps: 8, accountsPerRep: 6, seed: 5 }));
      setAttainment(data, 'R3', [1, 1, 1, 0.5]);
      const audit = auditTerritories(data);
      // R3 trailing 87.5% vs team 98.4% (10.9 pts, inside ±12.5); latest 50% vs 93.75% team
      const bad = trigger(audit, 'one-bad-quarter');
      expect(bad.status).toBe('NOT A TRIGGER');
      expect(bad.evidence).toContain('Rep R3 had 50% in the latest quarter (team mean 94%) but 88% over the trailing four quarters');
      const spread = trigger(audit, 'attainment-spread');
      expect(spread.status).toBe('OK');
      expect(spread.evidence).toContain('12.5-point spread');
      expect(audit.verdict).toBe('Hold');
    });

    it('is OK when the trailing four quarters are also out of band', () => {
      const data = flat(healthyTeam({ reps: 8, accountsPerRep: 6, seed: 5 }));
      setAttainment(data, 'R3', [0.8, 0.8, 0.8, 0.4]); // trailing 70%: a real gap, not one quarter
      expect(trigger(auditTerritories(data), 'one-bad-quarter').status).toBe('OK');
    });
  });

  describe('one underperformer', () => {
    it('one rep at 60% whose territory is otherwise in band: NOT A TRIGGER, spread OK, Hold', () => {
      const data = healthyTeam({ reps: 8, accountsPerRep: 6, seed: 6, noise: 0.02 });
      setAttainment(data, 'R4', [0.6, 0.6, 0.6, 0.6]);
      const audit = auditTerritories(data);
      const under = trigger(audit, 'one-underperformer');
      expect(under.status).toBe('NOT A TRIGGER');
      expect(under.evidence).toMatch(/^Rep R4 is the only rep out of band \(60%, below team mean 9\d% ± 12\.5 pts\)/);
      const spread = trigger(audit, 'attainment-spread');
      expect(spread.status).toBe('OK');
      expect(spread.evidence).toContain('comes from one rep alone (Rep R4 at 60%)');
      expect(audit.verdict).toBe('Hold');
    });

    it('the same rep on a starved territory is structural: the spread FIRES', () => {
      const data = healthyTeam({ reps: 8, accountsPerRep: 6, seed: 6, noise: 0.02 });
      setAttainment(data, 'R4', [0.6, 0.6, 0.6, 0.6]);
      for (const a of data.accounts) if (a.owner === 'R4') a.potential /= 2; // index 300/562.5 = 53
      const audit = auditTerritories(data);
      expect(trigger(audit, 'one-underperformer').status).toBe('OK');
      expect(trigger(audit, 'attainment-spread').status).toBe('FIRED');
      expect(audit.candidates).toEqual([{ repId: 'R4', outOfBand: ['potential index', 'attainment'] }]);
    });
  });

  describe('top-quartile rep departing', () => {
    it('the top rep of 12 departing FIRES; headcount 1 of 12 = 8.3% stays OK', () => {
      const data = healthyTeam({ reps: 12, accountsPerRep: 4, seed: 8, noise: 0.02 });
      setAttainment(data, 'R5', [1.15, 1.15, 1.15, 1.15]);
      data.reps[4].status = 'Departing';
      const audit = auditTerritories(data);
      const t = trigger(audit, 'top-quartile-departure');
      expect(t.status).toBe('FIRED');
      expect(t.evidence).toContain('Rep R5 is departing at 115% trailing-4Q attainment, rank 1 of 12');
      expect(t.evidence).toContain('the top quartile is the top 3 of 12');
      expect(trigger(audit, 'headcount-change').evidence).toContain('1 departing + 0 new of 12 current reps = 8.3% change');
      expect(trigger(audit, 'headcount-change').status).toBe('OK');
      expect(audit.verdict).toBe('Rebalance');
    });

    it('a bottom-ranked departing rep is OK', () => {
      const data = flat(healthyTeam({ reps: 12, accountsPerRep: 4, seed: 8 }));
      setAttainment(data, 'R1', [1.1, 1.1, 1.1, 1.1]);
      setAttainment(data, 'R5', [0.9, 0.9, 0.9, 0.9]);
      data.reps[4].status = 'Departing';
      const t = trigger(auditTerritories(data), 'top-quartile-departure');
      expect(t.status).toBe('OK');
      expect(t.evidence).toContain('rank 12 of 12 (not top quartile)');
    });
  });

  describe('headcount change', () => {
    it('2 departing + 0 new of 14 → 14.3%: FIRED', () => {
      const data = flat(healthyTeam({ reps: 14, accountsPerRep: 3, seed: 9 }));
      data.reps[0].status = 'Departing';
      data.reps[1].status = 'Departing';
      const t = trigger(auditTerritories(data), 'headcount-change');
      expect(t.status).toBe('FIRED');
      expect(t.evidence).toContain('2 departing + 0 new of 14 current reps = 14.3% change, past the 10% trigger [Rep R1 (Departing) and Rep R2 (Departing)]');
    });

    it('1 departing of 14 → 7.1%: OK', () => {
      const data = flat(healthyTeam({ reps: 14, accountsPerRep: 3, seed: 9 }));
      data.reps[0].status = 'Departing';
      const t = trigger(auditTerritories(data), 'headcount-change');
      expect(t.status).toBe('OK');
      expect(t.evidence).toContain('= 7.1% change');
    });

    it('new reps count: 2 new against 10 current → 20%; against a previous headcount', () => {
      const data = flat(healthyTeam({ reps: 12, accountsPerRep: 3, seed: 10 }));
      data.reps[10].status = 'New';
      data.reps[11].status = 'New';
      expect(trigger(auditTerritories(data), 'headcount-change').evidence).toContain('0 departing + 2 new of 10 current reps = 20% change');
      // 12 reps today, 10 at the last plan: 20%
      const grown = flat(healthyTeam({ reps: 12, accountsPerRep: 3, seed: 10 }));
      grown.settings.previousHeadcount = 10;
      const t = trigger(auditTerritories(grown), 'headcount-change');
      expect(t.status).toBe('FIRED');
      expect(t.evidence).toContain('(12 reps after) against 10 at the last plan = 20% change');
      grown.settings.previousHeadcount = 12;
      expect(trigger(auditTerritories(grown), 'headcount-change').status).toBe('OK');
    });
  });

  describe('single-customer concentration', () => {
    it('a customer with 65% of a territory FIRES, naming account and rep', () => {
      const data = healthyTeam({ reps: 6, accountsPerRep: 5, seed: 12 });
      const book = data.accounts.filter((a) => a.owner === 'R2');
      const rest = book.slice(1).reduce((s, a) => s + a.revenueTTM, 0);
      book[0].revenueTTM = (0.65 / 0.35) * rest;
      const t = trigger(auditTerritories(data), 'customer-concentration');
      expect(t.status).toBe('FIRED');
      expect(t.evidence).toMatch(/^Account A2-1 is 65% of Rep R2's revenue TTM \([\d,]+ of [\d,]+\): above the 60% trigger\.$/);
    });

    it('55% is OK and reported as the largest share', () => {
      const data = healthyTeam({ reps: 6, accountsPerRep: 5, seed: 12 });
      const book = data.accounts.filter((a) => a.owner === 'R3');
      const rest = book.slice(1).reduce((s, a) => s + a.revenueTTM, 0);
      book[0].revenueTTM = (0.55 / 0.45) * rest;
      const t = trigger(auditTerritories(data), 'customer-concentration');
      expect(t.status).toBe('OK');
      expect(t.evidence).toContain('Account A3-1 is 55% of Rep R3');
    });
  });

  describe('ICP shift, M&A, new segment', () => {
    it('declared events FIRE from Settings', () => {
      const data = healthyTeam({ reps: 6, accountsPerRep: 4, seed: 13 });
      data.settings.declared.icpShift = 'Moving upmarket to Enterprise';
      data.settings.declared.mergerAcquisition = 'Acquired Initech';
      const audit = auditTerritories(data);
      expect(trigger(audit, 'icp-shift')).toMatchObject({ status: 'FIRED', evidence: 'Declared in Settings (ICP Shift): Moving upmarket to Enterprise.' });
      expect(trigger(audit, 'merger-acquisition')).toMatchObject({ status: 'FIRED', evidence: 'Declared in Settings (M&A): Acquired Initech.' });
    });

    it('detects a segment whose accounts are mostly unassigned', () => {
      const data = healthyTeam({ reps: 6, accountsPerRep: 4, seed: 14 });
      for (let k = 1; k <= 3; k++) data.accounts.push(account(`E${k}`, k === 1 ? 'R1' : null, { potential: 5000, segment: 'Enterprise' }));
      const t = trigger(auditTerritories(data), 'new-segment');
      expect(t.status).toBe('FIRED');
      expect(t.evidence).toBe('Enterprise: 2 of 3 accounts unassigned, 1 with a continuing rep (no rep covers it).');
    });

    it('detects a segment covered only by a departing rep', () => {
      const data = flat(healthyTeam({ reps: 12, accountsPerRep: 3, seed: 15 }));
      data.reps[0].status = 'Departing';
      for (const a of data.accounts) if (a.owner === 'R1') a.segment = 'Mid-Market';
      const t = trigger(auditTerritories(data), 'new-segment');
      expect(t.status).toBe('FIRED');
      expect(t.evidence).toContain('Mid-Market: 0 of 3 accounts unassigned, 0 with a continuing rep');
    });
  });

  describe('CRM drift', () => {
    it('a book handed from one rep to another puts 4 indicators out of band: FIRED', () => {
      const data = healthyTeam({ reps: 8, accountsPerRep: 6, seed: 16 });
      for (const a of data.accounts) if (a.owner === 'R2') a.owner = 'R1';
      const audit = auditTerritories(data);
      const t = trigger(audit, 'crm-drift');
      expect(t.status).toBe('FIRED');
      expect(t.evidence).toMatch(/^4 of 5 indicators out of band: potential dispersion max deviation 100% \(band ±15%\); workload variance CV 0\.\d+ \(band 0\.15\); account load CV 0\.\d+ \(band 0\.15\); revenue dispersion CV 0\.\d+ \(band 0\.3\)\. In band: attainment spread/);
      // workload per FTE 12, 0, 6 × 6 → mean 6, sd sqrt(72/8) = 3 → CV 0.5
      expect(audit.team.workloadCV).toBeCloseTo(0.5, 9);
    });

    it('one indicator out is OK', () => {
      const data = flat(healthyTeam({ reps: 8, accountsPerRep: 6, seed: 17 }));
      setAttainment(data, 'R1', [1.3, 1.3, 1.3, 1.3]);
      setAttainment(data, 'R2', [0.7, 0.7, 0.7, 0.7]);
      const t = trigger(auditTerritories(data), 'crm-drift');
      expect(t.status).toBe('OK');
      expect(t.evidence).toMatch(/^1 of 5 indicators out of band: attainment spread 60 pts/);
    });
  });

  describe('pressure with no data', () => {
    it('a request with no data trigger is NOT A TRIGGER', () => {
      const data = healthyTeam({ reps: 8, accountsPerRep: 6, seed: 18 });
      data.settings.declared.requestedBy = 'VP Sales West';
      const audit = auditTerritories(data);
      const t = trigger(audit, 'pressure-without-data');
      expect(t.status).toBe('NOT A TRIGGER');
      expect(t.evidence).toBe('Rebalance requested by VP Sales West, but no data trigger fired: hold the line until the data justifies the change.');
      expect(audit.verdict).toBe('Hold');
      expect(audit.verdictReason).toContain('Not triggers: Pressure with no data.');
    });

    it('a request backed by a fired trigger is OK', () => {
      const data = healthyTeam({ reps: 8, accountsPerRep: 6, seed: 18 });
      data.settings.declared.requestedBy = 'VP Sales West';
      setAttainment(data, 'R1', [1.3, 1.3, 1.3, 1.3]);
      setAttainment(data, 'R2', [0.6, 0.6, 0.6, 0.6]);
      const t = trigger(auditTerritories(data), 'pressure-without-data');
      expect(t.status).toBe('OK');
      expect(t.evidence).toBe('Rebalance requested by VP Sales West, backed by data: Attainment spread > 30 pts.');
    });
  });
});
