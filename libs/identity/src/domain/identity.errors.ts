import { DomainError } from '@craftcert/platform';

export class InvalidCredentialsError extends DomainError {
  constructor() {
    super('UNAUTHENTICATED', 'E-mail or password is incorrect');
  }
}

/**
 * A sign-in refused without judging the password, because recent failures (on this account from
 * this address, from this address, or on this account from anywhere) call for a delay. It says
 * the same whether or not the account exists.
 */
export class SignInThrottledError extends DomainError {
  constructor(until: Date) {
    const seconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
    super('SIGN_IN_THROTTLED', `Too many failed sign-ins: try again in ${seconds} seconds`);
    this.retryAfterSeconds = seconds;
  }
}

export class InvalidLinkError extends DomainError {
  constructor() {
    super('TOKEN_INVALID', 'This link is invalid, has expired or has already been used');
  }
}
