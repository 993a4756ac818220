/**
 * An in-memory fake of the part of Office.js's Excel API the office host uses. It keeps Excel's
 * rules that matter to the host: properties are readable only after load() + sync(); sheet names
 * follow Excel's rules (31 chars, no : \ / ? * [ ], unique ignoring case); text written to cells
 * is parsed as Excel parses it. It counts the cells and payload bytes queued in each sync and,
 * like Excel on the web, refuses a sync whose request exceeds 5 MB. Tests read back what was
 * written through `sheet(name)`.
 */
import { parseAddress } from './fakeAddress';
import { FAKE_COMMAND_BYTES, Loadable, payloadBytes, type Engine } from './fakeLoad';
import { FakeTable, FakeWorksheet, type SheetHost } from './fakeSheet';
import { key, type Primitive } from './fakeRange';

export const WEB_REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;

export interface SyncRecord {
  /** Cells written through values / formulas. */
  cells: number;
  /** Estimated request payload. */
  bytes: number;
  /** suspendApiCalculationUntilNextSync() was called in this batch. */
  suspended: boolean;
  /** Cells whose values / formulas / formats the sync returned. */
  readCells: number;
}

class FakeWorksheetCollection extends Loadable {
  private snapshot: FakeWorksheet[] = [];
  constructor(private readonly excel: FakeExcel) {
    super(excel);
  }
  get items(): FakeWorksheet[] {
    this.need('items');
    return this.snapshot;
  }
  override resolveLoad(): void {
    super.resolveLoad();
    this.snapshot = [...this.excel.sheets];
    for (const ws of this.snapshot) ws.markLoaded(this.itemProps);
  }
  add(name?: string): FakeWorksheet {
    this.excel.queue(FAKE_COMMAND_BYTES);
    return this.excel.addSheet(name ?? `Sheet${this.excel.sheets.length + 1}`);
  }
  getItem(name: string): FakeWorksheet {
    const ws = this.excel.findSheet(name);
    if (!ws) throw new Error(`ItemNotFound: worksheet "${name}" (fake Excel)`);
    return ws;
  }
  getItemOrNullObject(name: string): FakeWorksheet | { isNullObject: true } {
    return this.excel.findSheet(name) ?? { isNullObject: true };
  }
}

class FakeTableCollection extends Loadable {
  private snapshot: FakeTable[] = [];
  constructor(private readonly excel: FakeExcel) {
    super(excel);
  }
  get items(): FakeTable[] {
    this.need('items');
    return this.snapshot;
  }
  override resolveLoad(): void {
    super.resolveLoad();
    this.snapshot = this.excel.tables.filter((t) => this.excel.sheets.includes(t.worksheet));
  }
}

class FakeSetting extends Loadable {
  constructor(engine: Engine, private readonly store: Map<string, unknown>, readonly key: string) {
    super(engine);
  }
  get isNullObject(): boolean {
    this.needSync();
    return !this.store.has(this.key);
  }
  get value(): unknown {
    this.need('value');
    return this.store.get(this.key);
  }
}

export class FakeExcel implements SheetHost {
  sheets: FakeWorksheet[] = [];
  tables: FakeTable[] = [];
  readonly settingsStore = new Map<string, unknown>();
  readonly pendingLoads = new Set<Loadable>();
  readonly syncs: SyncRecord[] = [];
  syncCount = 0;
  private current: SyncRecord = { cells: 0, bytes: 0, suspended: false, readCells: 0 };
  private nextId = 1;
  readonly context: Excel.RequestContext;

  constructor(readonly limitBytes = WEB_REQUEST_LIMIT_BYTES) {
    const worksheets = new FakeWorksheetCollection(this);
    const tables = new FakeTableCollection(this);
    const settings = {
      add: (key: string, value: unknown) => {
        this.queue(FAKE_COMMAND_BYTES + payloadBytes([key, value]));
        this.settingsStore.set(key, value);
      },
      getItemOrNullObject: (key: string) => new FakeSetting(this, this.settingsStore, key),
    };
    const application = {
      suspendApiCalculationUntilNextSync: () => {
        this.queue(FAKE_COMMAND_BYTES);
        this.current.suspended = true;
      },
    };
    const fake = { workbook: { worksheets, tables, settings }, application, sync: () => this.sync() };
    this.context = fake as unknown as Excel.RequestContext;
  }

  queue(bytes: number, cells = 0): void {
    this.current.bytes += bytes;
    this.current.cells += cells;
  }

  countRead(cells: number): void {
    this.current.readCells += cells;
  }

  /** Commands queued since the last sync (bytes), 0 when everything was sent. */
  get unsentBytes(): number {
    return this.current.bytes;
  }

  async sync(): Promise<void> {
    const record = this.current;
    if (record.bytes > this.limitBytes) {
      this.current = { cells: 0, bytes: 0, suspended: false, readCells: 0 };
      throw new Error(`RequestPayloadSizeLimitExceeded: ${record.bytes} bytes in one sync (fake Excel on the web, limit ${this.limitBytes})`);
    }
    for (const obj of this.pendingLoads) obj.resolveLoad(); // counts read cells into `record`
    this.pendingLoads.clear();
    this.syncs.push(record);
    this.syncCount++;
    this.current = { cells: 0, bytes: 0, suspended: false, readCells: 0 };
  }

  checkNewName(name: string, except?: FakeWorksheet): void {
    if (name.length === 0 || name.length > 31) throw new Error(`InvalidArgument: sheet name "${name}" must have 1 to 31 characters`);
    if (/[:\\/?*[\]]/.test(name)) throw new Error(`InvalidArgument: sheet name "${name}" has a forbidden character`);
    if (name.startsWith("'") || name.endsWith("'")) throw new Error(`InvalidArgument: sheet name "${name}" starts or ends with an apostrophe`);
    if (name.toLowerCase() === 'history') throw new Error('InvalidArgument: "History" is reserved');
    const clash = this.findSheet(name);
    if (clash && clash !== except) throw new Error(`ItemAlreadyExists: a sheet named "${name}" exists`);
  }

  findSheet(name: string): FakeWorksheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  tablesOf(sheet: FakeWorksheet): FakeTable[] {
    return this.tables.filter((t) => t.worksheet === sheet);
  }

  // ---------------------------------------------------------------- test set-up and read-back

  addSheet(name: string): FakeWorksheet {
    this.checkNewName(name);
    const ws = new FakeWorksheet(this, name, `{sheet-${this.nextId++}}`);
    this.sheets.push(ws);
    return ws;
  }

  /** A user's sheet with values from `topLeft` (set-up only: not counted in any sync). */
  seedSheet(name: string, rows: (Primitive | null)[][], topLeft = 'A1'): FakeWorksheet {
    const ws = this.findSheet(name) ?? this.addSheet(name);
    const origin = parseAddress(topLeft);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null) ws.cells.set(key(origin.row + r, origin.col + c), { value: v, formula: null, numberFormat: null });
      }),
    );
    return ws;
  }

  /** An Excel Table over `address` of `sheet` (set-up only). */
  seedTable(sheet: string, address: string, name: string): FakeTable {
    const ws = this.sheet(sheet);
    const table = new FakeTable(this, name, ws, parseAddress(address));
    this.tables.push(table);
    return table;
  }

  sheet(name: string): FakeWorksheet {
    const ws = this.findSheet(name);
    if (!ws) throw new Error(`test: no sheet "${name}"; sheets are ${this.sheets.map((s) => s.name).join(', ')}`);
    return ws;
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /** Values of a rectangle for assertions ('' for empty, the formula text for a formula cell). */
  read(sheet: string, address: string): (Primitive | '')[][] {
    const ws = this.sheet(sheet);
    const b = parseAddress(address);
    return Array.from({ length: b.rows }, (_, r) =>
      Array.from({ length: b.cols }, (_, c) => {
        const cell = ws.cells.get(key(b.row + r, b.col + c));
        return cell?.formula ?? cell?.value ?? '';
      }),
    );
  }

  resetStats(): void {
    this.syncs.length = 0;
  }
}
