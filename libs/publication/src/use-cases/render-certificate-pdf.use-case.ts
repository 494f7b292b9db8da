import { Injectable } from '@nestjs/common';
import { AppConfig } from '@craftcert/platform';
import { certificatePdf } from '../credentials/certificate-pdf';
import { CertificateFiles } from '../persistence/certificate-files';
import { shanghaiDate } from '../site/dates';
import { VerifyCertificateUseCase } from './verify-certificate.use-case';

/**
 * The printable certificate of a known number, with a QR code to its verification page: drawn on
 * first request and kept under DATA_DIR (see CertificateFiles).
 */
@Injectable()
export class RenderCertificatePdfUseCase {
  constructor(
    private readonly verify: VerifyCertificateUseCase,
    private readonly config: AppConfig,
    private readonly files: CertificateFiles,
  ) {}

  async execute(certificateNo: string): Promise<Buffer> {
    const c = await this.verify.execute(certificateNo);
    const stored = await this.files.read(c.certificateNo);
    if (stored) return stored;
    const pdf = await certificatePdf({
      certificateNo: c.certificateNo,
      holderName: c.holderName,
      programme: c.programme.zh,
      tier: c.tier.zh,
      edition: c.edition,
      issuedOn: shanghaiDate(c.issuedAt),
      verifyUrl: `${this.config.PUBLIC_URL.replace(/\/+$/, '')}/verify/${c.certificateNo}`,
    });
    await this.files.write(c.certificateNo, pdf);
    return pdf;
  }
}
