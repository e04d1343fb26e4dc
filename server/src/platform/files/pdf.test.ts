import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPdf, pdfBuffer } from './pdf';

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('PDF documents', () => {
  it('embeds a font that carries every Vietnamese tone mark, so the text reads back as written', async () => {
    const text = 'Thỏa thuận bảo mật — chè, chế, sắn, sản, lụa, lúa, thủy, Đắk Lắk';
    const doc = createPdf({ title: 'Thử' });
    doc.font('bold').text(text);
    const bytes = await pdfBuffer(doc);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.toString('latin1')).toContain('BeVietnamPro');
    if (!hasPdftotext) return;
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-')), 'a.pdf');
    fs.writeFileSync(file, bytes);
    expect(execFileSync('pdftotext', [file, '-']).toString('utf8').replace(/\s+/g, ' ').trim()).toBe(text);
  });
});
