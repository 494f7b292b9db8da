import { chooseLanguage } from './language';
import { catalogueGaps, translate } from './messages';

describe('the public site text', () => {
  it('has every message in both catalogues', () => {
    expect(catalogueGaps()).toEqual([]);
  });

  it('formats ICU plurals per language', () => {
    expect(translate('zh', 'home.count', { count: 3 })).toBe('共 3 人');
    expect(translate('en', 'home.count', { count: 1 })).toBe('1 person');
    expect(translate('en', 'home.count', { count: 30 })).toBe('30 people');
  });

  it('chooses ?lang=, then the cookie, then Accept-Language, then Chinese', () => {
    const headers = { 'accept-language': 'en-US,en;q=0.9' };
    expect(chooseLanguage({ query: { lang: 'zh' }, headers })).toEqual({
      lang: 'zh',
      remember: true,
    });
    expect(chooseLanguage({ cookies: { lang: 'zh' }, headers })).toEqual({
      lang: 'zh',
      remember: false,
    });
    expect(chooseLanguage({ headers }).lang).toBe('en');
    expect(chooseLanguage({ headers: { 'accept-language': 'fr, en;q=0.1' } }).lang).toBe('en');
    expect(chooseLanguage({ query: { lang: 'xx' }, headers: {} }).lang).toBe('zh');
  });
});
