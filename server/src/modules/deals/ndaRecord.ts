import crypto from 'node:crypto';
import { NDA } from '@techbridge/shared';
import { createPdf, pdfBuffer } from '../../platform/files/pdf';

const sha256 = (text: string) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');

/** The hash of the NDA text as accepted (version and both languages): stored with the acceptance. */
export const ndaTextHash = () => sha256(`${NDA.version}\n${NDA.vi}\n${NDA.en}`);

export interface NdaRecord {
  dealId: string;
  offerTitle: string;
  demandTitle: string | null;
  discloser: string;
  recipient: string;
  version: string;
  status: string;
  textHash: string;
  acceptedAt: Date;
  acceptedBy: string;
  grantedAt: Date | null;
  grantedBy: string | null;
}

/**
 * The record's own hash: every field above in a fixed order, so anyone
 * holding the PDF can recompute it from what it states.
 */
export function recordHash(r: NdaRecord): string {
  return sha256(
    [
      r.dealId,
      r.discloser,
      r.recipient,
      r.version,
      r.textHash,
      r.acceptedAt.toISOString(),
      r.acceptedBy,
      r.grantedAt?.toISOString() ?? '',
      r.grantedBy ?? '',
    ].join('\n'),
  );
}

const vnTime = (d: Date) =>
  `${new Intl.DateTimeFormat('vi-VN', { dateStyle: 'long', timeStyle: 'medium', timeZone: 'Asia/Ho_Chi_Minh' }).format(d)} (${d.toISOString()})`;

/** The signed NDA as a PDF: parties, version, timestamps, hashes, then the text itself (Vietnamese, then English). */
export async function ndaPdf(r: NdaRecord): Promise<Buffer> {
  const doc = createPdf({ title: `NDA ${r.version} — ${r.offerTitle}`, subject: 'Thỏa thuận bảo mật đã ký' });
  const row = (label: string, value: string) => {
    doc.font('bold').fontSize(10).text(`${label}: `, { continued: true }).font('regular').text(value);
  };
  doc.font('bold').fontSize(16).text('BIÊN BẢN THỎA THUẬN BẢO MẬT (NDA) ĐÃ KÝ', { align: 'center' });
  doc.font('regular').fontSize(10).text('Signed non-disclosure agreement record — TechBridge', { align: 'center' });
  doc.moveDown();
  row('Giao dịch (deal)', r.dealId);
  row('Công nghệ (offer)', r.offerTitle);
  if (r.demandTitle) row('Nhu cầu (demand)', r.demandTitle);
  row('Bên công bố thông tin (discloser)', r.discloser);
  row('Bên nhận thông tin (recipient)', r.recipient);
  row('Phiên bản NDA (version)', r.version);
  row('Chấp thuận bởi (accepted by)', `${r.acceptedBy}, ${vnTime(r.acceptedAt)}`);
  row(
    'Phê duyệt bởi (approved by)',
    r.grantedAt && r.grantedBy ? `${r.grantedBy}, ${vnTime(r.grantedAt)}` : 'chưa phê duyệt (not yet approved)',
  );
  row('Trạng thái (status)', r.status);
  row('Mã băm nội dung NDA (SHA-256 of the text)', r.textHash);
  row('Mã băm biên bản (SHA-256 of this record)', recordHash(r));
  doc.moveDown();
  doc.font('regular').fontSize(10);
  for (const paragraph of NDA.vi.split('\n')) doc.text(paragraph, { align: 'justify' }).moveDown(0.4);
  doc.moveDown();
  doc.fillColor('#444444');
  for (const paragraph of NDA.en.split('\n')) doc.text(paragraph, { align: 'justify' }).moveDown(0.4);
  return pdfBuffer(doc);
}
