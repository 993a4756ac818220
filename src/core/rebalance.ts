/**
 * One rebalance run: the trigger audit plus the optimizer's scenarios, as one RebalanceResult.
 * `rebalanceWith` takes the optimizer as a function so that hosts can run it in a worker.
 */
import type { RebalanceResult, TerritoryData } from './model';
import type { OptimizeOptions, OptimizeResult } from './optimize/api';
import { optimize } from './optimize/index';
import { auditTerritories } from './triggers/index';

export function rebalance(data: TerritoryData, options: OptimizeOptions = {}): Promise<RebalanceResult> {
  return rebalanceWith(data, (d) => optimize(d, options));
}

export async function rebalanceWith(
  data: TerritoryData,
  runOptimizer: (data: TerritoryData) => Promise<OptimizeResult>,
): Promise<RebalanceResult> {
  const audit = auditTerritories(data);
  const { plans, notes } = await runOptimizer(data);
  return { audit, plans, problems: data.problems, notes };
}
