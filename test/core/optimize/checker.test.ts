/** The plan checker catches each broken rule on hand-built owner arrays. */
import { checkPlan, defaultScenarios } from '../../../src/core/optimize';
import type { ScenarioSpec } from '../../../src/core/model';
import { account, rep, territory } from './fixtures';

// Four reps, R4 departing. Total potential 400 over three active reps:
// fair share 133.33 each, band ±15% = [113.3, 153.3].
function base() {
  const reps = [
    rep('R1', { homeLat: 40, homeLon: -75, capacity: 3, region: 'East' }),
    rep('R2', { homeLat: 40.1, homeLon: -75.1, region: 'East' }),
    rep('R3', { homeLat: 34, homeLon: -118, region: 'West' }),
    rep('R4', { homeLat: 40, homeLon: -75, status: 'Departing', region: 'East' }),
  ];
  const at = (lat: number, lon: number, region: string) => ({ lat, lon, region });
  const accounts = [
    account('A1', 'R1', 70, at(40, -75, 'East')),
    account('A2', 'R1', 60, { ...at(40, -75, 'East'), locked: true }),
    account('A3', 'R2', 70, { ...at(40.1, -75.1, 'East'), maxStage: 4 }),
    account('A4', 'R2', 60, at(40.1, -75.1, 'East')),
    account('A5', 'R3', 130, at(34, -118, 'West')),
    account('A6', 'R4', 10, at(40, -75, 'East')),
  ];
  return territory(accounts, reps, { band: 0.15 });
}
const minimal = (d = base()): ScenarioSpec => defaultScenarios(d.settings)[0];
// A valid plan: the departing rep's A6 goes to R1 (130+10=140), R2 130, R3 130.
const good = ['R1', 'R1', 'R2', 'R2', 'R3', 'R1'];

test('a valid plan passes with the recomputed worst deviation', () => {
  const c = checkPlan(base(), minimal(), good);
  expect(c.violations).toEqual([]);
  expect(c.ok).toBe(true);
  expect(c.bandMet).toBe(true);
  // fair share 400/3 = 133.33; R1 holds 140 → +5.0%
  expect(c.worstDeviation).toBeCloseTo(140 / (400 / 3) - 1, 9);
});

test('an owner that is not a rep', () => {
  const c = checkPlan(base(), minimal(), ['R1', 'R1', 'R2', 'R2', 'R3', 'R9']);
  expect(c.ok).toBe(false);
  expect(c.violations.join()).toMatch(/A6 is assigned to "R9", which is not a rep/);
});

test('a departing rep keeping an account', () => {
  const c = checkPlan(base(), minimal(), ['R1', 'R1', 'R2', 'R2', 'R3', 'R4']);
  expect(c.violations.join()).toMatch(/A6 is left with departing rep R4/);
});

test('a locked account moved', () => {
  const c = checkPlan(base(), minimal(), ['R1', 'R2', 'R2', 'R1', 'R3', 'R1']);
  expect(c.violations.join()).toMatch(/A2 is locked to R1 but moves to R2/);
});

test('a Stage 3+ account moved, unless allowed', () => {
  const owners = ['R1', 'R1', 'R1', 'R2', 'R3', 'R2'];
  expect(checkPlan(base(), minimal(), owners).violations.join()).toMatch(/A3 has a Stage 4 opportunity/);
  const allowed = base();
  allowed.settings.allowStage3Moves = true;
  expect(checkPlan(allowed, minimal(allowed), owners).violations.join()).not.toMatch(/Stage/);
});

test('capacity exceeded', () => {
  // R1 has capacity 3: four accounts of workload 1
  const c = checkPlan(base(), minimal(), ['R1', 'R1', 'R2', 'R1', 'R3', 'R1']);
  expect(c.violations.join()).toMatch(/R1 carries workload 4, above its capacity 3/);
});

test('a move outside the candidate reps (region rule, nearest-N rule)', () => {
  const d = base();
  const within = { ...minimal(d), withinRegion: true };
  // A4 (East) to R3 (West)
  const owners = ['R1', 'R1', 'R2', 'R3', 'R3', 'R1'];
  expect(checkPlan(d, within, owners).violations.join()).toMatch(/A4 moves to R3, which is not one of its candidate reps/);
  expect(checkPlan(d, minimal(d), owners).violations.join()).not.toMatch(/candidate/);
  d.settings.candidateReps = 1; // only the nearest other rep (R1 or R2, ~0-9 mi away), never R3 2,400 mi away
  expect(checkPlan(d, minimal(d), owners).violations.join()).toMatch(/A4 moves to R3/);
});

test('band recomputed from scratch', () => {
  // R1 70+60+10 = 140, R2 70, R3 130+60 = 190: R2 at 52.5% of 133.33
  const c = checkPlan(base(), minimal(), ['R1', 'R1', 'R2', 'R3', 'R3', 'R1']);
  expect(c.ok).toBe(true);
  expect(c.bandMet).toBe(false);
  expect(c.worstDeviation).toBeCloseTo(1 - 70 / (400 / 3), 9);
});

test('wrong length', () => {
  expect(checkPlan(base(), minimal(), ['R1']).ok).toBe(false);
});
