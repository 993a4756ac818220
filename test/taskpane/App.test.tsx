/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
/**
 * The App with a fake WorkbookHost (serving a seeded sample workbook as sheet values and
 * recording what it is asked to write) and an optimizer client whose runs the test controls.
 * The core (reader, audit, optimizer on its TypeScript path) is the real one, so the numbers on
 * screen are checked against the core's own results for the same workbook.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { Plan, TerritoryData } from '../../src/core/model';
import type { OptimizeProgress, OptimizeResult } from '../../src/core/optimize/api';
import { optimize } from '../../src/core/optimize/index';
import { readWorkbookSheets } from '../../src/core/read/index';
import type { SheetDescription } from '../../src/core/report/sheet';
import { auditTerritories } from '../../src/core/triggers/index';
import type { ApplyResult, UndoResult, WorkbookHost, WriteOutcome, WriteProgress } from '../../src/hosts/workbookHost';
import { App } from '../../src/taskpane/App';
import type { PaneOptimizer } from '../../src/taskpane/usePane';
import { sampleSheets } from './sampleWorkbook';

interface FakeHost extends WorkbookHost {
  reads: number;
  written: SheetDescription[][];
  applied: { data: TerritoryData; owners: (string | null)[]; scenarioName: string }[];
  undos: number;
}

function fakeHost(): FakeHost {
  const host: FakeHost = {
    kind: 'excel',
    reads: 0,
    written: [],
    applied: [],
    undos: 0,
    async readSheets() {
      host.reads++;
      return sampleSheets();
    },
    async writeOutputs(sheets: SheetDescription[], onProgress?: (p: WriteProgress) => void): Promise<WriteOutcome> {
      onProgress?.({ sheet: sheets[0].name, cellsDone: 1, cellsTotal: 2 });
      host.written.push(sheets);
      return { written: sheets.map((s) => s.name), renamed: [] };
    },
    async applyScenario(data, owners, scenarioName): Promise<ApplyResult> {
      host.applied.push({ data, owners, scenarioName });
      return { changed: owners.length, batch: 1, problems: [] };
    },
    async undoLastApply(): Promise<UndoResult> {
      host.undos++;
      return { restored: 3, batch: 1, problems: [] };
    },
  };
  return host;
}

interface PendingRun {
  data: TerritoryData;
  signal: AbortSignal | undefined;
  progress: (p: OptimizeProgress) => void;
  resolve: (r: OptimizeResult) => void;
  reject: (e: Error) => void;
}

/** An optimizer client whose runs wait until the test finishes them. */
function controlledOptimizer(): PaneOptimizer & { runs: PendingRun[] } {
  const runs: PendingRun[] = [];
  return {
    runs,
    run(data, options) {
      return new Promise<OptimizeResult>((resolve, reject) => {
        runs.push({ data, signal: options.signal, progress: (p) => options.onProgress?.(p), resolve, reject });
      });
    },
  };
}

const sheets = sampleSheets();
const data = readWorkbookSheets(sheets);
const audit = auditTerritories(data);
let computed: OptimizeResult;

/** What the map last painted on each canvas (jsdom has no canvas): arcs filled per colour, rings stroked, squares. */
interface Painted {
  filled: Map<string, number>;
  rings: number;
  squares: number;
}
const painted = new Map<HTMLCanvasElement, Painted>();

function recordingContext(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const record: Painted = { filled: new Map(), rings: 0, squares: 0 };
  painted.set(canvas, record);
  let arcs = 0;
  const ctx = {
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    globalAlpha: 1,
    font: '',
    setTransform() {
      // a paint starts: what an earlier paint of this canvas drew is covered
      record.filled.clear();
      record.rings = 0;
      record.squares = 0;
    },
    fillRect(_x: number, _y: number, w: number) {
      if (w === 8) record.squares++;
    },
    strokeRect() {},
    fillText() {},
    beginPath() {
      arcs = 0;
    },
    moveTo() {},
    arc() {
      arcs++;
    },
    fill() {
      record.filled.set(ctx.fillStyle, (record.filled.get(ctx.fillStyle) ?? 0) + arcs);
    },
    stroke() {
      record.rings += arcs;
    },
  };
  return ctx as unknown as CanvasRenderingContext2D;
}

beforeAll(async () => {
  computed = await optimize(readWorkbookSheets(sampleSheets()), { highs: null });
  const contexts = new WeakMap<HTMLCanvasElement, CanvasRenderingContext2D>();
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement) {
    if (!contexts.has(this)) contexts.set(this, recordingContext(this));
    return contexts.get(this)!;
  } as unknown as typeof HTMLCanvasElement.prototype.getContext;
}, 120_000);

function renderApp(host: WorkbookHost, optimizer: PaneOptimizer) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App mode="excel" host={host} optimizer={optimizer} now={() => new Date('2026-04-01T09:00:00Z')} />
    </FluentProvider>,
  );
}

function tableRows(name: string): HTMLElement[] {
  const table = screen.getByRole('table', { name });
  return within(table).getAllByRole('row').slice(1);
}

async function rebalanceWith(optimizer: ReturnType<typeof controlledOptimizer>, result: OptimizeResult): Promise<void> {
  fireEvent.click(screen.getByRole('button', { name: 'Rebalance' }));
  await waitFor(() => expect(optimizer.runs).toHaveLength(1));
  await act(async () => optimizer.runs[0].resolve(result));
  await screen.findByRole('table', { name: 'Scenario comparison' });
}

describe('task pane App', () => {
  it('reads the workbook on open and shows the checklist, the triggers and the verdict', async () => {
    const host = fakeHost();
    renderApp(host, controlledOptimizer());
    const verdict = await screen.findByTestId('verdict');
    expect(host.reads).toBe(1);
    expect(verdict.textContent).toContain(audit.verdict);
    expect(verdict.textContent).toContain(audit.verdictReason);

    const checklist = tableRows('Data checklist');
    expect(checklist.map((r) => r.textContent)).toEqual(data.checklist.map((c) => `${c.item}${c.status}${c.detail}`));

    const triggers = tableRows('Trigger audit');
    expect(triggers).toHaveLength(audit.triggers.length);
    audit.triggers.forEach((t, i) => {
      expect(triggers[i].textContent).toBe(`${t.name}${t.status}${t.evidence}`);
    });
    // The sample has a departing top performer and a 60%-130% attainment spread.
    expect(audit.triggers.filter((t) => t.status === 'FIRED').length).toBeGreaterThan(0);
    expect(within(triggers[audit.triggers.findIndex((t) => t.status === 'FIRED')]).getByText('FIRED')).toBeTruthy();
  });

  it('passes a changed column mapping back to the reader', async () => {
    const host = fakeHost();
    renderApp(host, controlledOptimizer());
    await screen.findByTestId('verdict');
    const remapped = readWorkbookSheets(sheets, { mapping: { 'Accounts.potential': '' } });
    const before = data.checklist.find((c) => c.item === 'Account potential');
    const after = remapped.checklist.find((c) => c.item === 'Account potential');
    expect(after?.detail).not.toBe(before?.detail);

    fireEvent.click(screen.getByRole('button', { name: /^Accounts:/ }));
    fireEvent.click(await screen.findByRole('combobox', { name: 'Accounts Potential column' }));
    fireEvent.click(await screen.findByRole('option', { name: '(not used)' }));

    await waitFor(() => {
      const row = tableRows('Data checklist').find((r) => r.textContent?.startsWith('Account potential'));
      expect(row?.textContent).toBe(`Account potential${after?.status}${after?.detail}`);
    });
    expect(host.reads).toBe(1); // re-analysed from the sheets already read
  });

  it('shows optimizer progress while rebalancing, and Cancel aborts the run', async () => {
    const optimizer = controlledOptimizer();
    renderApp(fakeHost(), optimizer);
    await screen.findByTestId('verdict');
    fireEvent.click(screen.getByRole('button', { name: 'Rebalance' }));
    await waitFor(() => expect(optimizer.runs).toHaveLength(1));
    const run = optimizer.runs[0];
    expect(run.data.accounts).toHaveLength(data.accounts.length);

    act(() => run.progress({ scenario: 'Balanced', phase: 'repair', fraction: 0.4, message: 'repairing capacity' }));
    const bar = await screen.findByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('0.4');
    expect(screen.getByText('Balanced: repairing capacity')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Rebalance' }) as HTMLButtonElement).disabled).toBe(true);

    expect(run.signal?.aborted).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(run.signal?.aborted).toBe(true);
    const abort = new Error('The operation was aborted');
    abort.name = 'AbortError';
    await act(async () => run.reject(abort));
    expect(await screen.findByText('Rebalance cancelled.')).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
  });

  it('compares the scenarios, lists the chosen scenario moves, and applies its owners', async () => {
    const host = fakeHost();
    const optimizer = controlledOptimizer();
    renderApp(host, optimizer);
    await screen.findByTestId('verdict');
    await rebalanceWith(optimizer, computed);

    const header = within(screen.getByRole('table', { name: 'Scenario comparison' })).getAllByRole('columnheader');
    expect(header.map((h) => h.textContent)).toEqual(['Metric', ...computed.plans.map((p) => p.scenario.name)]);
    const movesRow = tableRows('Scenario comparison').find((r) => r.textContent?.startsWith('Moves'));
    expect(movesRow?.textContent).toBe(`Moves${computed.plans.map((p) => String(p.metrics.moves)).join('')}`);

    const chosen = computed.plans.find((p) => p.scenario.name === 'Balanced') as Plan;
    fireEvent.click(screen.getByRole('radio', { name: 'Balanced' }));
    const moves = tableRows('Moves: Balanced');
    expect(moves).toHaveLength(Math.min(200, chosen.moves.length));
    expect(moves[0].textContent).toContain(chosen.moves[0].reason);

    // the map: every located account a dot in its owner's colour, the accounts Balanced moves ringed
    const located = data.accounts.filter((a) => a.lat !== null && a.lon !== null);
    const moving = data.accounts.filter((a, i) => a.lat !== null && a.lon !== null && chosen.owners[i] !== a.owner).length;
    expect(located.length).toBeGreaterThan(20);
    expect(moving).toBeGreaterThan(0);
    const afterMap = screen.getByRole('img', { name: `After (Balanced): ${located.length} accounts coloured by rep, ${moving} ringed as moving` }) as HTMLCanvasElement;
    const beforeMap = screen.getByRole('img', { name: `Before: ${located.length} accounts coloured by rep` }) as HTMLCanvasElement;
    for (const [canvas, owners] of [[beforeMap, data.accounts.map((a) => a.owner)], [afterMap, chosen.owners]] as const) {
      const dots = painted.get(canvas)!;
      const perOwner = new Map<string | null, number>();
      data.accounts.forEach((a, i) => a.lat !== null && a.lon !== null && perOwner.set(owners[i], (perOwner.get(owners[i]) ?? 0) + 1));
      expect([...dots.filled.values()].reduce((n, k) => n + k, 0)).toBe(located.length);
      expect(dots.filled.size).toBe(perOwner.size); // one colour per owner
      expect(dots.squares).toBe(data.reps.filter((r) => r.homeLat !== null && r.homeLon !== null).length);
    }
    expect(painted.get(beforeMap)!.rings).toBe(0);
    expect(painted.get(afterMap)!.rings).toBe(moving);

    fireEvent.click(screen.getByRole('button', { name: 'Apply Balanced' }));
    await screen.findByText(/^Applied Balanced:/);
    expect(host.applied).toHaveLength(1);
    expect(host.applied[0].scenarioName).toBe('Balanced');
    expect(host.applied[0].owners).toEqual(chosen.owners);
    expect(host.applied[0].data.accounts.map((a) => a.id)).toEqual(data.accounts.map((a) => a.id));
    expect(host.reads).toBe(2); // the workbook is read again after Apply

    fireEvent.click(screen.getByRole('button', { name: 'Undo last apply' }));
    await screen.findByText('Restored the owners from before the last Apply.');
    expect(host.undos).toBe(1);
  });

  it('writes the output sheets through the host and shows host errors to the user', async () => {
    const host = fakeHost();
    const optimizer = controlledOptimizer();
    renderApp(host, optimizer);
    await screen.findByTestId('verdict');
    await rebalanceWith(optimizer, computed);

    fireEvent.click(screen.getByRole('button', { name: 'Write sheets' }));
    await screen.findByText(/^Wrote \d+ sheets:/);
    expect(host.written).toHaveLength(1);
    const names = host.written[0].map((s) => s.name);
    expect(names[0]).toBe('Scenario Comparison');
    expect(names).toEqual(expect.arrayContaining(computed.plans.map((p) => `Moves - ${p.scenario.name}`)));

    host.applyScenario = async () => {
      throw new Error('The Accounts table has no Owner column to write to.');
    };
    fireEvent.click(screen.getByRole('button', { name: /^Apply / }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The Accounts table has no Owner column to write to.');
  });

  it('warms the optimizer up once the workbook is read, for a run of its size', async () => {
    const warms: { accounts: number }[] = [];
    const optimizer = { ...controlledOptimizer(), warm: async (options: { accounts: number }) => void warms.push(options) };
    renderApp(fakeHost(), optimizer);
    await screen.findByTestId('verdict');
    // the sample sheets hold 60 accounts
    await waitFor(() => expect(warms).toEqual([{ accounts: 60 }]));
    // once per read: later renders ask nothing more
    await act(async () => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(warms).toHaveLength(1);
  });

  it('lists located problems and keeps Rebalance off when a required table is missing', async () => {
    const host = fakeHost();
    const withoutReps = sampleSheets().filter((sh) => sh.name !== 'Reps');
    host.readSheets = async () => withoutReps;
    const warms: unknown[] = [];
    renderApp(host, { ...controlledOptimizer(), warm: async (options) => void warms.push(options) });
    const expected = readWorkbookSheets(withoutReps).problems.filter((p) => p.severity === 'error');
    expect(expected).toHaveLength(1);
    await screen.findByRole('heading', { name: /^Problems \(\d+, 1 error\)$/ });
    expect(screen.getByText(`Reps: ${expected[0].message}`)).toBeTruthy();
    expect(screen.queryByTestId('verdict')).toBeNull();
    expect((screen.getByRole('button', { name: 'Rebalance' }) as HTMLButtonElement).disabled).toBe(true);
    // nothing to optimize: no worker is started
    expect(warms).toEqual([]);
  });

  it('shows a failed read to the user instead of swallowing it', async () => {
    const host = fakeHost();
    host.readSheets = async () => {
      throw new Error('Excel could not read the sheet "Accounts": the workbook is in cell-edit mode.');
    };
    renderApp(host, controlledOptimizer());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('the workbook is in cell-edit mode');
  });
});
