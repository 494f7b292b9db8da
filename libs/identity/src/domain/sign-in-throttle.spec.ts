import { delayAfterFailure, FIRST_DELAY_SECONDS, throttleCounters } from './sign-in-throttle';

describe('sign-in throttle', () => {
  it('imposes no delay within the allowance, then doubles it up to the longest', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8, 20].map((n) => delayAfterFailure(n, 3, 600));
    expect(delays).toEqual([0, 0, 30, 60, 120, 240, 480, 600, 600]);
    expect(delayAfterFailure(10_000, 1, 900)).toBe(900);
    expect(delayAfterFailure(3, 3, 10)).toBe(10);
    expect(FIRST_DELAY_SECONDS).toBe(30);
  });

  it('exempts a trusted device from the account-wide counter only', () => {
    const limits = {
      perAccountAndAddress: 5,
      perAccount: 20,
      perAddress: 30,
      maxDelaySeconds: 900,
    };
    const attempt = { accountHash: 'a'.repeat(64), address: '10.0.0.1', trustedDevice: false };
    const untrusted = throttleCounters(attempt, limits);
    const trusted = throttleCounters({ ...attempt, trustedDevice: true }, limits);
    expect(untrusted.map((c) => [c.key.split(':')[0], c.allowance, c.enforced])).toEqual([
      ['pair', 5, true],
      ['address', 30, true],
      ['account', 20, true],
    ]);
    expect(trusted.map((c) => c.enforced)).toEqual([true, true, false]);
    // The address counter belongs to no account: clearing an account leaves it in place.
    expect(untrusted[1].accountHash).toBeNull();
  });
});
