import { type Language, LANGUAGES } from './messages';

export const LANGUAGE_COOKIE = 'lang';

const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/**
 * The page's language: `?lang=` (then remembered in a cookie), else the cookie, else the first
 * supported language of Accept-Language, else Chinese.
 */
export function chooseLanguage(request: {
  query?: unknown;
  cookies?: Record<string, string | undefined>;
  headers: Record<string, string | string[] | undefined>;
}): { lang: Language; remember: boolean } {
  const asked = (request.query as Record<string, unknown> | undefined)?.lang;
  if (isLanguage(asked)) return { lang: asked, remember: true };
  const kept = request.cookies?.[LANGUAGE_COOKIE];
  if (isLanguage(kept)) return { lang: kept, remember: false };
  const header = request.headers['accept-language'];
  const ranges = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((part) => {
      const [range, ...params] = part.trim().toLowerCase().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { lang: range.split('-')[0], q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((r) => r.lang && r.q > 0)
    .toSorted((a, b) => b.q - a.q);
  const found = ranges.find((r) => isLanguage(r.lang));
  return { lang: found ? (found.lang as Language) : 'zh', remember: false };
}
