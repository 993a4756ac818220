import type { OptimizeProgress } from '../../src/core/optimize/api';
import { createOptimizerClient } from '../../src/worker/bridge';
import type { Engine } from '../../src/worker/serve';
import { ScriptedWorker, emptyData, inProcessWorker, planWith, steppingOptimizer } from './fakeWorker';

const flush = () => new Promise((resolve) => setImmediate(resolve));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('optimizer bridge with a scripted worker', () => {
  it('queues calls: the second run is posted only after the first result', async () => {
    const worker = new ScriptedWorker();
    const spawn = jest.fn(() => worker);
    const client = createOptimizerClient(spawn, { idleMs: 60000 });
    const first = client.run(emptyData(), { timeLimitMs: 5000 });
    const second = client.run(emptyData());
    await flush();
    expect(worker.runs()).toEqual([1]);
    expect(worker.posted[0]).toMatchObject({ type: 'run', id: 1, options: { timeLimitMs: 5000 } });
    worker.reply({ type: 'result', id: 1, result: { plans: [planWith('Minimal', 'optimal', 40)], notes: ['one'] } });
    await expect(first).resolves.toMatchObject({ notes: ['one'] });
    await flush();
    expect(worker.runs()).toEqual([1, 2]);
    worker.reply({ type: 'result', id: 2, result: { plans: [planWith('Minimal', 'optimal', 30)], notes: ['two'] } });
    const r2 = await second;
    expect(r2.plans[0].objective).toBe(30);
    expect(spawn).toHaveBeenCalledTimes(1);
    client.terminate();
  });

  it('terminate rejects the running call and every queued one, and starts no new worker for them', async () => {
    const worker = new ScriptedWorker();
    const spawn = jest.fn(() => worker);
    const client = createOptimizerClient(spawn, { idleMs: 60000 });
    const first = client.run(emptyData());
    const second = client.run(emptyData());
    const third = client.run(emptyData());
    await flush();
    expect(worker.runs()).toEqual([1]);
    client.terminate();
    await expect(first).rejects.toThrow('The optimizer worker was stopped');
    await expect(second).rejects.toThrow('The optimizer worker was stopped');
    await expect(third).rejects.toThrow('The optimizer worker was stopped');
    expect(worker.terminated).toBe(true);
    expect(spawn).toHaveBeenCalledTimes(1);
    expect(client.hasWorker).toBe(false);
    // the client still works afterwards
    const later = client.run(emptyData());
    await flush();
    expect(spawn).toHaveBeenCalledTimes(2);
    worker.reply({ type: 'result', id: worker.runs()[1], result: { plans: [], notes: ['after'] } });
    await expect(later).resolves.toMatchObject({ notes: ['after'] });
    client.terminate();
  });

  it('forwards progress of the running call only', async () => {
    const worker = new ScriptedWorker();
    const client = createOptimizerClient(() => worker, { idleMs: 60000 });
    const seen: OptimizeProgress[] = [];
    const run = client.run(emptyData(), { onProgress: (p) => seen.push(p) });
    await flush();
    worker.reply({ type: 'progress', id: 1, progress: { scenario: 'Minimal', phase: 'repair', fraction: 0.25, message: '' } });
    worker.reply({ type: 'progress', id: 99, progress: { scenario: 'Other', phase: 'x', fraction: 0.9, message: '' } });
    worker.reply({ type: 'progress', id: 1, progress: { scenario: 'Balanced', phase: 'local search', fraction: 0.5, message: '' } });
    worker.reply({ type: 'result', id: 1, result: { plans: [], notes: [] } });
    await run;
    expect(seen.map((p) => [p.scenario, p.fraction])).toEqual([
      ['Minimal', 0.25],
      ['Balanced', 0.5],
    ]);
    client.terminate();
  });

  it('aborting the running call posts cancel and resolves with what the worker returns', async () => {
    const worker = new ScriptedWorker();
    const client = createOptimizerClient(() => worker, { idleMs: 60000 });
    const controller = new AbortController();
    const run = client.run(emptyData(), { signal: controller.signal });
    await flush();
    const posted = worker.posted[0];
    if (posted.type !== 'run' || !posted.cancelFlag) throw new Error('expected a run message with a shared cancel flag');
    const flag = new Int32Array(posted.cancelFlag);
    expect(Atomics.load(flag, 0)).toBe(0);
    controller.abort();
    expect(worker.posted).toEqual([expect.objectContaining({ type: 'run', id: 1 }), { type: 'cancel', id: 1 }]);
    // The shared flag is raised too, so a worker busy in a synchronous step sees the cancel at once.
    expect(Atomics.load(flag, 0)).toBe(1);
    worker.reply({ type: 'result', id: 1, result: { plans: [planWith('Minimal', 'cancelled', 70)], notes: [] } });
    const result = await run;
    expect(result.plans[0].status).toBe('cancelled');
    client.terminate();
  });

  it('aborting a queued call rejects it with AbortError and never posts it', async () => {
    const worker = new ScriptedWorker();
    const client = createOptimizerClient(() => worker, { idleMs: 60000 });
    const first = client.run(emptyData());
    const controller = new AbortController();
    const queued = client.run(emptyData(), { signal: controller.signal });
    controller.abort();
    await expect(queued).rejects.toMatchObject({ name: 'AbortError' });
    // A signal aborted before the call rejects at once too.
    await expect(client.run(emptyData(), { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    worker.reply({ type: 'result', id: 1, result: { plans: [], notes: ['first'] } });
    await first;
    const third = client.run(emptyData());
    await flush();
    expect(worker.runs()).toEqual([1, 2]);
    worker.reply({ type: 'result', id: 2, result: { plans: [], notes: ['third'] } });
    await expect(third).resolves.toMatchObject({ notes: ['third'] });
    client.terminate();
  });

  it('an error reply rejects the call; a crashed worker is replaced on the next call', async () => {
    const workers: ScriptedWorker[] = [];
    const client = createOptimizerClient(() => {
      workers.push(new ScriptedWorker());
      return workers[workers.length - 1];
    }, { idleMs: 60000 });
    const a = client.run(emptyData());
    await flush();
    workers[0].reply({ type: 'error', id: 1, message: 'no accounts' });
    await expect(a).rejects.toThrow('no accounts');
    const b = client.run(emptyData());
    await flush();
    workers[0].crash(new Error('out of memory'));
    await expect(b).rejects.toThrow('out of memory');
    expect(workers[0].terminated).toBe(true);
    const c = client.run(emptyData());
    await flush();
    expect(workers).toHaveLength(2);
    workers[1].reply({ type: 'result', id: 3, result: { plans: [], notes: ['fresh'] } });
    await expect(c).resolves.toMatchObject({ notes: ['fresh'] });
    client.terminate();
  });

  it('shuts an idle worker down after idleMs and spawns a new one on the next call', async () => {
    const workers: ScriptedWorker[] = [];
    const client = createOptimizerClient(() => {
      workers.push(new ScriptedWorker());
      return workers[workers.length - 1];
    }, { idleMs: 40 });
    const run = client.run(emptyData());
    await flush();
    workers[0].reply({ type: 'result', id: 1, result: { plans: [], notes: [] } });
    await run;
    await sleep(10);
    expect(client.hasWorker).toBe(true);
    expect(workers[0].terminated).toBe(false);
    await sleep(80);
    expect(workers[0].terminated).toBe(true);
    expect(client.hasWorker).toBe(false);
    const again = client.run(emptyData());
    await flush();
    expect(workers).toHaveLength(2);
    workers[1].reply({ type: 'result', id: 2, result: { plans: [], notes: [] } });
    await again;
    client.terminate();
    expect(workers[1].terminated).toBe(true);
  });
});

describe('optimizer bridge with the real serve loop in process', () => {
  it('streams progress and finishes all steps when not cancelled, with the engine note', async () => {
    const client = createOptimizerClient(
      () => inProcessWorker(5, async () => ({ highs: null, note: 'HiGHS could not load (test); used the TypeScript fallback' })),
      { idleMs: 60000 },
    );
    const fractions: number[] = [];
    const result = await client.run(emptyData(), { onProgress: (p) => fractions.push(p.fraction) });
    expect(fractions).toEqual([0.2, 0.4, 0.6, 0.8, 1]);
    expect(result.plans[0]).toMatchObject({ status: 'optimal', objective: 950 });
    expect(result.notes).toEqual(['HiGHS could not load (test); used the TypeScript fallback', 'finished 5 steps']);
    client.terminate();
  });

  it('cancel mid-run returns the best plan so far with status cancelled', async () => {
    const client = createOptimizerClient(() => inProcessWorker(10000), { idleMs: 60000 });
    const controller = new AbortController();
    let progressCount = 0;
    const result = await client.run(emptyData(), {
      signal: controller.signal,
      onProgress: () => {
        if (++progressCount === 3) controller.abort();
      },
    });
    const plan = result.plans[0];
    expect(plan.status).toBe('cancelled');
    // Stopped within a few steps of the abort: the best plan reflects the steps completed.
    const steps = Number(/stopped after (\d+) steps/.exec(result.notes[0])![1]);
    expect(steps).toBeGreaterThanOrEqual(3);
    expect(steps).toBeLessThan(20);
    expect(plan.objective).toBe(1000 - 10 * steps);
    client.terminate();
  });

  it('falls back to the TypeScript path when HiGHS fails to load, and says so in the notes', async () => {
    const engines: (object | null | undefined)[] = [];
    const optimize = async (_d: unknown, options: { highs?: object | null }) => {
      engines.push(options.highs);
      return { plans: [planWith('Minimal', 'optimal', 5)], notes: ['TypeScript engine'] };
    };
    const loadEngine = jest.fn(() => Promise.reject(new Error('wasm fetch failed')));
    const client = createOptimizerClient(
      () => inProcessWorker(1, loadEngine, optimize),
      { idleMs: 60000 },
    );
    const result = await client.run(emptyData());
    expect(engines).toEqual([null]);
    expect(result.notes).toEqual(['HiGHS could not load (wasm fetch failed); used the TypeScript fallback', 'TypeScript engine']);
    // The engine is loaded once per worker: a second run does not retry.
    await client.run(emptyData());
    expect(engines).toEqual([null, null]);
    expect(loadEngine).toHaveBeenCalledTimes(1);
    client.terminate();
  });
});

/** A client whose scripted worker has answered its first warm(). */
async function warmedClient(idleMs: number, warmIdleMs: number) {
  const worker = new ScriptedWorker();
  const client = createOptimizerClient(() => worker, { idleMs, warmIdleMs });
  const warming = client.warm();
  worker.reply({ type: 'warmed', id: 1, territories: 2 });
  await warming;
  return { worker, client };
}

describe('warming the worker before the first run', () => {
  it('warm() spawns the worker and asks for the warm-up; it resolves on warmed, and a run raises the warm-up stop flag', async () => {
    const worker = new ScriptedWorker();
    const spawn = jest.fn(() => worker);
    const client = createOptimizerClient(spawn, { idleMs: 60000 });
    let warmed = false;
    const warming = client.warm().then((outcome) => {
      warmed = true;
      return outcome;
    });
    expect(spawn).toHaveBeenCalledTimes(1);
    expect(client.hasWorker).toBe(true);
    const asked = worker.posted[0];
    if (asked.type !== 'warm' || !asked.stopFlag) throw new Error('expected a warm message with a shared stop flag');
    expect(asked.workload).toBe(true);
    const stop = new Int32Array(asked.stopFlag);
    expect(Atomics.load(stop, 0)).toBe(0);
    // a run posted while the worker warms up: the same worker takes it, and the stop flag goes up at once
    const run = client.run(emptyData());
    await flush();
    expect(spawn).toHaveBeenCalledTimes(1);
    expect(worker.runs()).toEqual([1]);
    expect(Atomics.load(stop, 0)).toBe(1);
    expect(warmed).toBe(false);
    // a `warmed` for another warm does not answer this one
    worker.reply({ type: 'warmed', id: asked.id + 1, territories: 2 });
    await flush();
    expect(warmed).toBe(false);
    worker.reply({ type: 'warmed', id: asked.id, territories: 1 });
    await expect(warming).resolves.toEqual({ territories: 1 });
    worker.reply({ type: 'result', id: 1, result: { plans: [], notes: ['after warm-up'] } });
    await expect(run).resolves.toMatchObject({ notes: ['after warm-up'] });
    // the worker has run: it is warm, and warm() asks it for nothing
    const posted = worker.posted.length;
    await expect(client.warm()).resolves.toEqual({ territories: 0, alreadyWarm: true });
    expect(worker.posted).toHaveLength(posted);
    client.terminate();
  });

  it('a second warm() during a warm-up keeps the stop flag the worker watches; the CLI warm asks for the engine only', async () => {
    const worker = new ScriptedWorker();
    const client = createOptimizerClient(() => worker, { idleMs: 60000 });
    void client.warm();
    void client.warm({ workload: false });
    const [first, second] = worker.posted;
    if (first.type !== 'warm' || second.type !== 'warm') throw new Error('expected two warm messages');
    expect([first.workload, second.workload]).toEqual([true, false]);
    expect(second.id).not.toBe(first.id);
    expect(second.stopFlag).toBe(first.stopFlag);
    const run = client.run(emptyData());
    await flush();
    expect(Atomics.load(new Int32Array(first.stopFlag!), 0)).toBe(1);
    client.terminate();
    await expect(run).rejects.toThrow('The optimizer worker was stopped');
  });

  it('a worker that cannot start, or that refuses the message, makes warm() resolve with the reason, not throw', async () => {
    const client = createOptimizerClient(() => {
      throw new Error('Cannot find module tsx/cjs');
    }, { idleMs: 60000 });
    await expect(client.warm()).resolves.toEqual({ territories: 0, error: 'Cannot find module tsx/cjs' });
    expect(client.hasWorker).toBe(false);

    const refusing = new ScriptedWorker();
    refusing.postMessage = () => {
      throw new Error('DataCloneError');
    };
    const other = createOptimizerClient(() => refusing, { idleMs: 20, warmIdleMs: 60000 });
    await expect(other.warm()).resolves.toEqual({ territories: 0, error: 'DataCloneError' });
    // not kept for warmIdleMs: shut down after idleMs like any idle worker
    await sleep(80);
    expect(refusing.terminated).toBe(true);
  });

  it('a warm() still waiting resolves when the worker is stopped or dies', async () => {
    const workers: ScriptedWorker[] = [];
    const client = createOptimizerClient(() => {
      workers.push(new ScriptedWorker());
      return workers[workers.length - 1];
    }, { idleMs: 60000 });
    const first = client.warm();
    client.terminate();
    await expect(first).resolves.toEqual({ territories: 0 });
    expect(workers[0].terminated).toBe(true);
    const second = client.warm();
    workers[1].crash(new Error('wasm out of memory'));
    await expect(second).resolves.toEqual({ territories: 0 });
    expect(client.hasWorker).toBe(false);
  });

  it('keeps a warmed worker for warmIdleMs, then for idleMs after its run, and a warm() after the run does not extend it', async () => {
    const { worker, client } = await warmedClient(30, 400);
    await sleep(120);
    // past idleMs, within warmIdleMs: still waiting for its run
    expect(worker.terminated).toBe(false);
    const run = client.run(emptyData());
    await flush();
    worker.reply({ type: 'result', id: 1, result: { plans: [], notes: [] } });
    await run;
    // the pane warms again after Apply re-reads the workbook: the run's worker still goes after idleMs
    void client.warm();
    await sleep(120);
    expect(worker.terminated).toBe(true);
    client.terminate();
  });

  it('shuts a warmed worker down after warmIdleMs when no run comes', async () => {
    const { worker, client } = await warmedClient(10, 60);
    await sleep(30);
    expect(worker.terminated).toBe(false);
    await sleep(100);
    expect(worker.terminated).toBe(true);
    expect(client.hasWorker).toBe(false);
  });
});

describe('the serve loop warming up', () => {
  /** A warm-up that records its steps and stops when asked (shouldStop); a run is steppingOptimizer's. */
  function recording(warmSteps: number) {
    const log: string[] = [];
    const warmData = emptyData();
    const stepping = steppingOptimizer(3);
    const optimize = async (data: Parameters<typeof stepping>[0], options: Parameters<typeof stepping>[1]) => {
      if (data !== warmData) {
        log.push('run');
        return stepping(data, options);
      }
      for (let step = 1; step <= warmSteps; step++) {
        if (options.shouldStop?.()) {
          log.push(`warm-up stopped after ${step - 1}`);
          return { plans: [], notes: [] };
        }
        await options.pause?.();
      }
      log.push(`warm-up done (${options.timeLimitMs} ms limit)`);
      return { plans: [], notes: [] };
    };
    const warmUp = jest.fn(() => [{ data: warmData, scenarios: [], timeLimitMs: 1234 }]);
    const loadEngine = jest.fn(async () => ({ highs: {} as never }));
    return { log, optimize, warmUp, loadEngine };
  }

  it('runs the warm-up workload once, with its time limit, and answers warmed', async () => {
    const { log, optimize, warmUp, loadEngine } = recording(5);
    const client = createOptimizerClient(() => inProcessWorker(3, loadEngine, optimize, warmUp), { idleMs: 60000 });
    await expect(client.warm()).resolves.toEqual({ territories: 1 });
    expect(log).toEqual(['warm-up done (1234 ms limit)']);
    await expect(client.warm()).resolves.toEqual({ territories: 0 });
    expect(warmUp).toHaveBeenCalledTimes(1);
    const result = await client.run(emptyData());
    expect(result.plans[0]).toMatchObject({ status: 'optimal', objective: 970 });
    expect(log).toEqual(['warm-up done (1234 ms limit)', 'run']);
    expect(loadEngine).toHaveBeenCalledTimes(1);
    client.terminate();
  });

  it.each([
    ['with the shared stop flag', true],
    ['without shared memory (a page that is not cross-origin isolated): by the run message', false],
  ])('a run that arrives during the warm-up stops it at its next step and then runs in full, %s', async (_name, shared) => {
    const original = globalThis.SharedArrayBuffer;
    if (!shared) (globalThis as { SharedArrayBuffer?: unknown }).SharedArrayBuffer = undefined;
    try {
      const { log, optimize, warmUp, loadEngine } = recording(1_000_000);
      const worker = inProcessWorker(3, loadEngine, optimize, warmUp);
      const client = createOptimizerClient(() => worker, { idleMs: 60000 });
      const warming = client.warm();
      await sleep(20);
      const result = await client.run(emptyData());
      expect(worker.posted.some((m) => m.type === 'warm' && m.stopFlag !== undefined)).toBe(shared);
      await expect(warming).resolves.toEqual({ territories: 0 });
      expect(log).toHaveLength(2);
      expect(log[0]).toMatch(/^warm-up stopped after \d+$/);
      expect(Number(/\d+$/.exec(log[0])![0])).toBeLessThan(1_000_000);
      expect(log[1]).toBe('run');
      expect(result.plans[0]).toMatchObject({ status: 'optimal', objective: 970 });
      client.terminate();
    } finally {
      globalThis.SharedArrayBuffer = original;
    }
  });

  it('a warm that reaches the worker after a run has started runs no workload', async () => {
    const { log, optimize, warmUp, loadEngine } = recording(5);
    const worker = inProcessWorker(3, loadEngine, optimize, warmUp);
    const client = createOptimizerClient(() => worker, { idleMs: 60000 });
    const run = client.run(emptyData());
    await flush(); // the run is posted
    // straight to the worker (the bridge itself asks nothing of a worker that has run)
    worker.postMessage({ type: 'warm', id: 7, workload: true });
    await run;
    await sleep(10);
    expect(log).toEqual(['run']);
    expect(warmUp).not.toHaveBeenCalled();
    client.terminate();
  });

  it('without the workload, warm only loads the engine; without HiGHS there is nothing to warm', async () => {
    const engineOnly = recording(5);
    const a = createOptimizerClient(() => inProcessWorker(3, engineOnly.loadEngine, engineOnly.optimize, engineOnly.warmUp), { idleMs: 60000 });
    await a.warm({ workload: false });
    expect(engineOnly.loadEngine).toHaveBeenCalledTimes(1);
    expect(engineOnly.warmUp).not.toHaveBeenCalled();
    // a later full warm still runs the workload
    await expect(a.warm()).resolves.toEqual({ territories: 1 });
    expect(engineOnly.log).toEqual(['warm-up done (1234 ms limit)']);
    a.terminate();

    // ... even when asked while the engine-only warm is still loading the engine
    const slow = recording(5);
    const slowEngine = jest.fn(() => new Promise<Engine>((resolve) => setTimeout(() => resolve({ highs: {} as never }), 30)));
    const d = createOptimizerClient(() => inProcessWorker(3, slowEngine, slow.optimize, slow.warmUp), { idleMs: 60000 });
    await expect(Promise.all([d.warm({ workload: false }), d.warm()])).resolves.toEqual([{ territories: 0 }, { territories: 1 }]);
    expect(slow.log).toEqual(['warm-up done (1234 ms limit)']);
    expect(slowEngine).toHaveBeenCalledTimes(1);
    d.terminate();

    const noHighs = recording(5);
    const failing = jest.fn(() => Promise.reject(new Error('wasm blocked')));
    const b = createOptimizerClient(() => inProcessWorker(3, failing, noHighs.optimize, noHighs.warmUp), { idleMs: 60000 });
    await expect(b.warm()).resolves.toEqual({ territories: 0, error: 'HiGHS could not load (wasm blocked); used the TypeScript fallback' });
    expect(noHighs.log).toEqual([]);
    // the run still says why HiGHS is missing
    const result = await b.run(emptyData());
    expect(result.notes[0]).toBe('HiGHS could not load (wasm blocked); used the TypeScript fallback');
    expect(failing).toHaveBeenCalledTimes(1);
    b.terminate();

    // a warm-up that throws says why
    const broken = recording(5);
    const c = createOptimizerClient(() => inProcessWorker(3, broken.loadEngine, broken.optimize, () => {
      throw new Error('no sample generator');
    }), { idleMs: 60000 });
    await expect(c.warm()).resolves.toEqual({ territories: 0, error: 'no sample generator' });
    c.terminate();
  });
});
