/**
 * The pane's state and actions in one hook. It talks to the workbook only through the injected
 * WorkbookHost and to the optimizer only through the injected client, so no component (and
 * nothing here) calls Excel.run. Every failure lands in `error`, which the App shows.
 */
import * as React from 'react';
import { formatProblem, type Audit, type Plan, type RebalanceResult, type TerritoryData } from '../core/model';
import type { OptimizeProgress, OptimizeResult } from '../core/optimize/api';
import { readWorkbookSheets } from '../core/read/index';
import type { SheetValues } from '../core/read/locate';
import { describeOutputSheets, recommendedPlan } from '../core/report/index';
import { auditTerritories } from '../core/triggers/index';
import type { WorkbookHost } from '../hosts/workbookHost';
import { tableHeaders, type TableHeaders } from './tableHeaders';

/** What the pane needs from the optimizer bridge (src/worker/bridge.ts). */
export interface PaneOptimizer {
  run(data: TerritoryData, options: { onProgress?: (p: OptimizeProgress) => void; signal?: AbortSignal }): Promise<OptimizeResult>;
  /** Gets the worker ready for a run of this many accounts (worker/warmUp.ts); called once data that can be optimized is read. */
  warm?(options: { accounts: number }): Promise<unknown>;
}

export type Busy = 'reading' | 'optimizing' | 'writing' | 'applying' | 'undoing';

export interface PaneState {
  busy: Busy | null;
  sheets: SheetValues[] | null;
  data: TerritoryData | null;
  audit: Audit | null;
  headers: TableHeaders;
  /** User overrides of the column mapping: "Accounts.potential" -> header text ('' = not used). */
  mapping: Record<string, string>;
  result: RebalanceResult | null;
  selected: string | null;
  progress: OptimizeProgress | null;
  /** 0..1 while sheets are written. */
  writeFraction: number | null;
  status: string | null;
  error: string | null;
}

export interface PaneActions {
  /** Reads the workbook through the host and audits it. */
  load: () => Promise<void>;
  changeMapping: (key: string, header: string) => void;
  rebalance: () => Promise<void>;
  cancel: () => void;
  select: (scenarioName: string) => void;
  writeSheets: () => Promise<void>;
  apply: () => Promise<void>;
  undo: () => Promise<void>;
  dismissError: () => void;
}

const INITIAL: PaneState = {
  busy: null,
  sheets: null,
  data: null,
  audit: null,
  headers: {},
  mapping: {},
  result: null,
  selected: null,
  progress: null,
  writeFraction: null,
  status: null,
  error: null,
};

export function errorText(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  return String(e);
}

function isAbort(e: unknown): boolean {
  return e instanceof Error && e.name === 'AbortError';
}

/** Whether there is enough data to run the optimizer. */
export function canOptimize(data: TerritoryData | null): boolean {
  return data !== null && data.accounts.length > 0 && data.reps.some((r) => r.status !== 'Departing');
}

/** Reads the model from sheet values and audits it (pure; throws only on a bug in the core). */
export function analyse(sheets: SheetValues[], mapping: Record<string, string>): Pick<PaneState, 'data' | 'audit' | 'headers'> {
  const data = readWorkbookSheets(sheets, { mapping });
  const audit = data.accounts.length > 0 && data.reps.length > 0 ? auditTerritories(data) : null;
  return { data, audit, headers: tableHeaders(sheets) };
}

export function selectedPlan(state: Pick<PaneState, 'result' | 'selected'>): Plan | null {
  return state.result?.plans.find((p) => p.scenario.name === state.selected) ?? null;
}

export function usePane(host: WorkbookHost, optimizer: PaneOptimizer, now?: () => Date): [PaneState, PaneActions] {
  const [state, setState] = React.useState<PaneState>(INITIAL);
  const clock = React.useRef(now);
  clock.current = now;
  const current = React.useRef(state);
  current.current = state;
  const abort = React.useRef<AbortController | null>(null);

  const update = React.useCallback((patch: Partial<PaneState>) => {
    setState((s) => {
      const next = { ...s, ...patch };
      current.current = next;
      return next;
    });
  }, []);

  /** Runs one host action with `busy` set; any error is shown, never swallowed. */
  const guarded = React.useCallback(
    async (busy: Busy, action: () => Promise<Partial<PaneState> | void>) => {
      if (current.current.busy) return;
      update({ busy, error: null, status: null });
      try {
        const patch = await action();
        update({ ...(patch ?? {}), busy: null });
      } catch (e) {
        update({ busy: null, progress: null, writeFraction: null, error: errorText(e) });
      }
    },
    [update],
  );

  const readAndAnalyse = React.useCallback(async (): Promise<Partial<PaneState>> => {
    const sheets = await host.readSheets();
    return { sheets, ...analyse(sheets, current.current.mapping), result: null, selected: null };
  }, [host]);

  // While the user reads the verdict, the optimizer's worker starts and warms up, so that Rebalance
  // meets a warm engine (measured in Node worker threads, three scenarios: 5k × 25 1.5 s instead of
  // 2.2 s, 1k × 20 0.3 s instead of 1.0 s). A worker that has already run (and is still alive: a
  // worker is shut down after 10 s idle) is not warmed again; a later read warms a new one.
  React.useEffect(() => {
    if (canOptimize(state.data)) void optimizer.warm?.({ accounts: state.data!.accounts.length });
  }, [state.data, optimizer]);

  const actions = React.useMemo<PaneActions>(
    () => ({
      load: () => guarded('reading', readAndAnalyse),
      changeMapping(key, header) {
        const { sheets, busy } = current.current;
        if (busy) return;
        const mapping = { ...current.current.mapping, [key]: header };
        if (!sheets) return update({ mapping });
        try {
          update({ mapping, ...analyse(sheets, mapping), result: null, selected: null, error: null, status: null });
        } catch (e) {
          update({ mapping, error: errorText(e) });
        }
      },
      rebalance: () =>
        guarded('optimizing', async () => {
          const { data, audit } = current.current;
          if (!data || !audit) throw new Error('Read the workbook before rebalancing.');
          const controller = new AbortController();
          abort.current = controller;
          update({ progress: null, result: null, selected: null });
          try {
            const run = await optimizer.run(data, { signal: controller.signal, onProgress: (progress) => update({ progress }) });
            const result: RebalanceResult = { audit, plans: run.plans, problems: data.problems, notes: run.notes };
            const cancelled = run.plans.some((p) => p.status === 'cancelled');
            return {
              result,
              // the plan the sheets recommend (and describe rep by rep) is the one shown first
              selected: recommendedPlan(run.plans)?.plan.scenario.name ?? null,
              progress: null,
              status: cancelled ? 'Cancelled: showing the best plans found so far.' : `Computed ${run.plans.length} scenarios.`,
            };
          } catch (e) {
            if (isAbort(e) || controller.signal.aborted) return { progress: null, status: 'Rebalance cancelled.' };
            throw e;
          } finally {
            abort.current = null;
          }
        }),
      cancel() {
        abort.current?.abort();
      },
      select(scenarioName) {
        update({ selected: scenarioName });
      },
      writeSheets: () =>
        guarded('writing', async () => {
          const { data, result } = current.current;
          if (!data || !result) throw new Error('Rebalance before writing the sheets.');
          const sheets = describeOutputSheets(data, result, { generatedAt: (clock.current?.() ?? new Date()).toISOString() });
          update({ writeFraction: 0 });
          const { written, renamed } = await host.writeOutputs(sheets, (p) => update({ writeFraction: p.cellsTotal > 0 ? p.cellsDone / p.cellsTotal : null }));
          const moved = renamed.map((r) => `"${r.wanted}" as "${r.used}"`).join(', ');
          const note = renamed.length > 0 ? ` Your own sheets keep their names, so ours went in as ${moved}.` : '';
          return { writeFraction: null, status: `Wrote ${written.length} sheets: ${written.join(', ')}.${note}` };
        }),
      apply: () =>
        guarded('applying', async () => {
          const { data } = current.current;
          const plan = selectedPlan(current.current);
          if (!data || !plan) throw new Error('Choose a scenario to apply.');
          const applied = await host.applyScenario(data, plan.owners, plan.scenario.name);
          const reread = await readAndAnalyse();
          const warnings = applied.problems.map(formatProblem).join(' ');
          return { ...reread, status: `Applied ${plan.scenario.name}: ${applied.changed} account owners changed. Undo restores them.${warnings ? ` ${warnings}` : ''}` };
        }),
      undo: () =>
        guarded('undoing', async () => {
          await host.undoLastApply();
          const reread = await readAndAnalyse();
          return { ...reread, status: 'Restored the owners from before the last Apply.' };
        }),
      dismissError() {
        update({ error: null });
      },
    }),
    [guarded, readAndAnalyse, update, optimizer, host],
  );

  return [state, actions];
}
