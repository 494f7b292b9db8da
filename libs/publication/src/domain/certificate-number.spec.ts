import {
  CERTIFICATE_NUMBER_PATTERN,
  checkSymbol,
  isCertificateNumber,
  newCertificateNumber,
} from './certificate-number';

describe('certificate numbers', () => {
  it('are well formed, match the route pattern and differ every time', () => {
    const numbers = Array.from({ length: 1000 }, () => newCertificateNumber());
    expect(new Set(numbers).size).toBe(1000);
    for (const n of numbers) {
      expect(isCertificateNumber(n)).toBe(true);
      expect(n).toMatch(CERTIFICATE_NUMBER_PATTERN);
    }
  });

  it('catch a single mistyped character and a swap of neighbours', () => {
    const n = newCertificateNumber();
    const body = n.slice(0, 20);
    const typo = (body[3] === 'A' ? 'B' : 'A') + '';
    expect(isCertificateNumber(body.slice(0, 3) + typo + body.slice(4) + n[20])).toBe(false);
    const a = '0123456789ABCDEFGHJK';
    const swapped = '1023456789ABCDEFGHJK';
    expect(checkSymbol(a)).not.toBe(checkSymbol(swapped));
  });

  it('carry 100 bits: every body character takes 32 values', () => {
    let i = 0;
    const counter = (n: number) => Buffer.from(Array.from({ length: n }, () => i++ % 32));
    expect(newCertificateNumber(counter).slice(0, 20)).toBe('0123456789ABCDEFGHJK');
  });
});
