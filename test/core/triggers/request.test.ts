import { rebalanceRequest } from '../../../src/core/triggers/request';

describe('rebalanceRequest', () => {
  it('finds the requester by name, with or without a header row', () => {
    expect(rebalanceRequest([['Name', 'Value'], ['Band', 0.15], ['Rebalance Requested By', ' VP Sales West ']])).toBe('VP Sales West');
    expect(rebalanceRequest([['requested by:', 'CRO']])).toBe('CRO');
  });
  it('blank, No or a missing row is no request', () => {
    expect(rebalanceRequest([['Rebalance Requested By', null]])).toBeNull();
    expect(rebalanceRequest([['Rebalance Requested By', 'No']])).toBeNull();
    expect(rebalanceRequest([['Band', 0.15]])).toBeNull();
  });
});
