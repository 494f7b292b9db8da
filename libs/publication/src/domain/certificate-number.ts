import { randomBytes } from 'node:crypto';

// Crockford's base32 (no I, L, O, U) for the body; its check symbols add * ~ $ = U for 32–36.
const BODY = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CHECK = `${BODY}*~$=U`;
const BODY_LENGTH = 20; // 100 random bits

/** The check symbol of a body: its value modulo 37 (Crockford's scheme). */
export function checkSymbol(body: string): string {
  let remainder = 0;
  for (const c of body) remainder = (remainder * 32 + BODY.indexOf(c)) % 37;
  return CHECK[remainder];
}

/** A new certificate number: 100 random bits in base32 and a check symbol, e.g. `7K3M…Q2X=`. */
export function newCertificateNumber(random: (n: number) => Buffer = randomBytes): string {
  const bytes = random(BODY_LENGTH);
  const body = [...bytes].map((b) => BODY[b & 31]).join('');
  return body + checkSymbol(body);
}

/** Whether a text is a well-formed certificate number (right alphabet, length and check). */
export function isCertificateNumber(text: string): boolean {
  if (text.length !== BODY_LENGTH + 1) return false;
  const body = text.slice(0, BODY_LENGTH);
  if (![...body].every((c) => BODY.includes(c))) return false;
  return checkSymbol(body) === text[BODY_LENGTH];
}

/** The pattern a route parameter is checked against before any lookup. */
export const CERTIFICATE_NUMBER_PATTERN = /^[0-9A-HJKMNP-TV-Z]{20}[0-9A-HJKMNP-TV-Z*~$=U]$/;
