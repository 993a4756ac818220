/**
 * Repair's ejection chains: a rep over its band that no single move or two-move chain can fix,
 * because every neighbour is full, is fixed by passing one account down a line of reps to the one
 * with room. Built as a hand-made instance so the candidate lists form exactly that line.
 */
import { Assignment, greedyStart, NO_LIMIT } from '../../../src/core/optimize/assignment';
import { defaultScenarios } from '../../../src/core/optimize';
import { buildInstance } from '../../../src/core/optimize/instance';
import { makeInstance } from '../../../bench/instances';
import type { Instance } from '../../../src/core/optimize/instance';
import { ejectionChain, repair } from '../../../src/core/optimize/repair';
import { territory, account, rep } from './fixtures';

// R0 owns 50 + 50 + 11 = 111 (band 90..110: over by 1); R1 and R2 own 50 + 49 + 11 = 110 (full);
// R3 owns 45 + 45 = 90 (room for 20). The accounts of Rk may go only to Rk or Rk+1; R3's stay.
const VALUES = [50, 50, 11, 50, 49, 11, 50, 49, 11, 45, 45];
const OWNER = [0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3];

function lineInstance(): Instance {
  const nA = VALUES.length;
  const nR = 4;
  const start = new Int32Array(nA + 1);
  const reps: number[] = [];
  for (let i = 0; i < nA; i++) {
    start[i] = reps.length;
    reps.push(OWNER[i]);
    if (OWNER[i] < 3) reps.push(OWNER[i] + 1);
  }
  start[nA] = reps.length;
  // staying (the first candidate, the owner) costs 0, a move costs 1
  const cost = new Float64Array(reps.length).fill(1);
  for (let i = 0; i < nA; i++) cost[start[i]] = 0;
  const data = territory(
    VALUES.map((v, i) => account(`A${i}`, `R${OWNER[i]}`, v)),
    [0, 1, 2, 3].map((r) => rep(`R${r}`)),
  );
  const full = (x: number) => new Float64Array(nR).fill(x);
  return {
    data,
    scenario: { name: 'Minimal', kind: 'Minimal', balanceOn: 'potential', band: 0.1, workloadBand: null, ignoreCurrentOwners: false, disruptionWeight: 1, travelWeight: 1, withinRegion: false },
    nA,
    nR,
    current: Int32Array.from(OWNER),
    eligible: [true, true, true, true],
    mustPlace: new Array(nA).fill(false),
    pinned: new Int32Array(nA).fill(-1),
    cand: { start, reps: Int32Array.from(reps), miles: new Float64Array(reps.length) },
    cost,
    value: Float64Array.from(VALUES),
    work: new Float64Array(nA),
    level: new Array(nA).fill('Low'),
    band: { lo: full(90), hi: full(110), target: full(100) },
    workBand: null,
    capacity: full(Infinity),
  };
}

test('the instance is as described: R0 over, no single move helps', () => {
  const a = new Assignment(lineInstance(), Int32Array.from(OWNER));
  expect(a.violationOf(0)).toBeCloseTo(0.01, 8);
  expect([1, 2, 3].map((r) => a.violationOf(r))).toEqual([0, 0, 0]);
  // every single move out of R0 overfills R1
  for (const i of a.members[0]) expect(a.deltaViolation(i, 1)).toBeGreaterThan(0);
});

test('the ejection chain passes an 11 down the line: R0 → R1 → R2 → R3, three moves', () => {
  const a = new Assignment(lineInstance(), Int32Array.from(OWNER));
  const chain = ejectionChain(a, 0);
  expect(chain).not.toBeNull();
  expect(chain!.steps.map((s) => [VALUES[s.i], OWNER[s.i], s.s])).toEqual([
    [11, 0, 1],
    [11, 1, 2],
    [11, 2, 3],
  ]);
});

test('repair reaches the band with those three moves (cost 3) and every rep ends inside it', () => {
  const a = new Assignment(lineInstance(), Int32Array.from(OWNER));
  expect(repair(a, NO_LIMIT)).toBe(true);
  expect(a.totalViolation()).toBe(0);
  expect(Array.from(a.load)).toEqual([100, 110, 110, 101]);
  expect(a.objective()).toBe(3);
});

test('with no rep that has room, no chain exists and repair reports failure', () => {
  const inst = lineInstance();
  inst.band.hi[3] = 90; // R3 full too
  const a = new Assignment(inst, Int32Array.from(OWNER));
  expect(ejectionChain(a, 0)).toBeNull();
  expect(repair(a, NO_LIMIT)).toBe(false);
  expect(a.violationOf(0)).toBeGreaterThan(0);
});

test('a failed search marks the reps whose loads it read: the whole line, R3 included, whose room would have made the chain', () => {
  const inst = lineInstance();
  inst.band.hi[3] = 90;
  const a = new Assignment(inst, Int32Array.from(OWNER));
  const read = new Uint8Array(4);
  expect(ejectionChain(a, 0, undefined, read)).toBeNull();
  expect(Array.from(read)).toEqual([1, 1, 1, 1]);
  // a line cut after R1 (R1's accounts may not leave it): the search never looks past R2
  const cut = lineInstance();
  cut.band.hi[3] = 90;
  for (let i = 0; i < VALUES.length; i++) if (OWNER[i] === 1) cut.cand.reps[cut.cand.start[i] + 1] = 1;
  const b = new Assignment(cut, Int32Array.from(OWNER));
  const readCut = new Uint8Array(4);
  expect(ejectionChain(b, 0, undefined, readCut)).toBeNull();
  expect(Array.from(readCut)).toEqual([1, 1, 0, 0]);
});

// Repair skips a rep whose single-move search failed until a rep that search depends on changes. Were a
// change missed, repair could stop with a single improving move still open: when it gives up, none is.
test('when repair gives up, no rep outside its band has a single move left that lowers the violation', () => {
  let stuck = 0;
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]) {
    const data = makeInstance({ accounts: 400, reps: 12, seed, locked: 0.2, stage3: 0.1, settings: { candidateReps: 2 } });
    for (const scenario of defaultScenarios(data.settings)) {
      const inst = buildInstance(data, scenario);
      const a = new Assignment(inst, greedyStart(inst));
      if (repair(a, NO_LIMIT)) continue;
      stuck++;
      const { start, reps } = inst.cand;
      for (let r = 0; r < inst.nR; r++) {
        if (a.violationOf(r) <= 1e-12) continue;
        // out of r, and into r: the moves repair's single search weighs
        for (const i of a.members[r]) if (a.movable[i]) for (let p = start[i]; p < start[i + 1]; p++) if (reps[p] !== r && !a.raisesCapacity(i, reps[p])) expect(a.deltaViolation(i, reps[p])).toBeGreaterThanOrEqual(-1e-12);
        for (const i of a.reachers[r]) if (a.owner[i] !== r && !a.raisesCapacity(i, r)) expect(a.deltaViolation(i, r)).toBeGreaterThanOrEqual(-1e-12);
      }
    }
  }
  expect(stuck).toBeGreaterThan(10); // the territories do leave repair stuck, so the check has something to check
});
