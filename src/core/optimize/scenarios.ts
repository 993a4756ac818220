/** The four scenarios of SPEC §4, from the Settings, and how a run may split them into independent groups. */
import type { ScenarioSpec, Settings } from '../model';

export function defaultScenarios(settings: Settings): ScenarioSpec[] {
  const withinRegion = settings.withinRegion;
  return [
    {
      name: 'Minimal',
      kind: 'Minimal',
      balanceOn: 'potential',
      band: settings.band,
      workloadBand: null,
      ignoreCurrentOwners: false,
      disruptionWeight: 1,
      travelWeight: 1,
      withinRegion,
    },
    {
      name: 'Balanced',
      kind: 'Balanced',
      balanceOn: 'potential',
      band: settings.balancedBand,
      workloadBand: settings.balancedWorkloadBand,
      ignoreCurrentOwners: false,
      disruptionWeight: 1,
      travelWeight: 1,
      withinRegion,
    },
    {
      name: 'Redesign',
      kind: 'Redesign',
      balanceOn: 'potential',
      band: settings.balancedBand,
      workloadBand: null,
      ignoreCurrentOwners: true,
      disruptionWeight: 0,
      travelWeight: 1,
      withinRegion,
    },
    {
      name: customName(settings.custom.name),
      kind: 'Custom',
      balanceOn: settings.custom.balanceOn,
      band: settings.custom.band,
      workloadBand: null,
      ignoreCurrentOwners: false,
      disruptionWeight: settings.custom.disruptionWeight,
      travelWeight: settings.custom.travelWeight,
      withinRegion,
    },
  ];
}

/**
 * The custom scenario's name, kept apart from the built-in ones: sheets, their roles, Apply's
 * --scenario and the pane all find a scenario by its name ("Minimal" becomes "Minimal (custom)").
 */
function customName(wanted: string): string {
  const name = wanted.trim() || 'Custom';
  return ['minimal', 'balanced', 'redesign'].includes(name.toLowerCase()) ? `${name} (custom)` : name;
}

/**
 * The scenarios' positions for two independent runs (e.g. two workers): [Minimal and Balanced], since
 * Balanced re-solves Minimal's LP from its final basis (relaxation.ts), and [the others]; one group
 * when either is empty.
 */
export function splitScenarios(scenarios: readonly ScenarioSpec[]): number[][] {
  const first: number[] = [];
  const second: number[] = [];
  scenarios.forEach((s, k) => (s.kind === 'Minimal' || s.kind === 'Balanced' ? first : second).push(k));
  return first.length > 0 && second.length > 0 ? [first, second] : [scenarios.map((_, k) => k)];
}
