import { describe, expect, it } from '@jest/globals';
import type { DealDto } from '@techbridge/shared';
import { dealSides, mySide, sideOfRole, stepStates } from './dealHelpers';

const org = (id: string) => ({ id, name: id, type: 'enterprise' });
const deal = (over: Partial<DealDto>): DealDto =>
  ({
    stage: 'interest',
    listing: { type: 'offer', id: 'l', title: 't' },
    owner: org('owner'),
    initiator: org('initiator'),
    intermediary: null,
    history: [{ stage: 'interest', at: '', by: { id: 'u', name: 'u' } }],
    ...over,
  }) as DealDto;

describe('deal sides', () => {
  it('names the provider and the party with the need whichever side opened the deal', () => {
    expect(dealSides(deal({})).provider.id).toBe('owner');
    expect(dealSides(deal({ listing: { type: 'demand', id: 'd', title: 't' } })).provider.id).toBe('initiator');
    expect(mySide(deal({}), 'initiator')).toBe('need');
    expect(sideOfRole(deal({ listing: { type: 'demand', id: 'd', title: 't' } }), 'owner')).toBe('need');
  });

  it('marks stages passed over as skipped and the NDA step done once visited', () => {
    const states = stepStates(
      deal({
        stage: 'negotiation',
        history: [
          { stage: 'interest', at: '', by: { id: 'u', name: 'u' } },
          { stage: 'nda', at: '', by: { id: 'u', name: 'u' } },
          { stage: 'negotiation', at: '', by: { id: 'u', name: 'u' } },
        ],
      }),
    );
    expect(states.map((s) => s.state)).toEqual(['done', 'skipped', 'done', 'current', 'todo', 'todo']);
  });
});
