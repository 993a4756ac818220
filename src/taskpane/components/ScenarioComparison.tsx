/** The scenarios side by side (one column each), and the choice of which one to review and apply. */
import * as React from 'react';
import { Badge, Field, Radio, RadioGroup, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import type { BalanceMetric, Plan } from '../../core/model';
import { planOutcome, tightestText } from '../../core/report/index';
import { formatCount, formatMiles, formatMoney, formatPercent, formatPoints, formatRatio } from '../format';

export interface ScenarioComparisonProps {
  plans: Plan[];
  selected: string | null;
  onSelect: (scenarioName: string) => void;
  notes: string[];
}

const BALANCE_LABEL: Record<BalanceMetric, string> = {
  potential: 'potential',
  growthPotential: 'growth-adjusted potential',
  workload: 'workload',
  accounts: 'account count',
  revenue: 'revenue',
};

interface Row {
  label: string;
  value: (p: Plan) => React.ReactNode;
}

const ROWS: Row[] = [
  { label: 'Band', value: (p) => `±${formatPercent(p.scenario.band, 0)} on ${BALANCE_LABEL[p.scenario.balanceOn] ?? p.scenario.balanceOn}` },
  { label: 'Status', value: (p) => <PlanStatusBadge plan={p} /> },
  { label: 'Moves', value: (p) => formatCount(p.metrics.moves) },
  { label: 'High / Medium / Low disruption', value: (p) => `${p.metrics.movesByDisruption.High} / ${p.metrics.movesByDisruption.Medium} / ${p.metrics.movesByDisruption.Low}` },
  { label: 'Placements (unassigned, departing)', value: (p) => formatCount(p.metrics.placements) },
  { label: 'Revenue moved', value: (p) => formatMoney(p.metrics.revenueMoved) },
  { label: 'Pipeline moved', value: (p) => formatMoney(p.metrics.pipelineMoved) },
  { label: 'Potential spread (before → after)', value: (p) => `${formatPercent(p.metrics.potentialSpreadBefore)} → ${formatPercent(p.metrics.potentialSpreadAfter)}` },
  { label: 'Workload CV (before → after)', value: (p) => `${formatRatio(p.metrics.workloadCVBefore)} → ${formatRatio(p.metrics.workloadCVAfter)}` },
  {
    label: 'Projected attainment spread',
    value: (p) => `${formatPoints(p.metrics.attainmentSpreadBeforePts)} → ${formatPoints(p.metrics.attainmentSpreadAfterPts)}`,
  },
  { label: 'Travel (before → after)', value: (p) => `${formatMiles(p.metrics.travelBeforeMiles)} → ${formatMiles(p.metrics.travelAfterMiles)}` },
  { label: 'Engine', value: (p) => (p.engine === 'highs' ? 'HiGHS' : 'TypeScript') },
];

export function PlanStatusBadge({ plan }: { plan: Plan }): React.JSX.Element {
  const outcome = planOutcome(plan);
  if (outcome === 'cancelled') return <Badge color="warning">cancelled</Badge>;
  if (outcome === 'band met') return <Badge color="success">band met</Badge>;
  return <Badge color="danger">{outcome === 'breaks a rule' ? outcome : `not met (best ${tightestText(plan.tightestBand, (f) => formatPercent(f, 0))})`}</Badge>;
}

export function ScenarioComparison({ plans, selected, onSelect, notes }: ScenarioComparisonProps): React.JSX.Element {
  const blocked = plans.filter((p) => p.blockers.length > 0);
  return (
    <section aria-labelledby="scenarios-title">
      <h2 id="scenarios-title">Scenario comparison</h2>
      <div style={{ overflowX: 'auto' }}>
        <Table size="small" aria-labelledby="scenarios-title" data-testid="scenario-table" style={{ minWidth: `${150 + plans.length * 120}px` }}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell style={{ width: '150px' }}>Metric</TableHeaderCell>
              {plans.map((p) => (
                <TableHeaderCell key={p.scenario.name}>{p.scenario.name}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {ROWS.map((row) => (
              <TableRow key={row.label}>
                <TableCell>{row.label}</TableCell>
                {plans.map((p) => (
                  <TableCell key={p.scenario.name}>{row.value(p)}</TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {blocked.map((p) => (
        <Text as="p" block size={200} key={p.scenario.name}>
          {p.scenario.name}: {p.blockers.join(' ')}
        </Text>
      ))}
      {notes.map((n, i) => (
        <Text as="p" block size={200} italic key={i}>
          {n}
        </Text>
      ))}
      <Field label="Scenario to review and apply">
        <RadioGroup layout="horizontal" style={{ flexWrap: 'wrap' }} value={selected ?? ''} onChange={(_, data) => onSelect(data.value)}>
          {plans.map((p) => (
            <Radio key={p.scenario.name} value={p.scenario.name} label={p.scenario.name} />
          ))}
        </RadioGroup>
      </Field>
    </section>
  );
}
