/** Seed 001's six-item pre-rebalance data checklist, with what the reader found for each. */
import * as React from 'react';
import { Badge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import type { ChecklistItem, PotentialModelReport } from '../../core/model';

const STATUS_COLOR = { found: 'success', partial: 'warning', missing: 'danger' } as const;

export interface DataChecklistProps {
  checklist: ChecklistItem[];
  potentialModel: PotentialModelReport | null;
}

export function DataChecklist({ checklist, potentialModel }: DataChecklistProps): React.JSX.Element {
  return (
    <section aria-labelledby="checklist-title">
      <h2 id="checklist-title">Data checklist</h2>
      <Table size="small" aria-labelledby="checklist-title">
        <TableHeader>
          <TableRow>
            <TableHeaderCell style={{ width: '36%' }}>Item</TableHeaderCell>
            <TableHeaderCell>What was found</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {checklist.map((c) => (
            <TableRow key={c.item}>
              <TableCell>
                <div>{c.item}</div>
                <Badge appearance="tint" color={STATUS_COLOR[c.status]}>
                  {c.status}
                </Badge>
              </TableCell>
              <TableCell>{c.detail}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {potentialModel && (
        <Text as="p" block size={200}>
          {potentialModel.description}
        </Text>
      )}
    </section>
  );
}
