// Dossier submission through HTTP — the hot write of nomination season: validation,
// decryption, eligibility, caps, duplicates, history, outbox and audit in one transaction —
// against a minimal insert of the same nomination row through a data source on the same
// database, and with eight submitters at once against one. Writers must not wait for each
// other: the audit chain is linked after commit, not under a lock held through it.
import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { idNumberCheckCharacter, shippedDefinitionPath } from '@craftcert/pipeline';
import { createDataSource } from '@craftcert/platform';
import { catalogue } from '@craftcert/migrations';
import { openBenchDatabase } from './bench-database';
import { alternate, Benchmark, compare } from './harness';
import { benchTempDir, removeDir } from './leftovers';
import { postJson, ServerProcess, startApiServer } from './server-process';

const ROUNDS = 5;
const WARMUP = 1;
// Submissions per sample: one submitter, then eight at once (each draft is submitted once);
// both multiples of CONCURRENCY, so every unit has exactly the drafts it needs.
const ONE = 32;
const EIGHT = 120;
const CONCURRENCY = 8;
const DRAFTS = (WARMUP + ROUNDS) * (ONE + EIGHT);
const NOMINATION = 'nomination';
const ADMIN = { email: 'bench@craftcert.test', password: 'bench-password-123' };
const PII_KEY = 'YmVuY2gta2V5LWJlbmNoLWtleS1iZW5jaC1rZXktMTI=';
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64),
]);
const PDF = Buffer.from('%PDF-1.7\n%bench\n');

export const benchmark: Benchmark = {
  name: 'submission',
  async run() {
    const db = await openBenchDatabase();
    const dataDir = await benchTempDir();
    let server: ServerProcess | undefined;
    let dataSource: DataSource | undefined;
    try {
      server = await startApiServer({
        DATABASE_URL: db.url,
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        PII_ENCRYPTION_KEY: PII_KEY,
        DATA_DIR: dataDir,
      });
      const units = await prepare(server.url);
      dataSource = await createDataSource(db.url, catalogue).initialize();
      const ds = dataSource;
      // The nomination table by name: the context exports use cases, not its entities.
      const template = await ds.manager.findOneByOrFail<Record<string, unknown>>(NOMINATION, {
        id: units[0].drafts[0],
      });
      const { id: _id, revision: _r, createdAt: _c, updatedAt: _u, ...row } = template;

      const url = server.url;
      // One submitter: `count` drafts in turn from every unit. Eight: one per unit, at once.
      const one = (count: number) =>
        perSecond(count, async () => {
          for (let i = 0; i < count; i++) {
            const unit = units[i % units.length];
            await submit(url, unit.token, unit.drafts.pop()!);
          }
        });
      const eight = (count: number) =>
        perSecond(count, () =>
          Promise.all(
            units.map(async (unit) => {
              for (let i = 0; i < count / units.length; i++)
                await submit(url, unit.token, unit.drafts.pop()!);
            }),
          ),
        );
      const s = await alternate(
        {
          one: () => one(ONE),
          eight: () => eight(EIGHT),
          insert: () =>
            perSecond(ONE, async () => {
              for (let i = 0; i < ONE; i++)
                await ds.manager.insert(NOMINATION, { ...row, flags: {} } as never);
            }),
        },
        { rounds: ROUNDS, warmup: WARMUP },
      );
      const [{ submitted }] = await ds.query<{ submitted: number }[]>(
        `SELECT count(*)::int AS submitted FROM nomination WHERE status <> 'draft'`,
      );
      if (submitted !== DRAFTS) throw new Error(`${submitted} of ${DRAFTS} drafts were submitted`);
      return [
        compare({
          name: 'submission.http',
          description:
            'dossier submissions/s through HTTP, one submitter, vs a minimal insert of the same nomination row through a data source on the same database',
          unit: 'ops/s',
          subject: s.one,
          baseline: s.insert,
          goal: { ratio: { atLeast: 0.3 } },
        }),
        compare({
          name: 'submission.http.concurrent',
          description: `dossier submissions/s through HTTP, ${CONCURRENCY} submitters at once vs one`,
          unit: 'ops/s',
          subject: s.eight,
          baseline: s.one,
          goal: { ratio: { atLeast: 2 } },
        }),
      ];
    } finally {
      await dataSource?.destroy();
      await server?.stop();
      await db.close();
      await removeDir(dataDir);
    }
  },
};

async function perSecond(count: number, work: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return count / (Number(process.hrtime.bigint() - started) / 1e9);
}

/** Submits one draft and checks the answer is the submitted nomination. */
async function submit(url: string, token: string, id: string): Promise<void> {
  const res = await fetch(`${url}/api/nominations/${id}/submit`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await res.json()) as { id?: string; status?: string };
  if (res.status !== 200 || body.id !== id || body.status !== 'submitted') {
    throw new Error(`submit ${id}: ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
  }
}

async function upload(url: string, path: string, token: string, body: Buffer): Promise<void> {
  const res = await fetch(url + path, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
    body,
  });
  if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
}

const ENDORSEMENTS: [string, unknown][] = [
  ['unit-notice', { startsOn: '2025-09-26' }],
  ['unit-seal', {}],
];

async function send(url: string, method: string, path: string, token: string, body: unknown) {
  const res = await fetch(url + path, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
}

interface Unit {
  token: string;
  drafts: string[];
}

/**
 * An open edition (with a cap no unit reaches, so every submission succeeds and every one takes
 * a place) and DRAFTS complete drafts spread over CONCURRENCY units.
 */
async function prepare(url: string): Promise<Unit[]> {
  const { accessToken: admin } = await postJson<{ accessToken: string }>(
    `${url}/api/auth/login`,
    ADMIN,
  );
  const auth = { authorization: `Bearer ${admin}` };
  const source = readFileSync(shippedDefinitionPath('hangzhou-city-craftsman'), 'utf8').replaceAll(
    'perUnitCap: 2',
    'perUnitCap: 1000000',
  );
  const programme = await postJson<{ id: string }>(
    `${url}/api/programmes`,
    { code: 'hangzhou-city-craftsman', name: { zh: '杭州工匠', en: 'Hangzhou Craftsman' } },
    auth,
  );
  await postJson(`${url}/api/programmes/${programme.id}/definitions`, { source }, auth);
  await postJson(`${url}/api/programmes/${programme.id}/definitions/1/publish`, {}, auth);
  const edition = await postJson<{ id: string }>(
    `${url}/api/programmes/${programme.id}/editions`,
    {
      code: 'bench',
      title: { zh: '基准', en: 'bench' },
      definitionVersion: 1,
      referenceDate: '2026-06-01',
      nominationWindow: { opensAt: '2020-01-01T00:00:00Z', closesAt: '2099-01-01T00:00:00Z' },
    },
    auth,
  );
  const me = (await (await fetch(`${url}/api/me`, { headers: auth })).json()) as {
    organisationId: string;
  };
  const union = await postJson<{ id: string }>(
    `${url}/api/organisations`,
    { kind: 'districtUnion', name: '区总工会', parentId: me.organisationId },
    auth,
  );
  // One enterprise per submitter: each unit's places are counted on its own row, so eight
  // submitters from eight units never queue behind one counter (as they would in one unit).
  const units: Unit[] = [];
  for (let u = 0; u < CONCURRENCY; u++) {
    const enterprise = await postJson<{ id: string }>(
      `${url}/api/organisations`,
      { kind: 'enterprise', name: `企业${u}`, parentId: union.id },
      auth,
    );
    const invitation = await postJson<{ acceptUrl: string }>(
      `${url}/api/invitations`,
      {
        email: `nominator${u}@bench.test`,
        organisationId: enterprise.id,
        roles: ['unitNominator'],
      },
      auth,
    );
    const { accessToken } = await postJson<{ accessToken: string }>(
      `${url}/api/auth/invitations/accept`,
      {
        token: new URL(invitation.acceptUrl).searchParams.get('token'),
        displayName: `n${u}`,
        password: 'bench-password-123',
      },
    );
    units.push({ token: accessToken, drafts: [] });
  }
  const draft = async (i: number) => {
    const unit = units[i % CONCURRENCY];
    const { id } = await postJson<{ id: string }>(
      `${url}/api/editions/${edition.id}/nominations`,
      { channelId: 'unit-nomination', dossier: benchDossier(i) },
      { authorization: `Bearer ${unit.token}` },
    );
    await upload(url, `/api/nominations/${id}/evidence?kind=photo&fileName=p.png`, unit.token, PNG);
    await upload(
      url,
      `/api/nominations/${id}/evidence?kind=approvalForm&fileName=a.pdf`,
      unit.token,
      PDF,
    );
    // The channel's endorsements: an in-unit notice that has ended, and the unit's seal.
    for (const [endorsement, body] of ENDORSEMENTS) {
      await send(
        url,
        'PUT',
        `/api/nominations/${id}/endorsements/${endorsement}`,
        unit.token,
        body,
      );
    }
    unit.drafts.push(id);
  };
  for (let i = 0; i < DRAFTS; i += CONCURRENCY) {
    await Promise.all(
      Array.from({ length: Math.min(CONCURRENCY, DRAFTS - i) }, (_, j) => draft(i + j)),
    );
  }
  return units;
}

/** A valid resident ID number per serial (born i / 1000 days after 1970-01-01). */
function benchIdNumber(i: number): string {
  const birth = new Date(Date.UTC(1970, 0, 1) + Math.floor(i / 1000) * 86_400_000);
  const body = `330102${birth.toISOString().slice(0, 10).replaceAll('-', '')}${String(i % 1000).padStart(3, '0')}`;
  return body + idNumberCheckCharacter(body);
}

function benchDossier(i: number): Record<string, unknown> {
  return {
    name: `候选人${i}`,
    idNumber: benchIdNumber(i),
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
