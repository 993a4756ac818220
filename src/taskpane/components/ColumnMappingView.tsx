/**
 * Which sheet column each field was read from, and a Dropdown per field to change it. A change is
 * reported as `{ "Accounts.potential": "Est. Revenue" }` ('' = do not use any column), which the
 * pane passes back to the reader as `options.mapping`.
 */
import * as React from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Dropdown,
  Option,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import type { ColumnMapping } from '../../core/model';
import { FIELDS } from '../../core/read/headers';

export type MappedTable = ColumnMapping['table'];

const NOT_MAPPED = '';
const NOT_MAPPED_TEXT = '(not used)';

export interface ColumnMappingViewProps {
  mapping: ColumnMapping[];
  /** Header texts found on each table's header row, in sheet order. */
  headers: Partial<Record<MappedTable, string[]>>;
  onChange: (key: string, header: string) => void;
  disabled?: boolean;
}

export function fieldLabel(table: MappedTable, field: string): string {
  const quarter = /^attainment([1-4])$/.exec(field);
  if (quarter) return `Attainment, quarter ${quarter[1]} of 4`;
  return FIELDS[table].find((s) => s.field === field)?.label ?? field;
}

export function ColumnMappingView({ mapping, headers, onChange, disabled }: ColumnMappingViewProps): React.JSX.Element {
  const tables: MappedTable[] = ['Accounts', 'Reps', 'Settings'];
  return (
    <section aria-labelledby="mapping-title">
      <h2 id="mapping-title">Column mapping</h2>
      <Accordion collapsible multiple>
        {tables
          .filter((t) => mapping.some((m) => m.table === t))
          .map((table) => {
            const rows = mapping.filter((m) => m.table === table);
            const found = rows.filter((m) => m.column !== null).length;
            return (
              <AccordionItem value={table} key={table}>
                <AccordionHeader>
                  {table}: {found} of {rows.length} fields found
                </AccordionHeader>
                <AccordionPanel>
                  <Table size="extra-small" aria-label={`${table} column mapping`}>
                    <TableHeader>
                      <TableRow>
                        <TableHeaderCell style={{ width: '38%' }}>Field</TableHeaderCell>
                        <TableHeaderCell style={{ width: '64px' }}>Column</TableHeaderCell>
                        <TableHeaderCell>Header used</TableHeaderCell>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {rows.map((m) => (
                        <MappingRow key={m.field} m={m} headers={headers[table] ?? []} onChange={onChange} disabled={disabled} />
                      ))}
                    </TableBody>
                  </Table>
                </AccordionPanel>
              </AccordionItem>
            );
          })}
      </Accordion>
    </section>
  );
}

function MappingRow(props: { m: ColumnMapping; headers: string[]; onChange: (key: string, header: string) => void; disabled?: boolean }): React.JSX.Element {
  const { m, headers, onChange, disabled } = props;
  const label = fieldLabel(m.table, m.field);
  const choices = Array.from(new Set(m.header ? [m.header, ...headers] : headers)).filter((h) => h !== '');
  const selected = m.header ?? NOT_MAPPED;
  return (
    <TableRow>
      <TableCell>{label}</TableCell>
      <TableCell>{m.column ?? '-'}</TableCell>
      <TableCell>
        <Dropdown
          size="small"
          style={{ minWidth: 0, width: '100%' }}
          aria-label={`${m.table} ${label} column`}
          value={m.header ?? NOT_MAPPED_TEXT}
          selectedOptions={[selected]}
          disabled={disabled}
          onOptionSelect={(_, data) => {
            const header = data.optionValue ?? NOT_MAPPED;
            if (header !== selected) onChange(`${m.table}.${m.field}`, header);
          }}
        >
          <Option value={NOT_MAPPED} text={NOT_MAPPED_TEXT}>
            {NOT_MAPPED_TEXT}
          </Option>
          {choices.map((h) => (
            <Option key={h} value={h} text={h}>
              {h}
            </Option>
          ))}
        </Dropdown>
      </TableCell>
    </TableRow>
  );
}
