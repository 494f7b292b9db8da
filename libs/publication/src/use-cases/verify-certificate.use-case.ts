import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@craftcert/platform';
import { CredentialIssuer } from '../credentials/credential-issuer';
import { isCertificateNumber } from '../domain/certificate-number';
import type { PublicField } from '../domain/published-entry';
import { CertificateRepository } from '../persistence/certificate.repository';
import type { LocalizedText } from '@craftcert/pipeline';

export interface CertificateVerification {
  certificateNo: string;
  editionId: string;
  holderName: string;
  fields: PublicField[];
  programme: LocalizedText;
  tier: LocalizedText;
  edition: string;
  issuedAt: Date;
  status: 'valid' | 'revoked';
  revokedAt: Date | null;
  revocationGrounds: string | null;
  /** The VC-JWT as issued. */
  credential: string;
  /** Whether the credential's signature is ours and intact, and it names this certificate. */
  signatureValid: boolean;
}

/**
 * What anyone checking a certificate sees: its holder's public fields, title and status, and
 * whether its credential verifies against the issuer's key. Unknown numbers are not found.
 */
@Injectable()
export class VerifyCertificateUseCase {
  constructor(
    private readonly certificates: CertificateRepository,
    private readonly issuer: CredentialIssuer,
  ) {}

  async execute(certificateNo: string): Promise<CertificateVerification> {
    const found = isCertificateNumber(certificateNo)
      ? await this.certificates.byNumber(certificateNo)
      : null;
    if (!found) throw new NotFoundError(`Certificate ${certificateNo}`);
    const claims = await this.issuer.verify(found.credential);
    return {
      certificateNo: found.certificateNo,
      editionId: found.editionId,
      holderName: found.holderName,
      fields: found.publicFields,
      programme: found.title.programme,
      tier: found.title.tier,
      edition: found.title.edition,
      issuedAt: found.issuedAt,
      status: found.status,
      revokedAt: found.revokedAt,
      revocationGrounds: found.revocationGrounds,
      credential: found.credential,
      signatureValid: claims?.sub === found.certificateNo,
    };
  }
}
