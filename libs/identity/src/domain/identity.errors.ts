import { DomainError } from '@craftcert/platform';

export class InvalidCredentialsError extends DomainError {
  constructor() {
    super('UNAUTHENTICATED', 'E-mail or password is incorrect');
  }
}

export class AccountLockedError extends DomainError {
  constructor(until: Date) {
    super(
      'ACCOUNT_LOCKED',
      `Too many failed sign-ins: the account is locked until ${until.toISOString()}`,
    );
  }
}

export class InvalidLinkError extends DomainError {
  constructor() {
    super('TOKEN_INVALID', 'This link is invalid, has expired or has already been used');
  }
}
