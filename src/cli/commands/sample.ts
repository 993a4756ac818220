/** `sample OUT.xlsx [--accounts N --reps M --seed S]`: the seeded sample workbook. */
import type { SampleOptions } from '../../core/sample';
import type { Terminal } from '../terminal';
import { writeSampleWorkbook } from '../sampleWorkbook';

export async function sampleCommand(outPath: string, options: SampleOptions, io: Terminal): Promise<number> {
  await writeSampleWorkbook(outPath, options);
  io.out(
    `Wrote ${outPath}: ${options.accounts ?? 1500} accounts, ${options.reps ?? 14} reps (seed ${options.seed ?? 42}), ` +
      'tables Accounts, Reps and Settings',
  );
  return 0;
}
