import { safeCell } from './tables';
import { cleanFileName } from './uploads';

describe('CSV cells (OWASP CSV injection)', () => {
  it.each(['=HYPERLINK("http://x","y")', '+cmd|" /C calc"!A0', '-2+3', '@SUM(A1:A2)', '\t=1', '\r=1'])(
    'writes %j as text',
    (cell) => expect(safeCell(cell)).toBe(`'${cell}`),
  );
  it('leaves other text and numbers alone', () => {
    expect(safeCell('Thủy sản')).toBe('Thủy sản');
    expect(safeCell(-5)).toBe(-5);
    expect(safeCell(null)).toBeNull();
  });
});

describe('upload names', () => {
  it('drop CR/LF, quotes, separators and bidi controls', () => {
    expect(cleanFileName('báo cáo\r\n".pdf')).toBe('báo cáo___.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('_.._etc_passwd');
    expect(cleanFileName('hoadon\u202Efdp.exe')).toBe('hoadonfdp.exe');
    expect(cleanFileName('\u200B')).toBe('file');
    expect(cleanFileName('ho\u0300a.pdf')).toBe('hòa.pdf');
  });
});
