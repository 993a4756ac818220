import { readWorkbookSheets } from '../../../src/core/read';
import { accountRows, repRows } from './fixtures';

/** CPU time of this process in ms (robust to other processes sharing the machine, unlike wall time). */
function cpuMs(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

test('50,000 accounts (5,000 without potential) are read, owners matched and potential estimated in well under a second', () => {
  const accounts = accountRows(50_000, 100, 99);
  for (let r = 10; r < accounts.length; r += 10) accounts[r][4] = null;
  const sheets = [
    { name: 'Accounts', values: accounts },
    { name: 'Reps', values: repRows(100) },
  ];
  let data = readWorkbookSheets(sheets); // first run compiles the hot paths
  const ms = Math.min(
    cpuMs(() => (data = readWorkbookSheets(sheets))),
    cpuMs(() => (data = readWorkbookSheets(sheets))),
  );
  expect(data.accounts).toHaveLength(50_000);
  expect(data.accounts.filter((a) => a.potentialEstimated)).toHaveLength(5_000);
  expect(data.problems.filter((p) => p.severity !== 'info')).toEqual([]);
  expect(data.potentialModel!.holdoutR2).toBeGreaterThan(0.8);
  // About 150-350 ms of CPU here; an O(n²) step would take minutes.
  expect(ms).toBeLessThan(1000);
});
