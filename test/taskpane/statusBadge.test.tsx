/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
/** The pane's status badge words the core's planOutcome, the rule the sheets and the CLI use too. */
import { render } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { Plan } from '../../src/core/model';
import { PlanStatusBadge } from '../../src/taskpane/components/ScenarioComparison';

function badge(plan: Pick<Plan, 'status' | 'tightestBand'> & { check: Pick<Plan['check'], 'ok' | 'bandMet'> }): string {
  const feasible = plan.check.ok && plan.check.bandMet; // as optimize() sets it
  const { container } = render(
    <FluentProvider theme={webLightTheme}>
      <PlanStatusBadge plan={{ ...plan, feasible } as unknown as Plan} />
    </FluentProvider>,
  );
  return container.textContent ?? '';
}

test.each([
  [{ status: 'feasible', tightestBand: 0.15, check: { ok: true, bandMet: true } }, 'band met'],
  [{ status: 'band-not-met', tightestBand: 0.23, check: { ok: true, bandMet: false } }, 'not met (best ±23%)'],
  // a rep with no fair share keeps accounts: no band is reachable
  [{ status: 'band-not-met', tightestBand: Infinity, check: { ok: true, bandMet: false } }, 'not met (best no band)'],
  // a plan that meets the band but breaks capacity is not "band met"
  [{ status: 'band-not-met', tightestBand: 0.15, check: { ok: false, bandMet: true } }, 'breaks a rule'],
  [{ status: 'cancelled', tightestBand: 0.15, check: { ok: true, bandMet: true } }, 'cancelled'],
] as const)('%o -> %s', (plan, text) => {
  expect(badge(plan)).toBe(text);
});
