/**
 * Reading typed fields from one located table, turning every bad cell into a located problem
 * (`Accounts!E18: Potential "abc" is not a number`) and treating it as blank.
 */
import type { Problem, RawCell, RepStatus, Segment, Severity, TableSource } from '../model';
import { a1, columnLetter } from '../report/sheet';
import {
  displayCell,
  isBlank,
  parseBoolean,
  parseDate,
  parseFraction,
  parseNumber,
  parseSegment,
  parseStage,
  parseStatus,
  parseText,
  type Parsed,
} from './cells';
import type { ResolvedColumns } from './headers';

export class TableReader {
  /** Data rows are values[1..dataRows]; values[0] is the header row. */
  readonly dataRows: number;

  constructor(
    readonly source: TableSource,
    readonly resolved: ResolvedColumns,
    readonly problems: Problem[],
  ) {
    this.dataRows = Math.max(0, source.values.length - 1);
  }

  get sheet(): string {
    return this.source.sheet;
  }

  has(field: string): boolean {
    return this.resolved.columns.has(field);
  }

  /** The header text of a field's column (used in messages), or the field name. */
  label(field: string): string {
    const col = this.resolved.columns.get(field);
    return col === undefined ? field : this.resolved.headers[col] || field;
  }

  /** 1-based sheet row of values[r]. */
  sheetRow(r: number): number {
    return this.source.origin.row + r;
  }

  columnOf(field: string): string | null {
    const col = this.resolved.columns.get(field);
    return col === undefined ? null : columnLetter(this.source.origin.col + col);
  }

  /** A1 address of a field's cell on values[r]; the row's first cell when the field has no column. */
  address(r: number, field: string | null): string {
    const col = field === null ? undefined : this.resolved.columns.get(field);
    return a1(this.sheetRow(r), this.source.origin.col + (col ?? 0));
  }

  /** The data cells of a field's column ("E2:E501"), or the header row when the field is absent. */
  columnRange(field: string | null): string {
    const col = field === null ? undefined : this.resolved.columns.get(field);
    if (col === undefined) {
      const width = Math.max(1, this.source.values[0]?.length ?? 1);
      return `${a1(this.source.origin.row, this.source.origin.col)}:${a1(this.source.origin.row, this.source.origin.col + width - 1)}`;
    }
    const c = this.source.origin.col + col;
    const last = this.sheetRow(Math.max(1, this.dataRows));
    return `${a1(this.sheetRow(1), c)}:${a1(last, c)}`;
  }

  raw(r: number, field: string): RawCell {
    const col = this.resolved.columns.get(field);
    if (col === undefined) return null;
    return this.source.values[r]?.[col] ?? null;
  }

  /** A row with nothing in any cell is not data: it is ignored without a problem. */
  isBlankRow(r: number): boolean {
    const row = this.source.values[r];
    if (!row) return true;
    for (const cell of row) if (!isBlank(cell)) return false;
    return true;
  }

  report(severity: Severity, r: number, field: string | null, message: string): void {
    this.problems.push({ severity, sheet: this.sheet, cell: this.address(r, field), message });
  }

  private typed<T>(r: number, field: string, parse: (raw: RawCell) => Parsed<T>): T | null {
    const raw = this.raw(r, field);
    if (raw === null) return null;
    const p = parse(raw);
    if (p.ok) return p.value;
    this.report('warning', r, field, `${this.label(field)} "${displayCell(raw)}" is not ${p.expected}`);
    return null;
  }

  number(r: number, field: string): number | null {
    return this.typed(r, field, parseNumber);
  }

  /** See parseFraction: bare values above `percentAbove` are percents. */
  fraction(r: number, field: string, percentAbove: number): number | null {
    return this.typed(r, field, (raw) => parseFraction(raw, percentAbove));
  }

  boolean(r: number, field: string): boolean | null {
    return this.typed(r, field, parseBoolean);
  }

  date(r: number, field: string): number | null {
    return this.typed(r, field, parseDate);
  }

  segment(r: number, field: string): Segment | null {
    return this.typed(r, field, parseSegment);
  }

  status(r: number, field: string): RepStatus | null {
    return this.typed(r, field, parseStatus);
  }

  stage(r: number, field: string): number | null {
    return this.typed(r, field, parseStage);
  }

  /**
   * A latitude/longitude pair: both or neither. Out-of-range values or half a pair give a warning
   * and no coordinates for the row.
   */
  coordinates(r: number, latField: string, lonField: string): { lat: number | null; lon: number | null } {
    const lat = this.number(r, latField);
    const lon = this.number(r, lonField);
    if (lat === null && lon === null) return { lat: null, lon: null };
    if (lat === null || lon === null) {
      const missing = lat === null ? latField : lonField;
      this.report('warning', r, missing, `${this.label(missing)} is blank while ${this.label(missing === latField ? lonField : latField)} is given; location ignored`);
      return { lat: null, lon: null };
    }
    if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      this.report('warning', r, latField, `Location ${lat}, ${lon} is not a valid latitude/longitude; location ignored`);
      return { lat: null, lon: null };
    }
    return { lat, lon };
  }

  text(r: number, field: string): string | null {
    return parseText(this.raw(r, field));
  }
}
