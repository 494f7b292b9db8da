import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PdfKitDocument from 'pdfkit';
import QRCode from 'qrcode';

// A CJK font that installs with npm (Noto Sans SC, OFL): pdfkit embeds only the glyphs used.
// The package exports only its entry (dist/index.cjs); the fonts sit beside dist/.
const FONT = join(
  dirname(dirname(createRequire(__filename).resolve('@embedpdf/fonts-sc'))),
  'fonts',
  'NotoSansHans-Regular.otf',
);

export interface CertificatePage {
  certificateNo: string;
  holderName: string;
  programme: string;
  tier: string;
  edition: string;
  issuedOn: string;
  verifyUrl: string;
}

/** One A4 landscape page: holder, title, edition, number and a QR code to the verification page. */
export async function certificatePdf(page: CertificatePage): Promise<Buffer> {
  const qr = await QRCode.toBuffer(page.verifyUrl, {
    errorCorrectionLevel: 'M',
    margin: 1,
    width: 240,
  });
  const doc = new PdfKitDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 56,
    info: { Title: `${page.programme} ${page.certificateNo}`, Producer: 'craftcert' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', FONT);
  doc.font('cjk');
  const width = doc.page.width - 112;
  doc.fontSize(36).text(page.programme, 56, 90, { width, align: 'center' });
  doc.moveDown(0.5).fontSize(20).text(`${page.edition} · ${page.tier}`, { width, align: 'center' });
  doc.moveDown(1.5).fontSize(44).text(page.holderName, { width, align: 'center' });
  doc
    .moveDown(1)
    .fontSize(14)
    .text(`证书编号 Certificate No. ${page.certificateNo}`, { width, align: 'center' });
  doc.fontSize(12).text(`发证日期 Issued ${page.issuedOn}`, { width, align: 'center' });
  doc.image(qr, doc.page.width - 56 - 120, doc.page.height - 56 - 120, { width: 120 });
  doc.fontSize(9).text(page.verifyUrl, 56, doc.page.height - 70, { width: width - 140 });
  doc.end();
  return done;
}
