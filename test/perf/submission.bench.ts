import { readFileSync } from 'node:fs';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { SubmitNominationUseCase } from '@craftcert/nominations';
import { shippedDefinitionPath } from '@craftcert/pipeline';
import { loadConfig, prepareRuntime } from '@craftcert/platform';
import { createApp } from '@craftcert/bootstrap';
import { openBenchDatabase } from './bench-database';
import { alternate, Benchmark, compare } from './harness';
import { benchTempDir, removeDir } from './leftovers';

const ROUNDS = 5;
const PER_ROUND = 30;
// One warm-up round and the measured ones, each submitting its own drafts.
const COUNT = (ROUNDS + 1) * PER_ROUND;
const NOMINATION = 'nomination';
const ADMIN = { email: 'bench@craftcert.test', password: 'bench-password-123' };
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64),
]);
const PDF = Buffer.from('%PDF-1.7\n%bench\n');

/**
 * Dossier submissions/s (full: validation, decryption, eligibility, caps, duplicates, outbox,
 * audit, one transaction) against a minimal insert of the same nomination row through the same
 * app's data source, in the same run.
 */
export const benchmark: Benchmark = {
  name: 'submission',
  async run() {
    const db = await openBenchDatabase();
    const evidenceDir = await benchTempDir();
    const config = loadConfig({
      DATABASE_URL: db.url,
      REDIS_URL: '',
      ROLE: 'api',
      LOG_LEVEL: 'silent',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      RATE_LIMIT_PER_MINUTE: '1000000',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000000',
      PII_ENCRYPTION_KEY: 'YmVuY2gta2V5LWJlbmNoLWtleS1iZW5jaC1rZXktMTI=',
      EVIDENCE_DIR: evidenceDir,
    });
    const runtime = await prepareRuntime(config);
    const app = (await createApp(runtime)) as NestFastifyApplication;
    await app.init();
    try {
      const { token, drafts } = await prepare(app);
      const me = await call(app, 'GET', '/api/me', token);
      const actor = {
        userId: me.id,
        organisationId: me.organisationId,
        roles: ['unitNominator' as const],
        sessionId: 'bench',
      };
      const submit = app.get(SubmitNominationUseCase);

      const dataSource = app.get(DataSource);
      // The nomination table by name: the context exports use cases, not its entities.
      const template = await dataSource.manager.findOneByOrFail<Record<string, unknown>>(
        NOMINATION,
        { id: drafts[0] },
      );
      const { id: _id, revision: _r, createdAt: _c, updatedAt: _u, ...row } = template;
      let next = 0;
      const perSecond = async (fn: () => Promise<unknown>) => {
        const started = process.hrtime.bigint();
        for (let i = 0; i < PER_ROUND; i++) await fn();
        return PER_ROUND / (Number(process.hrtime.bigint() - started) / 1e9);
      };
      const s = await alternate(
        {
          submit: () => perSecond(() => submit.execute(actor, drafts[next++])),
          insert: () =>
            perSecond(() => dataSource.manager.insert(NOMINATION, { ...row, flags: {} } as never)),
        },
        { rounds: ROUNDS },
      );
      const [{ submitted }] = await dataSource.query<{ submitted: number }[]>(
        `SELECT count(*)::int AS submitted FROM nomination WHERE status <> 'draft'`,
      );
      if (submitted !== COUNT) throw new Error(`${submitted} of ${COUNT} drafts were submitted`);
      return [
        compare({
          name: 'submission.in-process',
          description:
            'dossier submissions/s through the use case vs a minimal insert of the same row',
          unit: 'ops/s',
          subject: s.submit,
          baseline: s.insert,
        }),
      ];
    } finally {
      await app.close();
      await runtime.release();
      await db.close();
      await removeDir(evidenceDir);
    }
  },
};

async function call(
  app: NestFastifyApplication,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  token?: string,
  payload?: unknown,
  contentType?: string,
) {
  const res = await app.inject({
    method,
    url,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(contentType
        ? { 'content-type': contentType }
        : payload !== undefined
          ? { 'content-type': 'application/json' }
          : {}),
    },
    payload: Buffer.isBuffer(payload)
      ? payload
      : payload === undefined
        ? undefined
        : JSON.stringify(payload),
  });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** An open edition (no per-unit cap, so every submission succeeds) and COUNT complete drafts. */
async function prepare(app: NestFastifyApplication): Promise<{ token: string; drafts: string[] }> {
  const admin = (await call(app, 'POST', '/api/auth/login', undefined, ADMIN)).accessToken;
  const source = readFileSync(shippedDefinitionPath('hangzhou-city-craftsman'), 'utf8').replaceAll(
    'perUnitCap: 2',
    'perUnitCap: 1000000',
  );
  const programme = await call(app, 'POST', '/api/programmes', admin, {
    code: 'hangzhou-city-craftsman',
    name: { zh: '杭州工匠', en: 'Hangzhou Craftsman' },
  });
  await call(app, 'POST', `/api/programmes/${programme.id}/definitions`, admin, { source });
  await call(app, 'POST', `/api/programmes/${programme.id}/definitions/1/publish`, admin, {});
  const edition = await call(app, 'POST', `/api/programmes/${programme.id}/editions`, admin, {
    code: 'bench',
    title: { zh: '基准', en: 'bench' },
    definitionVersion: 1,
    referenceDate: '2026-06-01',
    nominationWindow: { opensAt: '2020-01-01T00:00:00Z', closesAt: '2099-01-01T00:00:00Z' },
  });
  const me = await call(app, 'GET', '/api/me', admin);
  const union = await call(app, 'POST', '/api/organisations', admin, {
    kind: 'districtUnion',
    name: '区总工会',
    parentId: me.organisationId,
  });
  const enterprise = await call(app, 'POST', '/api/organisations', admin, {
    kind: 'enterprise',
    name: '企业',
    parentId: union.id,
  });
  const invitation = await call(app, 'POST', '/api/invitations', admin, {
    email: 'nominator@bench.test',
    organisationId: enterprise.id,
    roles: ['unitNominator'],
  });
  const inviteToken = new URL(invitation.acceptUrl).searchParams.get('token');
  const { accessToken: token } = await call(
    app,
    'POST',
    '/api/auth/invitations/accept',
    undefined,
    { token: inviteToken, displayName: 'n', password: 'bench-password-123' },
  );
  const drafts: string[] = [];
  for (let i = 0; i < COUNT; i++) {
    const dossier = benchDossier(i);
    const nomination = await call(app, 'POST', `/api/editions/${edition.id}/nominations`, token, {
      channelId: 'unit-nomination',
      dossier,
    });
    await call(
      app,
      'POST',
      `/api/nominations/${nomination.id}/evidence?kind=photo&fileName=p.png`,
      token,
      PNG,
      'application/octet-stream',
    );
    await call(
      app,
      'POST',
      `/api/nominations/${nomination.id}/evidence?kind=approvalForm&fileName=a.pdf`,
      token,
      PDF,
      'application/octet-stream',
    );
    drafts.push(nomination.id);
  }
  return { token, drafts };
}

function benchDossier(i: number): Record<string, unknown> {
  return {
    name: `候选人${i}`,
    idNumber: `3301021980${String(10000000 + i).slice(-8)}`,
    birthDate: '1980-01-01',
    phone: '13800000000',
    employer: '杭州汽轮机股份有限公司',
    district: '拱墅区',
    industrySection: i % 3 === 0 ? 'D' : 'C',
    occupation: '装配钳工',
    skillLevel: 'L1',
    employmentCategory: 'worker',
    unionMember: true,
    inService: true,
    frontLine: true,
    skillStartDate: i % 2 ? '2005-03-01' : '2019-03-01',
    cityStartDate: '2005-03-01',
    willingToMentor: true,
    contests: [{ name: '浙江省职业技能大赛', level: 'provincial', rank: (i % 3) + 1, year: 2023 }],
    innovations: [],
    apprentices: [{ name: '李明', contestWinner: i % 2 === 0, year: 2019 }],
    narrative: '扎根一线二十年。',
  };
}
