/** The chosen scenario's moves (the first 200), each with its plain-language reason. */
import * as React from 'react';
import { Badge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import type { Account, DisruptionLevel, Plan } from '../../core/model';

export const MOVES_SHOWN = 200;

const DISRUPTION_COLOR: Record<DisruptionLevel, 'danger' | 'warning' | 'informative'> = { High: 'danger', Medium: 'warning', Low: 'informative' };

export interface MovesTableProps {
  plan: Plan;
  accounts: Account[];
  repName: (id: string | null) => string;
}

function MovesTableView({ plan, accounts, repName }: MovesTableProps): React.JSX.Element {
  const byId = React.useMemo(() => new Map(accounts.map((a) => [a.id, a])), [accounts]);
  const shown = plan.moves.slice(0, MOVES_SHOWN);
  const title = `Moves: ${plan.scenario.name}`;
  return (
    <section aria-labelledby="moves-title">
      <h2 id="moves-title">{title}</h2>
      <Text as="p" block size={200}>
        {plan.moves.length === 0
          ? 'No account moves: the current territories already meet this scenario.'
          : `${plan.moves.length} move${plan.moves.length === 1 ? '' : 's'}${plan.moves.length > MOVES_SHOWN ? `; the first ${MOVES_SHOWN} are shown (Write sheets lists them all)` : ''}.`}
      </Text>
      {shown.length > 0 && (
        <div style={{ overflowX: 'auto' }}>
          <Table size="extra-small" aria-labelledby="moves-title" style={{ minWidth: '640px' }}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell style={{ width: '18%' }}>Account</TableHeaderCell>
                <TableHeaderCell style={{ width: '12%' }}>From</TableHeaderCell>
                <TableHeaderCell style={{ width: '12%' }}>To</TableHeaderCell>
                <TableHeaderCell style={{ width: '14%' }}>Disruption</TableHeaderCell>
                <TableHeaderCell>Reason</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {shown.map((m) => (
                <TableRow key={m.accountId}>
                  <TableCell>{byId.get(m.accountId)?.name || m.accountId}</TableCell>
                  <TableCell>{repName(m.from)}</TableCell>
                  <TableCell>{repName(m.to)}</TableCell>
                  <TableCell>
                    <Badge appearance="tint" size="small" color={DISRUPTION_COLOR[m.disruption]}>
                      {m.placement ? `${m.disruption} (placement)` : m.disruption}
                    </Badge>
                  </TableCell>
                  <TableCell>{m.reason}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}

/** Memoized: the pane re-renders on every write-progress tick, and this draws up to MOVES_SHOWN rows. */
export const MovesTable = React.memo(MovesTableView);
