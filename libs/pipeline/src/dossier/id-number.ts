// Mainland resident ID numbers (GB 11643-1999): 17 digits and a check character. People type them
// with full-width digits, spaces or a lower-case x; normalising first means one person always
// hashes to one identity, so duplicates and repeat-winner bans cannot be bypassed by spelling.
import { parseIsoDate } from '../derive/dates';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** Full-width forms to ASCII, every kind of space and hyphen dropped, letters upper-cased. */
export function normaliseIdNumber(value: string): string {
  let out = '';
  for (const ch of value) {
    let code = ch.codePointAt(0)!;
    if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0;
    const c = String.fromCodePoint(code);
    if (/\s/u.test(c) || c === '-' || c === '\u3000') continue;
    out += c.toUpperCase();
  }
  return out;
}

/** The check character of the first 17 digits. */
export function idNumberCheckCharacter(body: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (body.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK[sum % 11];
}

/** Why a (normalised) ID number is not valid, or undefined when it is. */
export function idNumberProblem(normalised: string): string | undefined {
  if (!/^\d{17}[\dX]$/.test(normalised))
    return 'must be an 18-character resident ID number (17 digits and a digit or X)';
  const birth = `${normalised.slice(6, 10)}-${normalised.slice(10, 12)}-${normalised.slice(12, 14)}`;
  if (!parseIsoDate(birth)) return 'holds a birth date that does not exist';
  if (idNumberCheckCharacter(normalised) !== normalised[17])
    return 'has a wrong check character (GB 11643)';
  return undefined;
}
