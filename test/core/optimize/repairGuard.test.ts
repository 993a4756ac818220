/**
 * Repair's rounding guard judges a step on the reps it touches: a huge violation elsewhere that no
 * move can fix (a pinned account with workload 1e7 on a rep of capacity 10) must not hide a real gain.
 */
import { Assignment, NO_LIMIT } from '../../../src/core/optimize/assignment';
import type { Instance } from '../../../src/core/optimize/instance';
import { repair } from '../../../src/core/optimize/repair';

function instance(pinnedWork: number): Instance {
  // R0 holds 100 + 8 + 7 + 0.00001 (band 90-110: over by 5%); R1 has room; R2 keeps a pinned account
  const value = [100, 8, 1e-5, 7, 90, 100];
  const work = [0, 0, 0, 0, 0, pinnedWork];
  const owner = [0, 0, 0, 0, 1, 2];
  const nA = value.length;
  const start = new Int32Array(nA + 1);
  const reps: number[] = [];
  const cost: number[] = [];
  for (let i = 0; i < nA; i++) {
    start[i] = reps.length;
    reps.push(owner[i]);
    cost.push(0);
    if (owner[i] === 0) {
      reps.push(1);
      cost.push(i === 2 ? -1 : 1); // moving the tiny account saves cost: repair tries it first
    }
  }
  start[nA] = reps.length;
  const pinned = new Int32Array(nA).fill(-1);
  pinned[5] = 2;
  const three = (x: number) => new Float64Array(3).fill(x);
  return {
    data: { accounts: [], reps: [], settings: {} } as unknown as Instance['data'],
    scenario: { name: 'Minimal', kind: 'Minimal', balanceOn: 'potential', band: 0.1, workloadBand: null, ignoreCurrentOwners: false, disruptionWeight: 1, travelWeight: 1, withinRegion: false },
    nA,
    nR: 3,
    current: Int32Array.from(owner),
    eligible: [true, true, true],
    mustPlace: new Array(nA).fill(false),
    pinned,
    cand: { start, reps: Int32Array.from(reps), miles: new Float64Array(reps.length) } as unknown as Instance['cand'],
    cost: Float64Array.from(cost),
    value: Float64Array.from(value),
    work: Float64Array.from(work),
    level: new Array(nA).fill('Low'),
    band: { lo: three(90), hi: three(110), target: three(100) },
    workBand: null,
    capacity: Float64Array.from([Infinity, Infinity, 10]),
  };
}

test.each([0, 1e7])('pinned workload %d on R2: R0 is repaired into its band all the same', (pinnedWork) => {
  const a = new Assignment(instance(pinnedWork), Int32Array.from([0, 0, 0, 0, 1, 2]));
  repair(a, NO_LIMIT);
  expect(a.violationOf(0)).toBe(0);
  expect(a.load[0]).toBeLessThanOrEqual(110);
});
