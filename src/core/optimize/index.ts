/** The optimizer (SPEC §4): scenarios → checked plans. */
export type { HighsSolver, HighsSolution, OptimizeOptions, OptimizeProgress, OptimizeResult } from './api';
export { defaultScenarios } from './scenarios';
export { optimize } from './optimize';
export { checkPlan } from './checker';
export { planMetrics } from './planMetrics';
export { buildCandidates, type CandidateTable } from './candidates';
export { buildInstance, objectiveOf, TRAVEL_COST_PER_MILE, metricOf, type Instance } from './instance';
export { buildLp, lpText, solveLp } from './lp';
