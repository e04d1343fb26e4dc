import { buildCalendar, foldLine, icsDate, icsText } from './ics';

const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');

describe('iCalendar', () => {
  const entry = {
    uid: 'event-meeting-65f0c0ffee@techbridge',
    start: new Date('2026-05-14T08:00:00+07:00'),
    end: new Date('2026-05-14T08:20:00+07:00'),
    summary: 'Gặp Công ty CP Thủy sản Minh Phú, bàn 12; chè, sắn & lúa',
    description: `Quy trình nuôi tôm tuần hoàn\nCần công nghệ xử lý nước thải\\ao nuôi ${'dài '.repeat(40)}`,
    location: 'Trung tâm Hội nghị tỉnh Thái Nguyên, bàn 12',
    sequence: 3,
  };
  const text = buildCalendar('Chợ công nghệ, Thái Nguyên', [entry], new Date('2026-05-01T01:02:03.456Z'));

  it('writes CRLF line ends only, and ends with one', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('folds every physical line to at most 75 octets, never inside a character, and unfolds to the content', () => {
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const lines = unfold(text).split('\r\n');
    expect(lines).toContain(`DESCRIPTION:${icsText(entry.description)}`);
    expect(lines).toContain(`SUMMARY:${icsText(entry.summary)}`);
    // A long Vietnamese line: folding keeps every multi-byte character whole.
    const long = `SUMMARY:${'Đắk Lắk '.repeat(30)}`;
    const folded = foldLine(long);
    expect(folded.split('\r\n ').join('')).toBe(long);
    for (const part of folded.split('\r\n')) expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part);
  });

  it('has the required properties, dates in UTC, and escaped text', () => {
    const lines = unfold(text).split('\r\n');
    expect(lines.slice(0, 3)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//TechBridge//Cau noi cong nghe//VI',
    ]);
    expect(lines).toEqual(
      expect.arrayContaining([
        'BEGIN:VEVENT',
        'UID:event-meeting-65f0c0ffee@techbridge',
        'DTSTAMP:20260501T010203Z',
        'DTSTART:20260514T010000Z',
        'DTEND:20260514T012000Z',
        'SEQUENCE:3',
        'END:VEVENT',
        'END:VCALENDAR',
        'X-WR-CALNAME:Chợ công nghệ\\, Thái Nguyên',
      ]),
    );
    expect(icsText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
    expect(icsDate(new Date('2026-12-31T23:59:59.999Z'))).toBe('20261231T235959Z');
  });
});
