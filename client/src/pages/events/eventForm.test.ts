import { describe, expect, it } from '@jest/globals';
import { emptyEventForm, toEventInput } from './eventForm';

const filled = {
  ...emptyEventForm(),
  title: 'Ngày kết nối công nghệ Thái Nguyên',
  startsAt: '2026-05-14T08:00',
  endsAt: '2026-05-15T17:00',
  registrationClosesAt: '2026-05-10T17:00',
  venue: 'Trung tâm Hội nghị tỉnh',
  province: 'TNG',
  sectors: ['crops'],
  breaks: [{ start: '2026-05-14T12:00', end: '2026-05-14T13:30' }],
};

describe('the event form', () => {
  it('builds the API body on the venue clock, with the venue and its province', () => {
    const result = toEventInput(filled);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data).toMatchObject({
      startsAt: '2026-05-14T08:00:00+07:00',
      timezone: 'Asia/Ho_Chi_Minh',
      location: { venue: 'Trung tâm Hội nghị tỉnh', province: 'TNG' },
      province: 'TNG',
      slotMinutes: 20,
      tables: 10,
      breaks: [{ start: '2026-05-14T12:00:00+07:00', end: '2026-05-14T13:30:00+07:00' }],
    });
  });

  it('names the fields the shared schema refuses', () => {
    const empty = toEventInput(emptyEventForm());
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(Object.keys(empty.errors)).toEqual(expect.arrayContaining(['title', 'startsAt', 'endsAt']));
    const backwards = toEventInput({ ...filled, endsAt: '2026-05-14T07:00', breaks: [] });
    expect(backwards.ok).toBe(false);
    if (!backwards.ok) expect(backwards.errors.endsAt).toBe('after_start');
    const nowhere = toEventInput({ ...filled, venue: '', online: false });
    if (!nowhere.ok) expect(nowhere.errors.location).toBe('location_or_online');
    const online = toEventInput({ ...filled, venue: '', online: true, onlineUrl: 'https://meet.example.vn/abc' });
    expect(online.ok && online.data.online).toEqual({ url: 'https://meet.example.vn/abc' });
  });
});
