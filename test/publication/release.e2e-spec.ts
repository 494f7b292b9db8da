import { createLocalJWKSet, type JSONWebKeySet, jwtVerify } from 'jose';
import { DataSource } from 'typeorm';
import {
  Cast,
  createCast,
  openEdition,
  shippedSource,
  startTestApp,
  TestApp,
} from '@craftcert/testing';
import { forwardNominations, transition } from '../workflow/workflow-world';

/** The shipped city definition with release as its only stage: the eligible list is released. */
function releaseOnlySource(): string {
  const source = shippedSource('hangzhou-city-craftsman');
  const out = source.replace(/\nstages:\n[\s\S]*?(?= {2}- id: release\n)/, '\nstages:\n');
  if (out === source) throw new Error('the definition did not change as expected');
  return out;
}

interface Verification {
  certificateNo: string;
  holderName: string;
  status: 'valid' | 'revoked';
  revocationGrounds: string | null;
  credential: string;
  signatureValid: boolean;
  fields: { id: string; value: string }[];
}

const ID_NUMBER = /\b\d{17}[\dXx]\b/;
const MOBILE = /\b1[3-9]\d{9}\b/;

describe('release: the announcement, certificates, credentials and revocation', () => {
  let t: TestApp;
  let cast: Cast;
  let admin: string;
  let editionId: string;
  let names: string[];
  let numbers: string[];

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
    admin = cast.staff.secretariatAdmin.token;
    ({ editionId } = await openEdition(t, { code: 'release-city', source: releaseOnlySource() }));
    await forwardNominations(t, cast, editionId, 3);
    const entered = await transition(t, admin, editionId, 'stages/release/enter');
    if (entered.statusCode !== 200) throw new Error(`enter release: ${entered.body}`);
    const rows: { holder_name: string; certificate_no: string }[] = await t.app
      .get(DataSource)
      .query('SELECT holder_name, certificate_no FROM certificate WHERE edition_id = $1', [
        editionId,
      ]);
    names = rows.map((r) => r.holder_name);
    numbers = rows.map((r) => r.certificate_no);
  });
  afterAll(() => t.close());

  it('issues one certificate per named person, with distinct well-formed numbers', () => {
    expect(names).toHaveLength(3);
    expect(new Set(numbers).size).toBe(3);
    for (const n of numbers) expect(n).toMatch(/^[0-9A-HJKMNP-TV-Z]{20}[0-9A-HJKMNP-TV-Z*~$=U]$/);
  });

  it('shows the announcement in Chinese with public fields only, and the home page links it', async () => {
    const page = await t.request({ url: `/editions/${editionId}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<html lang="zh-CN">');
    expect(page.body).toContain('公告');
    for (const name of names) expect(page.body).toContain(name);
    for (const n of numbers) expect(page.body).toContain(`/verify/${n}`);
    expect(page.body).toContain('工作单位');
    expect(page.body).not.toMatch(ID_NUMBER);
    expect(page.body).not.toMatch(MOBILE);
    expect(page.body).not.toContain('身份证号');
    const home = await t.request({ url: '/' });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain(`/editions/${editionId}`);
    const feed = await t.request({ url: '/feed.atom' });
    expect(feed.headers['content-type']).toContain('application/atom+xml');
    expect(feed.body).toContain(`/editions/${editionId}#announcement`);
  });

  it('switches to English with ?lang=en and remembers the choice', async () => {
    const en = await t.request({ url: `/editions/${editionId}?lang=en` });
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain('Announcement');
    const cookie = en.cookies.find((c) => c.name === 'lang');
    expect(cookie?.value).toBe('en');
    const again = await t.request({ url: '/', headers: { cookie: 'lang=en' } });
    expect(again.body).toContain('Notices and announcements');
    const byHeader = await t.request({
      url: '/',
      headers: { 'accept-language': 'en-GB,en;q=0.8' },
    });
    expect(byHeader.body).toContain('<html lang="en">');
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await t.request({ url: `/editions/${editionId}` });
    const etag = first.headers.etag as string;
    expect(etag).toBeTruthy();
    expect(first.headers['cache-control']).toContain('public');
    const second = await t.request({
      url: `/editions/${editionId}`,
      headers: { 'if-none-match': etag },
    });
    expect(second.statusCode).toBe(304);
    expect(second.body).toBe('');
  });

  it('verifies a certificate on its page and through the API, with a credential signed by the published key', async () => {
    const [no] = numbers;
    const page = await t.request({ url: `/verify/${no}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('有效');
    expect(page.body).toContain('签名有效');
    expect(page.body).not.toMatch(ID_NUMBER);
    const api = await t.request({ url: `/api/public/certificates/${no}` });
    expect(api.statusCode).toBe(200);
    const body = api.json<Verification>();
    expect(body).toMatchObject({ certificateNo: no, status: 'valid', signatureValid: true });
    const jwks = (await t.request({ url: '/.well-known/jwks.json' })).json<JSONWebKeySet>();
    expect(jwks.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA' });
    const { payload, protectedHeader } = await jwtVerify(body.credential, createLocalJWKSet(jwks));
    expect(protectedHeader.alg).toBe('EdDSA');
    expect(payload).toMatchObject({
      sub: no,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      credentialSubject: { name: body.holderName },
    });
  });

  it('refuses a tampered credential', async () => {
    const body = (
      await t.request({ url: `/api/public/certificates/${numbers[0]}` })
    ).json<Verification>();
    const jwks = (await t.request({ url: '/.well-known/jwks.json' })).json<JSONWebKeySet>();
    const [header, payload, signature] = body.credential.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      credentialSubject: { name: string };
    };
    claims.credentialSubject.name = '冒名顶替';
    const forged = [
      header,
      Buffer.from(JSON.stringify(claims)).toString('base64url'),
      signature,
    ].join('.');
    await expect(jwtVerify(forged, createLocalJWKSet(jwks))).rejects.toThrow();
  });

  it('serves the certificate as a PDF embedding a CJK font subset and a QR image', async () => {
    const pdf = await t.request({ url: `/verify/${numbers[0]}/certificate.pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdf.rawPayload.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSans/);
    expect(text).toContain('/Subtype /Image');
    // Drawn once and kept: the second request gets the very same bytes (pdfkit stamps a creation time).
    const again = await t.request({ url: `/verify/${numbers[0]}/certificate.pdf` });
    expect(again.rawPayload.equals(pdf.rawPayload)).toBe(true);
  });

  it('answers 404 for an unknown number and 400 for a malformed one in the API', async () => {
    const unknown = await t.request({ url: '/verify/0000000000000000000000' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('未找到');
    const api = await t.request({ url: '/api/public/certificates/not-a-number' });
    expect(api.statusCode).toBe(400);
    expect(api.body).toContain('certificateNo');
  });

  it('revokes with grounds: page and API say revoked at once, audited, and a second revocation is refused', async () => {
    const no = numbers[1];
    const revoke = () =>
      t.request({
        method: 'POST',
        url: `/api/certificates/${no}/revocation`,
        token: admin,
        payload: { grounds: '事迹材料弄虚作假' },
      });
    const res = await revoke();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ certificateNo: no, status: 'revoked' });
    const api = (await t.request({ url: `/api/public/certificates/${no}` })).json<Verification>();
    expect(api).toMatchObject({ status: 'revoked', revocationGrounds: '事迹材料弄虚作假' });
    const page = await t.request({ url: `/verify/${no}` });
    expect(page.body).toContain('已撤销');
    expect(page.body).toContain('事迹材料弄虚作假');
    expect((await revoke()).statusCode).toBe(409);
    const audit: { n: number }[] = await t.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM audit_record WHERE action = 'certificate.revoked'`);
    expect(audit[0].n).toBe(1);
    const empty = await t.request({
      method: 'POST',
      url: `/api/certificates/${numbers[2]}/revocation`,
      token: admin,
      payload: {},
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('grounds');
  });

  it('revokes the rest of the edition in one operation, leaving earlier grounds alone', async () => {
    const res = await t.request({
      method: 'POST',
      url: `/api/editions/${editionId}/certificates/revocation`,
      token: admin,
      payload: { grounds: '整批撤销：评审程序违规' },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ revoked: number; certificateNos: string[] }>();
    expect(body.revoked).toBe(2);
    expect(body.certificateNos).not.toContain(numbers[1]);
    const states = await Promise.all(
      numbers.map(async (n) =>
        (await t.request({ url: `/api/public/certificates/${n}` })).json<Verification>(),
      ),
    );
    expect(states.map((s) => s.status)).toEqual(['revoked', 'revoked', 'revoked']);
    expect(states[1].revocationGrounds).toBe('事迹材料弄虚作假');
    expect(states[0].revocationGrounds).toBe('整批撤销：评审程序违规');
    const again = await t.request({
      method: 'POST',
      url: `/api/editions/${editionId}/certificates/revocation`,
      token: admin,
      payload: { grounds: '再次撤销' },
    });
    expect(again.json()).toMatchObject({ revoked: 0 });
  });
});
