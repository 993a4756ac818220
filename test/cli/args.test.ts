import { parseArgs } from '../../src/cli/args';

describe('parseArgs', () => {
  it('reads each command with its positional and flags, in either --flag value or --flag=value form', () => {
    expect(parseArgs(['rebalance', 'in.xlsx', '--out', 'o.xlsx', '--json=r.json', '--time-limit', '7.5'])).toEqual({
      ok: true,
      value: { command: 'rebalance', file: 'in.xlsx', flags: { out: 'o.xlsx', json: 'r.json', 'time-limit': 7.5 } },
    });
    expect(parseArgs(['sample', 's.xlsx', '--accounts', '200', '--reps', '6', '--seed', '0'])).toEqual({
      ok: true,
      value: { command: 'sample', file: 's.xlsx', flags: { accounts: 200, reps: 6, seed: 0 } },
    });
    expect(parseArgs(['apply', 'in.xlsx', '--scenario', 'Balanced', '--out', 'a.xlsx'])).toMatchObject({
      ok: true,
      value: { command: 'apply', flags: { scenario: 'Balanced', out: 'a.xlsx' } },
    });
    expect(parseArgs(['demo'])).toEqual({ ok: true, value: { command: 'demo', file: null, flags: {} } });
    expect(parseArgs(['check', 'in.xlsx', '--help'])).toMatchObject({ ok: true, value: { command: 'help' } });
  });

  it.each([
    [['sample', 's.xlsx', '--reps', '2.5'], '--reps must be a whole number, not "2.5"'],
    [['rebalance', 'a.xlsx', 'b.xlsx', '--out', 'o.xlsx'], 'unexpected argument "b.xlsx" for "rebalance"'],
    [['rebalance', 'a.xlsx', '--out'], '--out needs a value'],
    [['rebalance', 'a.xlsx', '--out', 'o.xlsx', '--out', 'p.xlsx'], '--out given twice'],
    [['check', 'a.xlsx', '-v'], 'unknown option -v for "check"'],
    [['undo', 'a.xlsx', '--scenario', 'Minimal', '--out', 'o.xlsx'], 'unknown option --scenario for "undo"'],
    [['demo', 'extra'], 'unexpected argument "extra" for "demo"'],
    [['rebalance', 'a.xlsx', '--out', 'o.xlsx', '--time-limit', 'soon'], '--time-limit must be a positive number of seconds, not "soon"'],
  ])('%j is bad usage', (argv, error) => {
    expect(parseArgs(argv)).toEqual({ ok: false, error });
  });
});
