import { DomainError } from '@craftcert/platform';

/** A certificate that is already revoked cannot be revoked again. */
export class CertificateRevokedError extends DomainError {
  constructor(certificateNo: string) {
    super('CONFLICT', `Certificate ${certificateNo} is already revoked`);
  }
}
