import { Injectable } from '@nestjs/common';
import { AppConfig } from '@craftcert/platform';
import { certificatePdf } from '../credentials/certificate-pdf';
import { shanghaiDate } from '../site/dates';
import { VerifyCertificateUseCase } from './verify-certificate.use-case';

/** The printable certificate of a known number, with a QR code to its verification page. */
@Injectable()
export class RenderCertificatePdfUseCase {
  constructor(
    private readonly verify: VerifyCertificateUseCase,
    private readonly config: AppConfig,
  ) {}

  async execute(certificateNo: string): Promise<Buffer> {
    const c = await this.verify.execute(certificateNo);
    return certificatePdf({
      certificateNo: c.certificateNo,
      holderName: c.holderName,
      programme: c.programme.zh,
      tier: c.tier.zh,
      edition: c.edition,
      issuedOn: shanghaiDate(c.issuedAt),
      verifyUrl: `${this.config.PUBLIC_URL.replace(/\/+$/, '')}/verify/${c.certificateNo}`,
    });
  }
}
