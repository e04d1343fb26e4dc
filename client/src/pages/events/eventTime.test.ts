import { describe, expect, it } from '@jest/globals';
import type { EventMeetingDto, EventParticipantDto } from '@techbridge/shared';
import { byDay, eventWhen, fromLocalInput, meetingMatrix, toLocalInput, venueDate, venueRange } from './eventTime';

describe('event times on the venue clock', () => {
  it('reads and writes datetime-local values as Viet Nam time', () => {
    expect(fromLocalInput('2026-05-14T08:00')).toBe('2026-05-14T08:00:00+07:00');
    expect(toLocalInput('2026-05-14T01:00:00Z')).toBe('2026-05-14T08:00');
    expect(toLocalInput(fromLocalInput('2026-12-31T23:30'))).toBe('2026-12-31T23:30');
  });

  it('formats slots and days at the venue whatever the reader’s time zone', () => {
    expect(venueRange('2026-05-14T01:20:00Z', '2026-05-14T01:40:00Z', 'vi')).toBe('08:20–08:40');
    expect(venueDate('2026-05-14T18:30:00Z')).toBe('2026-05-15');
    expect(eventWhen('2026-05-14T01:00:00Z', '2026-05-14T10:00:00Z', 'en')).toContain('08:00–17:00');
  });

  it('groups agenda entries by day in time order', () => {
    const entries = [
      { startsAt: '2026-05-15T02:00:00Z' },
      { startsAt: '2026-05-14T01:00:00Z' },
      { startsAt: '2026-05-14T03:00:00Z' },
    ];
    expect(byDay(entries).map((g) => [g.day, g.entries.length])).toEqual([
      ['2026-05-14', 2],
      ['2026-05-15', 1],
    ]);
  });
});

describe('the meeting matrix', () => {
  const participant = (id: string, booth: number) =>
    ({ organization: { id, name: id.toUpperCase() }, booth }) as unknown as EventParticipantDto;
  const meeting = (id: string, a: string, b: string, status: EventMeetingDto['status']) =>
    ({
      id,
      requester: { id: a },
      recipient: { id: b },
      status,
      slot: null,
      attendance: null,
    }) as unknown as EventMeetingDto;

  it('puts each meeting in both halves and nothing on the diagonal', () => {
    const { orgs, cell } = meetingMatrix(
      [participant('b', 2), participant('a', 1), participant('c', 3)],
      [meeting('m1', 'a', 'b', 'accepted'), meeting('m2', 'c', 'a', 'requested')],
    );
    expect(orgs.map((o) => o.id)).toEqual(['a', 'b', 'c']);
    expect(cell('a', 'b')).toMatchObject({ meetingId: 'm1', status: 'accepted' });
    expect(cell('b', 'a')).toMatchObject({ meetingId: 'm1' });
    expect(cell('a', 'c')).toMatchObject({ status: 'requested' });
    expect(cell('b', 'c')).toBeNull();
    expect(cell('a', 'a')).toBeNull();
  });
});
