/**
 * Test doubles for the worker bridge: a scripted WorkerLike that records what the bridge posts,
 * and an in-process "worker" that runs the real serveOptimizer loop over a step-by-step optimizer.
 */
import type { Plan, PlanStatus, TerritoryData } from '../../src/core/model';
import { makeTerritory } from '../support/model';
import type { OptimizeOptions, OptimizeResult } from '../../src/core/optimize/api';
import type { FromWorker, ToWorker, WorkerLike } from '../../src/worker/protocol';
import { serveOptimizer, type Engine, type OptimizeFn, type ServeOptions } from '../../src/worker/serve';

export function emptyData(): TerritoryData {
  return makeTerritory([], []);
}

export function planWith(name: string, status: PlanStatus, objective: number): Plan {
  return {
    scenario: { name, kind: 'Minimal', balanceOn: 'potential', band: 0.15, workloadBand: null, ignoreCurrentOwners: false, disruptionWeight: 1, travelWeight: 1, withinRegion: false },
    owners: [],
    moves: [],
    feasible: status !== 'band-not-met',
    status,
    blockers: [],
    tightestBand: 0.15,
    metrics: {
      moves: 0,
      movesByDisruption: { Low: 0, Medium: 0, High: 0 },
      placements: 0,
      revenueMoved: 0,
      pipelineMoved: 0,
      potentialMoved: 0,
      potentialSpreadBefore: 0.3,
      potentialSpreadAfter: 0.1,
      workloadCVBefore: 0,
      workloadCVAfter: 0,
      attainmentSpreadBeforePts: null,
      attainmentSpreadAfterPts: null,
      travelBeforeMiles: null,
      travelAfterMiles: null,
      disruptionCost: objective,
    },
    objective,
    lowerBound: null,
    engine: 'typescript',
    check: { ok: true, violations: [], bandMet: true, worstDeviation: 0.1 },
    elapsedMs: 0,
  };
}

/** A WorkerLike whose replies the test sends by hand. */
export class ScriptedWorker implements WorkerLike {
  posted: ToWorker[] = [];
  terminated = false;
  private onMessage: (m: FromWorker) => void = () => undefined;
  private onError: (e: Error) => void = () => undefined;

  postMessage(message: ToWorker): void {
    this.posted.push(message);
  }
  listen(onMessage: (m: FromWorker) => void, onError: (e: Error) => void): void {
    this.onMessage = onMessage;
    this.onError = onError;
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(message: FromWorker): void {
    this.onMessage(message);
  }
  crash(error: Error): void {
    this.onError(error);
  }
  runs(): number[] {
    return this.posted.filter((m) => m.type === 'run').map((m) => m.id);
  }
}

/**
 * An optimizer that improves a plan for `steps` steps, reporting progress and pausing after each,
 * and stops early (status 'cancelled', best plan so far) when asked.
 */
export function steppingOptimizer(steps: number) {
  return async (_data: TerritoryData, options: OptimizeOptions): Promise<OptimizeResult> => {
    let best = 1000;
    for (let step = 1; step <= steps; step++) {
      if (options.shouldStop?.()) return { plans: [planWith('Minimal', 'cancelled', best)], notes: [`stopped after ${step - 1} steps`] };
      best -= 10;
      options.onProgress?.({ scenario: 'Minimal', phase: 'local search', fraction: step / steps, message: `objective ${best}` });
      await options.pause?.();
    }
    return { plans: [planWith('Minimal', 'optimal', best)], notes: [`finished ${steps} steps`] };
  };
}

/** A worker in this process: messages cross asynchronously, the real serve loop runs inside. */
export function inProcessWorker(
  steps: number,
  loadEngine: () => Promise<Engine> = async () => ({ highs: null }),
  optimize: OptimizeFn = steppingOptimizer(steps),
  warmUp?: ServeOptions['warmUp'],
): WorkerLike & { terminated: boolean; posted: ToWorker[] } {
  let toBridge: (m: FromWorker) => void = () => undefined;
  let toWorker: (m: ToWorker) => void = () => undefined;
  const w = {
    terminated: false,
    posted: [] as ToWorker[],
    postMessage(message: ToWorker) {
      w.posted.push(message);
      setImmediate(() => toWorker(message));
    },
    listen(onMessage: (m: FromWorker) => void) {
      toBridge = onMessage;
    },
    terminate() {
      w.terminated = true;
    },
  };
  serveOptimizer(
    { post: (m) => setImmediate(() => !w.terminated && toBridge(m)), onMessage: (h) => (toWorker = h) },
    {
      optimize,
      loadEngine,
      warmUp,
      yieldToEvents: () => new Promise((resolve) => setImmediate(resolve)),
      yieldEveryMs: 0,
    },
  );
  return w;
}
