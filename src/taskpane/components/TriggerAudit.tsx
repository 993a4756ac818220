/** The trigger audit (seed 001): each trigger FIRED / OK / NOT A TRIGGER with its evidence, and the verdict. */
import * as React from 'react';
import { Badge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import type { Audit, TriggerStatus, Verdict } from '../../core/model';
import { formatPercent, formatPoints, formatRatio } from '../format';

const TRIGGER_COLOR: Record<TriggerStatus, 'danger' | 'success' | 'informative'> = {
  FIRED: 'danger',
  OK: 'success',
  'NOT A TRIGGER': 'informative',
};

const VERDICT_COLOR: Record<Verdict, 'danger' | 'warning' | 'success'> = { Rebalance: 'danger', Review: 'warning', Hold: 'success' };

export interface TriggerAuditProps {
  audit: Audit;
  /** Rep id -> display name. */
  repName: (id: string) => string;
}

export function TriggerAudit({ audit, repName }: TriggerAuditProps): React.JSX.Element {
  const { team } = audit;
  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">Trigger audit</h2>
      <div data-testid="verdict">
        Verdict:{' '}
        <Badge size="large" appearance="filled" color={VERDICT_COLOR[audit.verdict]}>
          {audit.verdict}
        </Badge>{' '}
        <Text>{audit.verdictReason}</Text>
      </div>
      <Table size="small" aria-labelledby="audit-title">
        <TableHeader>
          <TableRow>
            <TableHeaderCell style={{ width: '36%' }}>Trigger</TableHeaderCell>
            <TableHeaderCell>Evidence</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {audit.triggers.map((t) => (
            <TableRow key={t.id}>
              <TableCell>
                <div>{t.name}</div>
                <Badge appearance="tint" color={TRIGGER_COLOR[t.status]}>
                  {t.status}
                </Badge>
              </TableCell>
              <TableCell>{t.evidence}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Text as="p" block size={200}>
        Attainment spread {formatPoints(team.attainmentSpreadPts)}; potential max deviation {formatPercent(team.potentialMaxDeviation)}; potential
        Gini {formatRatio(team.potentialGini)}; workload CV {formatRatio(team.workloadCV)}.
      </Text>
      {audit.candidates.length > 0 && (
        <Text as="p" block size={200}>
          Rebalance candidates (2+ metrics out of band):{' '}
          {audit.candidates.map((c) => `${repName(c.repId)} (${c.outOfBand.join(', ')})`).join('; ')}.
        </Text>
      )}
    </section>
  );
}
