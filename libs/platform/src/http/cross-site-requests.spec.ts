import { allowedOrigins, judgeRequest } from './cross-site-requests';

const origins = allowedOrigins({
  PUBLIC_URL: 'https://craftcert.example/app',
  CORS_ORIGINS: 'https://portal.example, https://other.example/',
});
const post = (headers: Record<string, string>, uploadRoute = false) =>
  judgeRequest({ method: 'POST', headers, uploadRoute }, origins);
const session = { cookie: 'theme=dark; craftcert_access=abc', 'content-type': 'application/json' };

describe('cross-site request checks', () => {
  it('takes the origins from PUBLIC_URL and CORS_ORIGINS', () => {
    expect([...origins]).toEqual([
      'https://craftcert.example',
      'https://portal.example',
      'https://other.example',
    ]);
  });

  it('lets cookie-signed writes through only from an allowed Origin or Referer', () => {
    expect(post({ ...session, origin: 'https://craftcert.example' })).toBeUndefined();
    expect(post({ ...session, referer: 'https://portal.example/page?x=1' })).toBeUndefined();
    const cases: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { origin: 'https://craftcert.example.evil.example' },
      { referer: 'https://evil.example/https://craftcert.example' },
      {},
    ];
    for (const bad of cases) {
      expect(post({ ...session, ...bad })).toMatchObject({ code: 'ORIGIN_REFUSED' });
    }
  });

  it('needs no origin for bearer tokens, reads, or requests without a session cookie', () => {
    expect(post({ ...session, authorization: 'Bearer x', origin: 'https://evil.example' })).toBe(
      undefined,
    );
    expect(
      judgeRequest({ method: 'GET', headers: session, uploadRoute: false }, origins),
    ).toBeUndefined();
    expect(post({ cookie: 'theme=dark', 'content-type': 'application/json' })).toBeUndefined();
  });

  it('refuses form and text bodies with 415 except on upload routes', () => {
    for (const type of [
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'text/plain;charset=UTF-8',
    ]) {
      const refusal = post({ 'content-type': type, 'content-length': '10' });
      expect(refusal).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
      expect(refusal?.message).toContain('application/json');
      expect(post({ 'content-type': type, 'content-length': '10' }, true)).toBeUndefined();
    }
    expect(
      post({ 'content-type': 'application/merge-patch+json', 'content-length': '2' }),
    ).toBeUndefined();
    expect(post({ 'content-type': 'text/plain', 'content-length': '0' })).toBeUndefined();
  });

  it('takes urlencoded bodies on form routes only, and no other form encoding there', () => {
    const form = (type: string, headers: Record<string, string> = {}) =>
      judgeRequest(
        {
          method: 'POST',
          headers: { 'content-type': type, 'content-length': '10', ...headers },
          uploadRoute: false,
          formRoute: true,
        },
        origins,
      );
    expect(form('application/x-www-form-urlencoded')).toBeUndefined();
    expect(form('multipart/form-data; boundary=x')).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
    });
    expect(form('text/plain')).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    // A session cookie still needs an allowed origin, form route or not.
    expect(
      form('application/x-www-form-urlencoded', {
        cookie: 'craftcert_session=x',
        origin: 'https://evil.example',
      }),
    ).toMatchObject({ code: 'ORIGIN_REFUSED' });
  });
});
