/**
 * 王建国 → 王*国, 李明 → 李*, Wang Jianguo → W*o: enough to recognise, not to identify. Every
 * listing, export and public page that names a person shows this form unless personal data is
 * explicitly (and auditably) revealed.
 */
export function maskName(name: unknown): string {
  const chars = Array.from(typeof name === 'string' ? name.trim() : '');
  if (chars.length === 0) return '';
  if (chars.length <= 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(Math.min(chars.length - 2, 3))}${chars.at(-1)}`;
}
