/** Fake Excel ranges: cells, number formats, formats, merges, conditional formats. */
import { contains, formatBox, inside, MAX_COLS, MAX_ROWS, parseAddress, type Box } from './fakeAddress';
import { FAKE_COMMAND_BYTES, Loadable, payloadBytes, type Engine } from './fakeLoad';
import type { FakeWorksheet } from './fakeSheet';

export type Primitive = string | number | boolean;

export interface FakeCell {
  value: Primitive | null;
  formula: string | null;
  numberFormat: string | null;
}

/** What Excel does to a string written through `values` / `formulas`: '=' makes a formula, "'" marks text, number-, boolean- and date-like text is converted. */
export function excelParse(input: Primitive): { value: Primitive | null; formula: string | null } {
  if (typeof input !== 'string') return { value: input, formula: null };
  if (input.startsWith('=')) return { value: null, formula: input };
  if (input.startsWith("'")) return { value: input.slice(1), formula: null };
  if (input === '') return { value: null, formula: null };
  if (/^[+-]?\d+(\.\d+)?$/.test(input.trim())) return { value: Number(input), formula: null };
  if (/^(true|false)$/i.test(input.trim())) return { value: input.trim().toLowerCase() === 'true', formula: null };
  if (/^\d{1,4}[-/]\d{1,2}([-/]\d{1,4})?$/.test(input.trim())) return { value: 45_000, formula: null }; // a date serial
  return { value: input, formula: null };
}

function setParsed(cell: FakeCell, input: Primitive): void {
  const parsed = excelParse(input);
  cell.value = parsed.value;
  cell.formula = parsed.formula;
}

export interface FormatOp {
  box: Box;
  prop: string;
  value: unknown;
}

export interface FakeConditionalFormat {
  type: string;
  range: string;
  custom: { rule: { formula: string }; format: { fill: { color: string }; font: { color: string; bold: boolean } } };
}

class Recorder {
  constructor(
    private readonly range: FakeRange,
    private readonly prefix: string,
  ) {}
  protected set(prop: string, value: unknown): void {
    this.range.recordFormat(`${this.prefix}${prop}`, value);
  }
}

class FakeFont extends Recorder {
  set bold(v: boolean) { this.set('bold', v); }
  set italic(v: boolean) { this.set('italic', v); }
  set color(v: string) { this.set('color', v); }
  set size(v: number) { this.set('size', v); }
}

class FakeFill extends Recorder {
  set color(v: string) { this.set('color', v); }
}

class FakeRangeFormat extends Recorder {
  readonly font: FakeFont;
  readonly fill: FakeFill;
  constructor(private readonly owner: FakeRange) {
    super(owner, '');
    this.font = new FakeFont(owner, 'font.');
    this.fill = new FakeFill(owner, 'fill.');
  }
  set horizontalAlignment(v: string) { this.set('horizontalAlignment', v); }
  set wrapText(v: boolean) { this.set('wrapText', v); }
  set columnWidth(points: number) {
    this.owner.engine_().queue(FAKE_COMMAND_BYTES);
    for (let c = this.owner.box.col; c < this.owner.box.col + this.owner.box.cols; c++) this.owner.sheet.columnWidths.set(c, points);
  }
}

export class FakeRange extends Loadable {
  readonly format: FakeRangeFormat;
  readonly conditionalFormats: { add: (type: string) => FakeConditionalFormat; clearAll: () => void };
  private readonly nullObject: boolean;

  constructor(
    engine: Engine,
    readonly sheet: FakeWorksheet,
    readonly box: Box,
    nullObject = false,
  ) {
    super(engine);
    this.nullObject = nullObject;
    this.format = new FakeRangeFormat(this);
    this.conditionalFormats = {
      add: (type: string) => {
        engine.queue(FAKE_COMMAND_BYTES);
        const cf: FakeConditionalFormat = {
          type,
          range: formatBox(box),
          custom: { rule: { formula: '' }, format: { fill: { color: '' }, font: { color: '', bold: false } } },
        };
        sheet.conditionalFormats.push(cf);
        return cf;
      },
      clearAll: () => {
        engine.queue(FAKE_COMMAND_BYTES);
        sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !inside(parseBoxOf(cf.range), box));
      },
    };
  }

  override resolveLoad(): void {
    if (['values', 'formulas', 'numberFormat', '*'].some((p) => this.requested.has(p))) this.engine.countRead(this.box.rows * this.box.cols);
    super.resolveLoad();
  }

  engine_(): Engine {
    return this.engine;
  }

  get isNullObject(): boolean {
    this.needSync();
    return this.nullObject;
  }

  get rowIndex(): number { this.need('rowIndex'); return this.box.row; }
  get columnIndex(): number { this.need('columnIndex'); return this.box.col; }
  get rowCount(): number { this.need('rowCount'); return this.box.rows; }
  get columnCount(): number { this.need('columnCount'); return this.box.cols; }
  get address(): string { this.need('address'); return `${this.sheet.name}!${formatBox(this.box)}`; }

  private grid<T>(read: (cell: FakeCell | undefined) => T): T[][] {
    return Array.from({ length: this.box.rows }, (_, r) =>
      Array.from({ length: this.box.cols }, (_, c) => read(this.sheet.cells.get(key(this.box.row + r, this.box.col + c)))),
    );
  }

  private write(prop: string, data: unknown[][], countCells: boolean, apply: (cell: FakeCell, input: Primitive) => void): void {
    if (!Array.isArray(data) || data.length !== this.box.rows || data.some((row) => !Array.isArray(row) || row.length !== this.box.cols)) {
      throw new Error(`InvalidArgument: ${prop} is ${data.length}x${data[0]?.length} for a ${this.box.rows}x${this.box.cols} range (fake Excel)`);
    }
    this.engine.queue(FAKE_COMMAND_BYTES + payloadBytes(data), countCells ? this.box.rows * this.box.cols : 0);
    data.forEach((row, r) =>
      row.forEach((input, c) => {
        if (input === null || input === undefined) return; // null leaves the cell as it is
        const k = key(this.box.row + r, this.box.col + c);
        let cell = this.sheet.cells.get(k);
        if (!cell) {
          cell = { value: null, formula: null, numberFormat: null };
          this.sheet.cells.set(k, cell);
        }
        apply(cell, input as Primitive);
      }),
    );
  }

  get values(): Primitive[][] {
    this.need('values');
    return this.grid((cell) => cell?.value ?? '');
  }
  set values(data: Primitive[][]) {
    this.write('values', data, true, setParsed);
  }

  get formulas(): Primitive[][] {
    this.need('formulas');
    return this.grid((cell) => cell?.formula ?? cell?.value ?? '');
  }
  set formulas(data: Primitive[][]) {
    this.write('formulas', data, true, setParsed);
  }

  get numberFormat(): string[][] {
    this.need('numberFormat');
    return this.grid((cell) => cell?.numberFormat ?? 'General');
  }
  set numberFormat(data: string[][]) {
    this.write('numberFormat', data, false, (cell, input) => {
      cell.numberFormat = String(input);
    });
  }

  recordFormat(prop: string, value: unknown): void {
    this.engine.queue(FAKE_COMMAND_BYTES + payloadBytes(value) + formatBox(this.box).length);
    this.sheet.formatOps.push({ box: this.box, prop, value });
  }

  merge(across = false): void {
    this.engine.queue(FAKE_COMMAND_BYTES);
    if (across) throw new Error('fake Excel: merge(across) not modelled');
    this.sheet.merges.push(formatBox(this.box));
  }

  unmerge(): void {
    this.engine.queue(FAKE_COMMAND_BYTES);
    this.sheet.merges = this.sheet.merges.filter((m) => !inside(parseBoxOf(m), this.box));
  }

  clear(applyTo = 'All'): void {
    this.engine.queue(FAKE_COMMAND_BYTES);
    for (const [k, cell] of [...this.sheet.cells]) {
      const [r, c] = unkey(k);
      if (!contains(this.box, r, c)) continue;
      if (applyTo === 'All' || applyTo === 'Contents') {
        cell.value = null;
        cell.formula = null;
      }
      if (applyTo === 'All' || applyTo === 'Formats') cell.numberFormat = null;
      if (cell.value === null && cell.formula === null && cell.numberFormat === null) this.sheet.cells.delete(k);
    }
    if (applyTo === 'All' || applyTo === 'Formats') this.sheet.formatOps = this.sheet.formatOps.filter((op) => !inside(op.box, this.box));
  }
}

/** A cell's key in a sheet's cell map. */
export function key(row: number, col: number): number {
  return row * MAX_COLS + col;
}

export function unkey(k: number): [number, number] {
  return [Math.floor(k / MAX_COLS), k % MAX_COLS];
}

function parseBoxOf(address: string): Box {
  return parseAddress(address);
}

export const WHOLE_SHEET: Box = { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS };
