/** `check IN.xlsx`: the trigger audit in the terminal. */
import { auditTerritories } from '../../core/triggers/index';
import { auditText } from '../auditText';
import type { Terminal } from '../terminal';
import { loadTerritory } from '../load';

export async function checkCommand(inPath: string, io: Terminal): Promise<number> {
  const input = await loadTerritory(inPath, io);
  if (!input) return 1;
  const { data } = input;
  const audit = auditTerritories(data);
  io.out(`Territory audit: ${inPath}`);
  for (const line of auditText(data, audit, process.stdout.columns || 100)) io.out(line);
  return 0;
}
