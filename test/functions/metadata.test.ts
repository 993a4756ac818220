import path from 'path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';

interface Parameter {
  name: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: Parameter[];
  result: { type?: string; dimensionality?: string };
}

const source = path.join(__dirname, '../../src/functions/functions.ts');

/** id → parameters as "name" / "[name]" for optional, with ":matrix" for ranges. */
const EXPECTED: Record<string, string[]> = {
  ATTAINMENT_SPREAD: ['attainments:matrix'],
  TRIGGER_CHECK: ['reps:matrix', 'accounts:matrix', '[settings]:matrix'],
  POTENTIAL_INDEX: ['potential', 'allPotentials:matrix', '[fte]', '[allFte]:matrix'],
  BALANCE_STATUS: ['value', 'allValues:matrix', '[tolerance]'],
  OUT_OF_BAND_COUNT: ['values:matrix', '[tolerance]'],
  CONCENTRATION: ['revenues:matrix'],
  WORKLOAD_CV: ['workloads:matrix', '[fte]:matrix'],
  CAPACITY_UTILIZATION: ['workload', 'capacity'],
  GINI: ['values:matrix'],
  DISRUPTION_LEVEL: ['maxStage', 'revenueTTM', 'openPipeline', '[lastActivity]', '[strategic]', '[asOf]'],
  HANDOFF_RULE: ['maxStage', '[isRenewal]'],
  CREDIT_SPLIT: ['transferDate', 'closeDate'],
};

describe('custom-functions-metadata on src/functions/functions.ts', () => {
  let result: Awaited<ReturnType<typeof generateCustomFunctionsMetadata>>;
  let functions: FunctionMetadata[];

  beforeAll(async () => {
    result = await generateCustomFunctionsMetadata(source);
    functions = JSON.parse(result.metadataJson).functions;
  });

  it('reports no errors (the CLI exits 0 even when there are some)', () => {
    expect(result.errors).toEqual([]);
  });

  it('lists the 12 functions with their ids, names and parameters', () => {
    expect(functions.map((f) => f.id).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const f of functions) {
      expect(f.name).toBe(f.id);
      expect(f.description && f.description.length > 10).toBe(true);
      const shape = f.parameters.map((p) => `${p.optional ? `[${p.name}]` : p.name}${p.dimensionality === 'matrix' ? ':matrix' : ''}`);
      expect({ id: f.id, shape }).toEqual({ id: f.id, shape: EXPECTED[f.id] });
    }
  });

  it('types scalars as Excel converts them and ranges as any, so blanks and text reach the function', () => {
    const byId = new Map(functions.map((f) => [f.id, f]));
    expect(byId.get('CREDIT_SPLIT')?.parameters.map((p) => p.type)).toEqual(['number', 'number']);
    expect(byId.get('HANDOFF_RULE')?.parameters.map((p) => p.type)).toEqual(['number', 'boolean']);
    expect(byId.get('ATTAINMENT_SPREAD')?.parameters[0].type).toBe('any');
    expect(byId.get('TRIGGER_CHECK')?.result).toEqual({ type: 'string', dimensionality: 'matrix' });
    expect(byId.get('BALANCE_STATUS')?.result).toEqual({ type: 'string' });
  });

  it('gives the webpack plugin one association per function', () => {
    const associations = result.associate.map((a) => `${a.id}=${a.functionName}`).sort();
    expect(associations).toEqual(
      [
        'ATTAINMENT_SPREAD=attainmentSpread',
        'BALANCE_STATUS=balanceStatus',
        'CAPACITY_UTILIZATION=capacityUtilization',
        'CONCENTRATION=concentration',
        'CREDIT_SPLIT=creditSplit',
        'DISRUPTION_LEVEL=disruptionLevel',
        'GINI=gini',
        'HANDOFF_RULE=handoffRule',
        'OUT_OF_BAND_COUNT=outOfBandCount',
        'POTENTIAL_INDEX=potentialIndex',
        'TRIGGER_CHECK=triggerCheck',
        'WORKLOAD_CV=workloadCV',
      ].sort(),
    );
  });
});
