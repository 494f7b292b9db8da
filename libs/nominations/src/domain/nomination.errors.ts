import { DomainError } from '@craftcert/platform';

export class NominationWindowClosedError extends DomainError {
  constructor(opensAt: Date, closesAt: Date) {
    super(
      'NOMINATION_WINDOW_CLOSED',
      `Nominations are accepted from ${opensAt.toISOString()} until ${closesAt.toISOString()}`,
    );
  }
}

export class QuotaExceededError extends DomainError {
  constructor(cap: number) {
    super('QUOTA_EXCEEDED', `This unit has already used all ${cap} of its places in this channel`);
  }
}

export class InvalidTransitionError extends DomainError {
  constructor(action: string, status: string) {
    super('INVALID_TRANSITION', `Cannot ${action} a nomination that is ${status}`);
  }
}
