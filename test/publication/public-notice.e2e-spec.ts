import { DataSource } from 'typeorm';
import {
  Cast,
  createCast,
  openEdition,
  shippedSource,
  startTestApp,
  TestApp,
} from '@craftcert/testing';
import { coverNextYear, forwardNominations, transition } from '../workflow/workflow-world';

/** The shipped city definition with the public notice (then release) as its only stages. */
function noticeFirstSource(): string {
  const source = shippedSource('hangzhou-city-craftsman');
  const out = source.replace(/\nstages:\n[\s\S]*?(?= {2}- id: public-notice\n)/, '\nstages:\n');
  if (out === source) throw new Error('the definition did not change as expected');
  return out;
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

interface Objection {
  id: string;
  receiptNo: string;
  nominationId: string;
  objector: string;
  status: string;
}

describe('public notice: the list, objections from the public and staff, triage', () => {
  let t: TestApp;
  let cast: Cast;
  let admin: string;
  let editionId: string;
  let nominees: string[];
  let address = 0;

  const post = (fields: Record<string, string>, remoteAddress = `10.88.0.${++address}`) =>
    t.request({
      method: 'POST',
      url: `/editions/${editionId}/objections`,
      payload: form(fields),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      remoteAddress,
    });
  const valid = () => ({
    nominationId: nominees[0],
    objectorKind: 'individual',
    name: '李明华',
    contact: '13912345678',
    facts: '该同志所报技术革新项目实为他人完成，有当年的验收记录为证。',
  });

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
    admin = cast.staff.secretariatAdmin.token;
    await coverNextYear(t, admin);
    ({ editionId } = await openEdition(t, { code: 'notice-city', source: noticeFirstSource() }));
    ({ eligible: nominees } = await forwardNominations(t, cast, editionId, 3));
    const entered = await transition(t, admin, editionId, 'stages/public-notice/enter');
    if (entered.statusCode !== 200) throw new Error(`enter notice: ${entered.body}`);
  });
  afterAll(() => t.close());

  it('publishes the list with its period and an objection form, public fields only', async () => {
    const page = await t.request({ url: `/editions/${editionId}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('公示期：');
    expect(page.body).toContain(`action="/editions/${editionId}/objections"`);
    expect(page.body.match(/<th scope="row">/g)).toHaveLength(3);
    expect(page.body).not.toMatch(/\b\d{17}[\dXx]\b/);
    const home = await t.request({ url: '/' });
    expect(home.body).toContain('正在公示');
    expect(home.body).toContain(`/editions/${editionId}`);
  });

  it('accepts a valid objection: redirect to a receipt number, contact encrypted and masked', async () => {
    const res = await post(valid());
    expect(res.statusCode).toBe(303);
    const location = res.headers.location as string;
    const receipt = /receipt=(YB[0-9A-Z]{16})/.exec(location)?.[1];
    expect(receipt).toBeDefined();
    const page = await t.request({ url: location.replace(/#.*$/, '') });
    expect(page.body).toContain(`受理编号：${receipt}`);
    expect(page.body).not.toContain('13912345678');
    const rows: { contact_ciphertext: string }[] = await t.app
      .get(DataSource)
      .query('SELECT contact_ciphertext FROM objection WHERE receipt_no = $1', [receipt]);
    expect(rows[0].contact_ciphertext).not.toContain('1391234');
    const list = await t.request({ url: `/api/editions/${editionId}/objections`, token: admin });
    const mine = list.json<Objection[]>().find((o) => o.receiptNo === receipt)!;
    expect(mine.objector).toBe('李*华');
    expect(list.body).not.toContain('13912345678');
    const contact = await t.request({ url: `/api/objections/${mine.id}/contact`, token: admin });
    expect(contact.json()).toEqual({ name: '李明华', contact: '13912345678' });
    const audit: { n: number }[] = await t.app
      .get(DataSource)
      .query(
        `SELECT count(*)::int AS n FROM audit_record WHERE action = 'pii.read' AND subject_id = $1`,
        [mine.id],
      );
    expect(audit[0].n).toBe(1);
  });

  it('refuses missing fields with messages next to each field, and writes nothing', async () => {
    const before = await t.app.get(DataSource).query('SELECT count(*)::int AS n FROM objection');
    const res = await post({ nominationId: '', objectorKind: 'individual', name: '', facts: '短' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('id="nominationId-error"');
    expect(res.body).toContain('id="name-error"');
    expect(res.body).toContain('id="contact-error"');
    expect(res.body).toContain('id="facts-error"');
    expect(res.body).toContain('请写明异议事实，至少 10 个字');
    const after = await t.app.get(DataSource).query('SELECT count(*)::int AS n FROM objection');
    expect(after).toEqual(before);
  });

  it("refuses an organisation's objection without its sealed letter", async () => {
    const res = await post({ ...valid(), objectorKind: 'organisation', name: '某某机械有限公司' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('id="sealedLetter-error"');
  });

  it('rate-limits objections per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await post(valid(), '10.88.9.9')).statusCode);
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s === 303).length).toBeGreaterThan(0);
  });

  it('records staff objections (letter with seal) through the same rules', async () => {
    const res = await t.request({
      method: 'POST',
      url: `/api/editions/${editionId}/objections`,
      token: admin,
      payload: {
        ...valid(),
        objectorKind: 'organisation',
        name: '某某机械有限公司',
        channel: 'letter',
        sealConfirmed: true,
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json<{ receiptNo: string }>().receiptNo).toMatch(/^YB/);
    const short = await t.request({
      method: 'POST',
      url: `/api/editions/${editionId}/objections`,
      token: admin,
      payload: { ...valid(), facts: '太短', channel: 'phone' },
    });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('facts');
  });

  it('triage: dismissed leaves the list; upheld removes the person and the page shows the update', async () => {
    const list = (
      await t.request({ url: `/api/editions/${editionId}/objections`, token: admin })
    ).json<Objection[]>();
    const [first, second] = list;
    const triage = (id: string, status: string) =>
      t.request({
        method: 'POST',
        url: `/api/objections/${id}/triage`,
        token: admin,
        payload: { status, findings: '经调查核实' },
      });
    expect((await triage(first.id, 'upheld')).statusCode).toBe(409);
    expect((await triage(second.id, 'investigating')).statusCode).toBe(200);
    expect((await triage(second.id, 'dismissed')).statusCode).toBe(200);
    let page = await t.request({ url: `/editions/${editionId}` });
    expect(page.body.match(/<th scope="row">/g)).toHaveLength(3);
    expect(page.body).not.toContain('变更记录');

    expect((await triage(first.id, 'investigating')).statusCode).toBe(200);
    const upheld = await triage(first.id, 'upheld');
    expect(upheld.json()).toMatchObject({ status: 'upheld', removed: true });
    page = await t.request({ url: `/editions/${editionId}` });
    expect(page.body.match(/<th scope="row">/g)).toHaveLength(2);
    expect(page.body).toContain('更新于');
    expect(page.body).toContain('变更记录');
    expect(page.body).toContain(first.receiptNo);
  });

  it('refuses an objection after the period with a message giving the period', async () => {
    await t.app
      .get(DataSource)
      .query(
        `UPDATE published_list SET opens_on = '2025-03-03', closes_on = '2025-03-07' WHERE edition_id = $1`,
        [editionId],
      );
    const page = await t.request({ url: `/editions/${editionId}` });
    expect(page.body).not.toContain(`action="/editions/${editionId}/objections"`);
    const res = await post(valid());
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('公示期为 2025-03-03 至 2025-03-07，已结束，不再受理异议。');
  });
});
