import { crmCsv } from '../../../src/core/report';
import { account, planFrom, rep, territoryData } from './fixture';

describe('crmCsv', () => {
  it('lists every account whose owner changes, RFC 4180 quoted', () => {
    const data = territoryData(
      [account('A-1', 'r1'), account('A,2', 'r1'), account('A"3', 'r2'), account('A4', null)],
      [rep('r1', 'One'), rep('r2', 'Two, Jr.')],
    );
    const plan = planFrom(data, 'Minimal', 'Minimal', ['r1', 'r2', 'r1', 'r2'], true);
    expect(crmCsv(data, plan)).toBe('Account ID,New Owner\r\n"A,2",r2\r\n"A""3",r1\r\nA4,r2\r\n');
  });

  it('writes the header even when nothing moves', () => {
    const data = territoryData([account('A1', 'r1')], [rep('r1', 'One')]);
    expect(crmCsv(data, planFrom(data, 'Minimal', 'Minimal', ['r1'], true))).toBe('Account ID,New Owner\r\n');
  });
});
