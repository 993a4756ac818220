/**
 * Header matching: which column of a table holds which model field. Case-insensitive, with the
 * synonyms people actually use; the user can override any field ("Accounts.potential" → header).
 */
import type { ColumnMapping, Problem, RawCell, TableSource } from '../model';
import { columnLetter } from '../report/sheet';

export type TableName = 'Accounts' | 'Reps' | 'Settings';

export interface FieldSpec {
  field: string;
  /** Shown in messages when the field is missing. */
  label: string;
  /** Header texts, most specific first; compared after `headerKey`. */
  synonyms: string[];
}

const f = (field: string, label: string, ...synonyms: string[]): FieldSpec => ({ field, label, synonyms: [label, ...synonyms] });

export const ACCOUNT_FIELDS: FieldSpec[] = [
  f('id', 'Account ID', 'Account Id', 'Account Number', 'Account No', 'Account #', 'ID', 'Account', 'Acct ID', 'Customer ID'),
  f('name', 'Account Name', 'Name', 'Customer', 'Customer Name', 'Company', 'Company Name'),
  f('owner', 'Owner', 'Rep', 'Account Owner', 'Sales Rep', 'Owner ID', 'Rep ID', 'Owner Name', 'Assigned Rep', 'Account Executive', 'AE'),
  f('potential', 'Potential', 'Revenue Potential', 'TAM', 'Account Potential', 'Potential Revenue', 'Total Addressable Market', 'Wallet'),
  f('revenueTTM', 'Revenue TTM', 'Revenue', 'TTM Revenue', 'Closed Won TTM', 'Revenue (TTM)', 'Trailing 12M Revenue', 'Revenue T12M', 'Closed Won'),
  f('pipeline', 'Pipeline', 'Open Pipeline', 'Pipeline Amount', 'Open Pipeline Amount'),
  f('openOpps', 'Open Opps', 'Open Opportunities', 'Opps', 'Open Opp Count'),
  f('maxStage', 'Max Stage', 'Stage', 'Opp Stage', 'Max Opp Stage', 'Highest Stage', 'Opportunity Stage'),
  f('renewal', 'Renewal', 'Renewal Due', 'Upcoming Renewal', 'Renewal Open'),
  f('lastActivity', 'Last Activity', 'Last Activity Date', 'Last Contact', 'Last Activity On', 'Last Touch'),
  f('workload', 'Workload', 'Effort', 'Hours', 'Visits', 'Workload Hours'),
  f('segment', 'Segment', 'Customer Segment', 'Market Segment'),
  f('lat', 'Latitude', 'Lat'),
  f('lon', 'Longitude', 'Lon', 'Lng', 'Long'),
  f('region', 'Region', 'Territory', 'Sales Region', 'Area'),
  f('industry', 'Industry', 'Vertical', 'NAICS', 'Sector', 'NAICS Code'),
  f('employees', 'Employees', 'Employee Count', 'Headcount', 'Number of Employees', 'No of Employees', 'Employees #'),
  f('growthRate', 'Growth Rate', 'Growth', 'Expected Growth', 'Growth %', 'YoY Growth'),
  f('locked', 'Locked', 'Lock', 'Do Not Move', 'Pinned', 'Frozen'),
  f('strategic', 'Strategic', 'Strategic Account', 'Key Account'),
];

export const REP_FIELDS: FieldSpec[] = [
  f('id', 'Rep ID', 'Rep Id', 'ID', 'Rep', 'Employee ID', 'Owner ID', 'Rep Code'),
  f('name', 'Rep Name', 'Name', 'Sales Rep', 'Full Name', 'Owner', 'Owner Name', 'Representative'),
  f('status', 'Status', 'Rep Status', 'Employment Status'),
  f('fte', 'FTE', 'FTE %', 'Capacity Share'),
  f('quota', 'Quota', 'Annual Quota', 'Quota (Annual)', 'Current Quota'),
  f('attainment', 'Attainment', 'Quota Attainment', 'TTM Attainment', 'Trailing Attainment', 'Trailing 4Q Attainment', 'Annual Attainment', 'Attainment %'),
  f('capacity', 'Capacity', 'Max Workload', 'Workload Capacity', 'Max Accounts'),
  f('homeLat', 'Home Latitude', 'Home Lat'),
  f('homeLon', 'Home Longitude', 'Home Lon', 'Home Lng', 'Home Long'),
  f('tenureMonths', 'Tenure (months)', 'Tenure', 'Tenure Months', 'Months Tenure', 'Months in Role'),
  f('hireDate', 'Hire Date', 'Start Date', 'Hired', 'Date Hired'),
  f('region', 'Region', 'Territory', 'Sales Region', 'Area'),
  f('manager', 'Manager', 'Sales Manager', 'Reports To', 'Manager Name'),
];

export const SETTING_FIELDS: FieldSpec[] = [
  f('name', 'Setting', 'Name', 'Parameter', 'Key', 'Option'),
  f('value', 'Value', 'Setting Value'),
];

/** Quarter attainment columns get fields attainment1..attainment4, oldest first (by header order). */
export const QUARTER_FIELDS = ['attainment1', 'attainment2', 'attainment3', 'attainment4'];

export const FIELDS: Record<TableName, FieldSpec[]> = { Accounts: ACCOUNT_FIELDS, Reps: REP_FIELDS, Settings: SETTING_FIELDS };

/** "Tenure (months)" → "tenure months"; "M&A" → "m and a". */
export function headerKey(text: string): string {
  return text.toLowerCase().replace(/&/g, ' and ').replace(/#/g, ' number ').replace(/[^a-z0-9]+/g, ' ').trim();
}

/** The same without parenthesised parts: "Revenue (TTM)" → "revenue". */
export function looseHeaderKey(text: string): string {
  return headerKey(text.replace(/\([^)]*\)/g, ' '));
}

/** "Q1 Attainment", "Q1 2025 Attainment", "2025 Q3 Att %", "Attainment Q4" are quarter columns. */
export function isQuarterAttainment(text: string): boolean {
  const k = headerKey(text);
  return /\bq\s?[1-4]\b/.test(k) && /\batt(ainment)?\b/.test(k);
}

/** Where each field was found: column index within the table (0-based), or absent. */
export interface ResolvedColumns {
  table: TableName;
  columns: Map<string, number>;
  headers: string[];
  mapping: ColumnMapping[];
  /** Settings without Name and Value headers: the first two columns are taken as name and value. */
  positional: boolean;
}

function headerText(cell: RawCell | undefined): string {
  return cell === null || cell === undefined ? '' : String(cell).trim();
}

/**
 * Map fields to columns: user overrides first, then exact synonym matches, then matches that
 * ignore parenthesised parts. Each column is used once. Returns the mapping and any problems
 * with the user's overrides (an unknown field or a header that is not on the sheet).
 */
export function resolveColumns(
  table: TableName,
  source: TableSource,
  overrides: Partial<Record<string, string>>,
  problems: Problem[],
): ResolvedColumns {
  const specs = FIELDS[table];
  const headers = (source.values[0] ?? []).map(headerText);
  const keys = headers.map(headerKey);
  const looseKeys = headers.map(looseHeaderKey);
  const claimed = new Set<number>();
  const columns = new Map<string, number>();
  const known = new Set(specs.map((s) => s.field));
  if (table === 'Reps') for (const q of QUARTER_FIELDS) known.add(q);

  for (const [key, header] of Object.entries(overrides)) {
    const dot = key.indexOf('.');
    if (dot < 0 || key.slice(0, dot).toLowerCase() !== table.toLowerCase() || header === undefined) continue;
    const field = key.slice(dot + 1);
    if (!known.has(field)) {
      problems.push({ severity: 'warning', sheet: source.sheet, cell: '', message: `Column mapping "${key}" names no ${table} field; ignored` });
      continue;
    }
    if (header.trim() === '') {
      columns.set(field, -1); // explicitly unmapped
      continue;
    }
    const col = keys.indexOf(headerKey(header));
    if (col < 0) {
      problems.push({ severity: 'warning', sheet: source.sheet, cell: '', message: `Column mapping "${key}": no column "${header}" on the header row; matched automatically instead` });
      continue;
    }
    columns.set(field, col);
    claimed.add(col);
  }

  if (table === 'Reps' && !QUARTER_FIELDS.some((q) => columns.has(q))) {
    const quarterCols = headers.map((h, i) => i).filter((i) => !claimed.has(i) && isQuarterAttainment(headers[i]));
    // Trailing four quarters: the last four in header order, oldest first.
    quarterCols.slice(-4).forEach((c, i) => {
      columns.set(QUARTER_FIELDS[i], c);
      claimed.add(c);
    });
  }

  for (const pass of [keys, looseKeys]) {
    for (const spec of specs) {
      if (columns.has(spec.field)) continue;
      for (const syn of spec.synonyms) {
        const want = headerKey(syn);
        const col = pass.findIndex((k, i) => k === want && !claimed.has(i));
        if (col >= 0) {
          columns.set(spec.field, col);
          claimed.add(col);
          break;
        }
      }
    }
  }

  for (const [field, col] of [...columns]) if (col < 0) columns.delete(field);
  // Settings is a two-column list: without Name and Value headers, its first two columns are those.
  const positional = table === 'Settings' && !(columns.has('name') && columns.has('value'));
  if (positional) {
    columns.set('name', 0);
    columns.set('value', 1);
  }
  const fields = table === 'Reps' ? [...specs.map((s) => s.field), ...QUARTER_FIELDS] : specs.map((s) => s.field);
  const mapping: ColumnMapping[] = fields.map((field) => {
    const col = columns.get(field);
    return {
      table,
      field,
      header: col === undefined ? null : headers[col] || null,
      column: col === undefined ? null : columnLetter(source.origin.col + col),
    };
  });
  return { table, columns, headers, mapping, positional };
}

/** The synonyms tried for a field, for "looked for ..." messages. */
export function synonymsOf(table: TableName, field: string): string[] {
  return FIELDS[table].find((s) => s.field === field)?.synonyms ?? [field];
}

/** A field's name for people (the pane's mapping table): "Potential", "Attainment, quarter 1 (oldest)". */
export function fieldLabel(table: TableName, field: string): string {
  const q = QUARTER_FIELDS.indexOf(field);
  if (table === 'Reps' && q >= 0) return `Attainment, quarter ${q + 1}${q === 0 ? ' (oldest)' : q === 3 ? ' (latest)' : ''}`;
  return FIELDS[table].find((s) => s.field === field)?.label ?? field;
}
