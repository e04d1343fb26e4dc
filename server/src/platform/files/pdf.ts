import PDFDocument from 'pdfkit';

/**
 * Be Vietnam Pro (SIL Open Font License, from the npm package
 * @expo-google-fonts/be-vietnam-pro): a typeface drawn for Vietnamese, so
 * every tone mark sits right. Embedded (as a subset) in every document.
 */
const font = (weight: string) =>
  require.resolve(`@expo-google-fonts/be-vietnam-pro/${weight}/BeVietnamPro_${weight}.ttf`);

export const pdfFonts = { regular: font('400Regular'), bold: font('700Bold') };

/** A new A4 document with the Vietnamese fonts registered as `regular` and `bold` (regular selected). */
export function createPdf(info: { title: string; author?: string; subject?: string }): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: info.title, Author: info.author ?? 'TechBridge', Subject: info.subject ?? '' },
    pdfVersion: '1.7',
  });
  doc.registerFont('regular', pdfFonts.regular);
  doc.registerFont('bold', pdfFonts.bold);
  doc.font('regular');
  return doc;
}

/** Ends the document and resolves with its bytes. */
export function pdfBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
