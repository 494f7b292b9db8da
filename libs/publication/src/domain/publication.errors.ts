import { DomainError } from '@craftcert/platform';

/** A certificate that is already revoked cannot be revoked again. */
export class CertificateRevokedError extends DomainError {
  constructor(certificateNo: string) {
    super('CONFLICT', `Certificate ${certificateNo} is already revoked`);
  }
}

/** An objection after the notice's period (late objections are refused, as the definition says). */
export class ObjectionPeriodClosedError extends DomainError {
  constructor(
    readonly opensOn: string,
    readonly closesOn: string,
  ) {
    super(
      'CONFLICT',
      `The public notice ran from ${opensOn} to ${closesOn} (Asia/Shanghai); objections are no longer accepted`,
    );
  }
}

/** A triage step out of order (e.g. upholding an objection nobody investigated). */
export class ObjectionTransitionError extends DomainError {
  constructor(from: string, to: string) {
    super('INVALID_TRANSITION', `An objection that is ${from} cannot become ${to}`);
  }
}
