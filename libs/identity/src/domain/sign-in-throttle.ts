/**
 * Sign-in throttling (OWASP ASVS 2.2.1): failures are counted per account *and* address, per
 * address, and per account; once a counter passes its allowance, each further failure imposes a
 * growing delay (30 s, 1 min, 2 min, … up to the configured longest) before that counter lets
 * another attempt through. Nothing ever locks an account for everyone:
 *
 * - an attacker's failures delay the attacker's own address (the pair and address counters);
 * - the account-wide counter, which stops guessing spread over many addresses, is not applied to
 *   a browser holding this account's device cookie (set at each successful sign-in, OWASP's
 *   "device cookie" defence), so the real user keeps signing in from their own browser;
 * - counters key on the e-mail typed, known or not, so they behave the same for unknown
 *   addresses and reveal nothing about which accounts exist.
 */
export interface ThrottleLimits {
  /** Failures on one account from one address before delays begin (LOGIN_MAX_FAILURES). */
  perAccountAndAddress: number;
  /** Failures on one account from clients without its device cookie (LOGIN_ACCOUNT_MAX_FAILURES). */
  perAccount: number;
  /** Failures from one address on any accounts (LOGIN_ADDRESS_MAX_FAILURES). */
  perAddress: number;
  /** The longest delay (LOCKOUT_MINUTES). */
  maxDelaySeconds: number;
}

export const FIRST_DELAY_SECONDS = 30;

/** A counter whose last failure is older than this starts again from zero. */
export const FORGET_AFTER_SECONDS = 3600;

export interface ThrottleCounter {
  key: string;
  /** Which account the counter belongs to (hash of the e-mail), so an admin can clear it. */
  accountHash: string | null;
  allowance: number;
  /** Whether this counter may refuse the attempt; failures are counted on every counter. */
  enforced: boolean;
}

/** The delay a counter imposes after its n-th failure: none within the allowance, then doubling. */
export function delayAfterFailure(
  failures: number,
  allowance: number,
  maxDelaySeconds: number,
): number {
  if (failures < allowance) return 0;
  const doublings = Math.min(failures - allowance, 30);
  return Math.min(maxDelaySeconds, FIRST_DELAY_SECONDS * 2 ** doublings);
}

/** The counters one sign-in attempt touches. */
export function throttleCounters(
  attempt: { accountHash: string; address: string; trustedDevice: boolean },
  limits: ThrottleLimits,
): ThrottleCounter[] {
  const { accountHash, address } = attempt;
  return [
    {
      key: `pair:${accountHash}:${address}`,
      accountHash,
      allowance: limits.perAccountAndAddress,
      enforced: true,
    },
    { key: `address:${address}`, accountHash: null, allowance: limits.perAddress, enforced: true },
    {
      key: `account:${accountHash}`,
      accountHash,
      allowance: limits.perAccount,
      enforced: !attempt.trustedDevice,
    },
  ];
}
