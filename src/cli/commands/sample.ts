/** `sample OUT.xlsx [--accounts N --reps M --seed S]`: the seeded sample workbook. */
import { SAMPLE_DEFAULTS, type SampleOptions } from '../../core/sample';
import type { Terminal } from '../terminal';
import { writeSampleWorkbook } from '../sampleWorkbook';

export async function sampleCommand(outPath: string, options: SampleOptions, io: Terminal): Promise<number> {
  await writeSampleWorkbook(outPath, options);
  io.out(
    `Wrote ${outPath}: ${options.accounts ?? SAMPLE_DEFAULTS.accounts} accounts, ${options.reps ?? SAMPLE_DEFAULTS.reps} reps (seed ${options.seed ?? SAMPLE_DEFAULTS.seed}), ` +
      'tables Accounts, Reps and Settings',
  );
  return 0;
}
