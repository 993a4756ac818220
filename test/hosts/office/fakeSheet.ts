/** Fake Excel worksheets with their charts, custom properties, frozen panes and tables. */
import { formatBox, parseAddress, type Box } from './fakeAddress';
import { FAKE_COMMAND_BYTES, Loadable, payloadBytes, type Engine } from './fakeLoad';
import { FakeRange, key, unkey, WHOLE_SHEET, type FakeCell, type FakeConditionalFormat, type FormatOp } from './fakeRange';

export interface SheetHost extends Engine {
  sheets: FakeWorksheet[];
  checkNewName(name: string, except?: FakeWorksheet): void;
  tablesOf(sheet: FakeWorksheet): FakeTable[];
}

export class FakeSeries {
  name: string;
  values: string;
  xValues: string | null = null;
  fillColor: string | null = null;
  markerBackgroundColor: string | null = null;
  markerForegroundColor: string | null = null;
  readonly format: { fill: { setSolidColor: (c: string) => void } };
  constructor(engine: Engine, name: string, values: string) {
    this.name = name;
    this.values = values;
    this.format = {
      fill: {
        setSolidColor: (c: string) => {
          engine.queue(FAKE_COMMAND_BYTES);
          this.fillColor = c;
        },
      },
    };
  }
  setValues(range: FakeRange): void {
    this.values = qualified(range);
  }
  setXAxisValues(range: FakeRange): void {
    this.xValues = qualified(range);
  }
}

function qualified(range: FakeRange): string {
  return `${range.sheet.name}!${formatBox(range.box)}`;
}

export class FakeChart {
  readonly title = { text: '' };
  readonly axes = { categoryAxis: { title: { text: '' } }, valueAxis: { title: { text: '' } } };
  readonly seriesList: FakeSeries[] = [];
  readonly series: { add: (name: string) => FakeSeries; getItemAt: (i: number) => FakeSeries };
  position: { from: string; to: string } | null = null;
  constructor(
    private readonly engine: Engine,
    readonly owner: FakeWorksheet,
    readonly type: string,
    source: FakeRange,
    readonly seriesBy: string,
  ) {
    this.seriesList.push(new FakeSeries(engine, 'Series1', qualified(source)));
    this.series = {
      add: (name: string) => {
        engine.queue(FAKE_COMMAND_BYTES);
        const s = new FakeSeries(engine, name, '');
        this.seriesList.push(s);
        return s;
      },
      getItemAt: (i: number) => {
        const s = this.seriesList[i];
        if (!s) throw new Error(`ItemNotFound: series ${i} (fake Excel)`);
        return s;
      },
    };
  }
  setPosition(from: string, to: string): void {
    this.engine.queue(FAKE_COMMAND_BYTES);
    this.position = { from, to };
  }
  delete(): void {
    this.engine.queue(FAKE_COMMAND_BYTES);
    this.owner.chartList = this.owner.chartList.filter((c) => c !== this);
  }
}

class FakeChartCollection extends Loadable {
  private snapshot: FakeChart[] = [];
  constructor(engine: Engine, private readonly sheet: FakeWorksheet) {
    super(engine);
  }
  add(type: string, source: FakeRange, seriesBy = 'Auto'): FakeChart {
    this.engine.queue(FAKE_COMMAND_BYTES);
    const chart = new FakeChart(this.engine, this.sheet, type, source, seriesBy);
    this.sheet.chartList.push(chart);
    return chart;
  }
  override resolveLoad(): void {
    super.resolveLoad();
    this.snapshot = [...this.sheet.chartList];
  }
  get items(): FakeChart[] {
    this.need('items');
    return this.snapshot;
  }
}

export class FakeCustomProperty extends Loadable {
  constructor(engine: Engine, readonly key: string, private readonly current: () => string | undefined) {
    super(engine);
  }
  get isNullObject(): boolean {
    this.needSync();
    return this.current() === undefined;
  }
  get value(): string {
    this.need('value');
    return this.current() ?? '';
  }
}

export class FakeWorksheet extends Loadable {
  private sheetName: string;
  readonly cells = new Map<number, FakeCell>();
  formatOps: FormatOp[] = [];
  merges: string[] = [];
  conditionalFormats: FakeConditionalFormat[] = [];
  chartList: FakeChart[] = [];
  columnWidths = new Map<number, number>();
  frozen = { rows: 0, cols: 0 };
  tab = '';
  readonly props = new Map<string, { key: string; value: string }>();
  readonly charts: FakeChartCollection;
  /** Page setup as written (orientation and zoom), like Excel's WorksheetPageLayout. */
  readonly pageLayout: { orientation?: string; zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number } } = {};
  readonly freezePanes: { freezeRows: (n: number) => void; freezeColumns: (n: number) => void; freezeAt: (r: FakeRange) => void; unfreeze: () => void };
  readonly customProperties: { add: (key: string, value: string) => void; getItemOrNullObject: (key: string) => FakeCustomProperty };
  readonly isNullObject = false;

  constructor(
    private readonly host: SheetHost,
    name: string,
    readonly id: string,
  ) {
    super(host);
    this.sheetName = name;
    this.charts = new FakeChartCollection(host, this);
    const freeze = (rows: number, cols: number): void => {
      host.queue(FAKE_COMMAND_BYTES);
      this.frozen = { rows, cols };
    };
    this.freezePanes = {
      freezeRows: (n) => freeze(n, 0),
      freezeColumns: (n) => freeze(0, n),
      freezeAt: (r) => freeze(r.box.rows, r.box.cols),
      unfreeze: () => freeze(0, 0),
    };
    this.customProperties = {
      add: (k, value) => {
        host.queue(FAKE_COMMAND_BYTES + payloadBytes([k, value]));
        this.props.set(k.toLowerCase(), { key: k, value });
      },
      getItemOrNullObject: (k) => new FakeCustomProperty(host, k, () => this.props.get(k.toLowerCase())?.value),
    };
  }

  get name(): string {
    return this.sheetName;
  }
  set name(value: string) {
    this.host.queue(FAKE_COMMAND_BYTES);
    this.host.checkNewName(value, this);
    this.sheetName = value;
  }

  get tabColor(): string {
    return this.tab;
  }
  set tabColor(value: string) {
    this.host.queue(FAKE_COMMAND_BYTES);
    this.tab = value;
  }

  get tables(): { items: FakeTable[] } {
    return { items: this.host.tablesOf(this) };
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.host, this, address === undefined ? WHOLE_SHEET : parseAddress(address));
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.host, this, { row, col, rows, cols });
  }

  /** The smallest box holding every cell with a value or formula (or also a number format when valuesOnly is false). */
  usedBox(valuesOnly = false): Box | null {
    let r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1;
    for (const [k, cell] of this.cells) {
      if (cell.value === null && cell.formula === null && (valuesOnly || cell.numberFormat === null)) continue;
      const [r, c] = unkey(k);
      r0 = Math.min(r0, r); c0 = Math.min(c0, c); r1 = Math.max(r1, r); c1 = Math.max(c1, c);
    }
    return r1 < 0 ? null : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    const box = this.usedBox(valuesOnly);
    return new FakeRange(this.host, this, box ?? { row: 0, col: 0, rows: 1, cols: 1 }, box === null);
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.host, this, this.usedBox(valuesOnly) ?? { row: 0, col: 0, rows: 1, cols: 1 });
  }

  delete(): void {
    this.host.queue(FAKE_COMMAND_BYTES);
    this.host.sheets.splice(this.host.sheets.indexOf(this), 1);
  }

  // ---------------------------------------------------------------- test read-back (no load needed)

  cell(address: string): FakeCell | undefined {
    const b = parseAddress(address);
    return this.cells.get(key(b.row, b.col));
  }

  /** The latest value of a format property ('font.bold', 'fill.color', 'wrapText', ...) set on a range covering the cell. */
  formatAt(address: string, prop: string): unknown {
    const b = parseAddress(address);
    for (let i = this.formatOps.length - 1; i >= 0; i--) {
      const op = this.formatOps[i];
      if (op.prop === prop && b.row >= op.box.row && b.row < op.box.row + op.box.rows && b.col >= op.box.col && b.col < op.box.col + op.box.cols) return op.value;
    }
    return undefined;
  }
}

export class FakeTable extends Loadable {
  constructor(
    engine: Engine,
    readonly name: string,
    readonly worksheet: FakeWorksheet,
    readonly box: Box,
  ) {
    super(engine);
  }
  getRange(): FakeRange {
    return new FakeRange(this.engine, this.worksheet, this.box);
  }
}
