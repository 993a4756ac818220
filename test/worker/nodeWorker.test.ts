import { sampleTerritory } from '../../src/core/sample';
import { freshBundle } from '../../bin/bundle';
import { OPTIMIZER_THREAD, spawnNodeOptimizer } from '../../src/hosts/node/worker';
import { createOptimizerClient } from '../../src/worker/bridge';
import { rebalance, rebalanceWith } from '../../src/core/rebalance';
import { loadHighs } from '../../src/hosts/node/highs';

describe('optimizer in a real Node worker thread', () => {
  const client = createOptimizerClient(() => spawnNodeOptimizer(), { idleMs: 500 });
  afterAll(() => client.terminate());

  it('solves a small sample with HiGHS and streams progress', async () => {
    const data = sampleTerritory({ accounts: 80, reps: 4, seed: 9 });
    const phases = new Set<string>();
    const result = await client.run(data, { timeLimitMs: 20000, onProgress: (p) => phases.add(`${p.scenario}: ${p.phase}`) });
    expect(result.plans.length).toBeGreaterThanOrEqual(3);
    expect(result.notes.join(' ')).not.toMatch(/could not load/);
    const minimal = result.plans.find((p) => p.scenario.kind === 'Minimal')!;
    expect(minimal.engine).toBe('highs');
    expect(minimal.check.ok).toBe(true);
    expect(minimal.check.bandMet).toBe(true);
    expect(minimal.owners).toHaveLength(80);
    // The departing rep ends with no accounts.
    const departing = data.reps.find((r) => r.status === 'Departing')!;
    expect(minimal.owners).not.toContain(departing.id);
    expect([...phases].some((p) => p.startsWith('Minimal'))).toBe(true);
    expect(client.hasWorker).toBe(true);
  });

  it('cancel returns promptly with cancelled plans; the idle worker then shuts down', async () => {
    const data = sampleTerritory({ accounts: 400, reps: 8, seed: 4 });
    const controller = new AbortController();
    const started = Date.now();
    let cancelledAt = 0;
    const result = await client.run(data, {
      timeLimitMs: 60000,
      signal: controller.signal,
      onProgress: () => {
        if (!cancelledAt) {
          cancelledAt = Date.now();
          controller.abort();
        }
      },
    });
    expect(cancelledAt).toBeGreaterThan(0);
    // Cancelled at the first progress report, inside the Minimal scenario: the optimizer saw the
    // shared cancel flag mid-scenario, so even Minimal is the best-so-far plan. Each plan still
    // assigns every account and carries its checker's verdict.
    expect(result.plans.map((p) => p.status)).toEqual(result.plans.map(() => 'cancelled'));
    for (const plan of result.plans) {
      expect(plan.owners).toHaveLength(400);
      expect(plan.check.ok).toBe(plan.check.violations.length === 0);
    }
    expect(result.notes.join(' ')).toContain('Stopped before the end');
    expect(Date.now() - cancelledAt).toBeLessThan(15000);
    expect(Date.now() - started).toBeLessThan(30000);
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(client.hasWorker).toBe(false);
  });

  it('the thread runs a bundle of its entry, and the bundle plans as the TypeScript does through tsx', async () => {
    expect(freshBundle(OPTIMIZER_THREAD)).toMatch(/node_modules[\\/]\.cache[\\/]territory-rebalancer[\\/]src-hosts-node-optimizerThread-[0-9a-f]{8}\.js$/);
    const data = sampleTerritory({ accounts: 300, reps: 6, seed: 12 });
    const throughTsx = createOptimizerClient(() => spawnNodeOptimizer(OPTIMIZER_THREAD, { bundled: false }), { idleMs: 500 });
    try {
      const [bundled, typescript] = await Promise.all([client.run(data, { timeLimitMs: 60000 }), throughTsx.run(data, { timeLimitMs: 60000 })]);
      expect(bundled.plans.map((p) => p.engine)).toEqual(bundled.plans.map(() => 'highs'));
      expect(bundled.plans.map((p) => p.owners)).toEqual(typescript.plans.map((p) => p.owners));
      expect(bundled.plans.map((p) => p.objective)).toEqual(typescript.plans.map((p) => p.objective));
    } finally {
      throughTsx.terminate();
    }
  });
});

describe('rebalance = audit + optimize', () => {
  it('in process: the audit of the data, the plans of the optimizer, the problems of the read', async () => {
    const data = sampleTerritory({ accounts: 60, reps: 3, seed: 21 });
    const result = await rebalance(data, { highs: await loadHighs(), timeLimitMs: 10000 });
    expect(result.audit.verdict).toBe('Rebalance');
    expect(result.audit.territories.map((t) => t.repId).sort()).toEqual(data.reps.map((r) => r.id).sort());
    expect(result.problems).toBe(data.problems);
    expect(result.plans.length).toBeGreaterThanOrEqual(3);
    expect(result.plans.every((p) => p.owners.length === 60)).toBe(true);
  });

  it('rebalanceWith hands the data to the given optimizer (the worker) and keeps its notes', async () => {
    const data = sampleTerritory({ accounts: 30, reps: 3, seed: 8 });
    const seen: unknown[] = [];
    const result = await rebalanceWith(data, async (d) => {
      seen.push(d);
      return { plans: [], notes: ['ran elsewhere'] };
    });
    expect(seen).toEqual([data]);
    expect(result.notes).toEqual(['ran elsewhere']);
    expect(result.audit.triggers.length).toBeGreaterThanOrEqual(8);
  });
});

