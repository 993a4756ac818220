/** `sample OUT.xlsx [--accounts N --reps M --seed S]`: the seeded sample workbook. */
import { sampleSize, type SampleOptions } from '../../core/sample';
import type { Terminal } from '../terminal';
import { writeSampleWorkbook } from '../sampleWorkbook';

export async function sampleCommand(outPath: string, options: SampleOptions, io: Terminal): Promise<number> {
  await writeSampleWorkbook(outPath, options);
  const size = sampleSize(options);
  io.out(`Wrote ${outPath}: ${size.accounts} accounts, ${size.reps} reps (seed ${size.seed}), tables Accounts, Reps and Settings`);
  return 0;
}
