import * as fc from 'fast-check';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { RequestPasswordResetUseCase } from '@craftcert/identity';
import { parse } from 'yaml';
import {
  attachRequiredEvidence,
  Cast,
  createCast,
  createStaff,
  FILES,
  hangzhouDossier,
  openEdition,
  shippedSource,
  Staff,
  startTestApp,
  TestApp,
  TestResponse,
} from '@craftcert/testing';
import { AppRoute, appRoutes } from './app-routes';
import { faulty, hostileValue, Pools, Schema, SchemaArbitraries } from './schema-arbitraries';

type Parameter = { name: string; in: string; required?: boolean; schema?: Schema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
};
type Document = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};

/** At least this many requests per run; FUZZ_REQUESTS raises it, FUZZ_SEED replays a run. */
const REQUESTS = Math.max(3000, Number(process.env.FUZZ_REQUESTS ?? 3200));
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

/**
 * Refused requests that write on purpose: a failed sign-in or a wrong current password on a
 * password change is counted (its throttle counters in `sign_in_attempt`) and audited, and a reused
 * refresh token revokes the session family and is audited. Nothing else may leave a row behind.
 */
const SECURITY_EVENTS = [
  'auth.sign-in-failed',
  'auth.sign-in-throttled',
  'auth.refresh-token-reused',
  'user.password-change-failed',
  'user.password-change-throttled',
];
const SECURITY_TABLES = ['sign_in_attempt'];
/**
 * Tables only the notification workers write, from events committed earlier (a request writes
 * its events to `outbox_event`, which is watched): their rows land while any request runs.
 */
const BACKGROUND_TABLES = ['inbox_notification', 'notification_delivery'];

const DEFINITIONS = [
  'hangzhou-city-craftsman',
  'district-craftsman-triennial',
  'team-vanguard',
  'innovation-studio',
] as const;

const ANONYMOUS = 'anonymous';
const FORGED = 'forged';

interface Case {
  caller: string;
  path: Record<string, string>;
  query: [string, string][];
  body: { contentType?: string; payload?: string | Buffer } | undefined;
}

interface Finding {
  request: string;
  caller: string;
  status: number;
  problem: string;
  payload?: string;
  response: string;
}

/** Encodes a path or query value, sending a lone surrogate as the bytes a client would. */
function encode(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    out += code >= 0xd800 && code <= 0xdfff ? '%ED%A0%80' : encodeURIComponent(char);
  }
  return out;
}

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '';
  return JSON.stringify(value) ?? '';
}

/** Query pairs from a (possibly faulty) query object: arrays repeat the name. */
function queryPairs(value: unknown): [string, string][] {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return [['q', asText(value).slice(0, 20_000)]];
  return Object.entries(value).flatMap(([name, v]) =>
    Array.isArray(v)
      ? v.map((item): [string, string] => [name, asText(item)])
      : [[name, asText(v).slice(0, 20_000)]],
  );
}

/** Percent-sequences and path tricks that are not the encoding of any value. */
const RAW_SEGMENTS = ['%zz', '%', '..', '%2e%2e', '%ff%fe', 'a%00b', '%ED%A0%80', '%C0%AF', '.'];

const MALFORMED_JSON = [
  '{"a":',
  '',
  'null',
  '[1,2',
  '"text"',
  '{"a":1}}',
  '\u0000',
  '{"a":1,"a":2}',
];

describe('the API under generated hostile and well-shaped input', () => {
  let t: TestApp;
  let doc: Document;
  let routes: Map<string, AppRoute>;
  let cast: Cast;
  let sessionUser: Staff;
  let dataSource: DataSource;
  let takeWrites: () => Promise<string[]>;
  let releaseClient: (() => void) | undefined;
  const tokens = new Map<string, string[]>();
  let pools: Pools;
  const binaries: Buffer[] = [];
  let sessionToken: string | undefined;
  let sessionEnded = false;
  let signOuts = 0;

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
    const { programmeId, editionId } = await openEdition(t);
    const nominator = cast.staff.unitNominator.token;
    const draft = async (name: string, idNumber: string) => {
      const res = await t.request({
        method: 'POST',
        url: `/api/editions/${editionId}/nominations`,
        token: nominator,
        payload: { channelId: 'unit-nomination', dossier: hangzhouDossier({ name, idNumber }) },
      });
      if (res.statusCode !== 201) throw new Error(`draft: ${res.body}`);
      return res.json<{ id: string }>().id;
    };
    const draftId = await draft('王建国', '33010219800101123X');
    const submittedId = await draft('李明', '330102198502021233');
    await attachRequiredEvidence(t, nominator, submittedId);
    const submit = await t.request({
      method: 'POST',
      url: `/api/nominations/${submittedId}/submit`,
      token: nominator,
    });
    if (submit.statusCode !== 200) throw new Error(`submit: ${submit.body}`);
    const files = (
      await t.request({ url: `/api/nominations/${submittedId}/evidence`, token: nominator })
    ).json<{ id: string }[]>();
    const template = await t.request({
      url: `/api/editions/${editionId}/nominations/template.xlsx`,
      token: nominator,
    });
    binaries.push(FILES.png(), FILES.pdf(), FILES.jpeg(), template.rawPayload);
    // Signing out ends a session: that route gets a session of its own each time.
    sessionUser = await createStaff(t, cast.enterpriseId, ['unitNominator']);

    for (const staff of Object.values(cast.staff)) {
      const me = (await t.request({ url: '/api/me', token: staff.token })).json<{
        roles: string[];
      }>();
      for (const role of me.roles) tokens.set(role, [...(tokens.get(role) ?? []), staff.token]);
    }
    const organisationIds = [
      cast.secretariatId,
      cast.districtUnionId,
      cast.enterpriseId,
      cast.otherEnterpriseId,
      cast.farEnterpriseId,
      cast.departmentId,
      cast.expertPanelId,
    ];
    pools = {
      programmeId: [programmeId],
      editionId: [editionId],
      nominationId: [draftId, submittedId],
      fileId: files.map((f) => f.id),
      endorsementId: ['unit-notice', 'unit-seal', 'no-such-endorsement'],
      startsOn: ['2025-09-26', '2026-02-30'],
      meetingOn: ['2025-09-20', '2099-01-01'],
      evidenceId: files.map((f) => f.id),
      organisationId: organisationIds,
      parentId: organisationIds,
      version: ['1', '2'],
      toVersion: [1, 2],
      from: ['1'],
      to: ['1', '2'],
      year: ['2026', '2027', '2031'],
      date: ['2026-10-01', '2027-01-04', '2026-02-30'],
      start: ['2025-09-26', '2026-10-01'],
      channelId: ['unit-nomination', 'recommendation', 'self-nomination'],
      email: Object.values(cast.staff).map((s) => s.email),
      kind: ['photo', 'approvalForm', 'dayOff', 'workingDay', 'enterprise'],
      fileName: ['photo.png', '审批表.pdf'],
      order: [[draftId, submittedId], [submittedId]],
      referenceDate: ['2026-06-01'],
      // Real definitions, so that faults inside them reach the definition compiler.
      source: DEFINITIONS.map((name) => shippedSource(name)),
      document: DEFINITIONS.map((name) => parse(shippedSource(name)) as unknown),
      actorId: [cast.staff.secretariatAdmin.userId],
      '@object': [
        hangzhouDossier(),
        hangzhouDossier({ name: '张三', idNumber: '330102199003031239' }),
      ],
    };

    const res = await t.request({ url: '/api/docs-json' });
    doc = res.json<Document>();
    routes = new Map(appRoutes(t.app).map((r) => [`${r.method} ${r.openApiPath}`, r]));

    // Every committed insert or delete in the application's tables leaves a note (a rolled-back
    // transaction takes its notes with it); after each request the notes are taken and cleared.
    dataSource = t.app.get(DataSource);
    const tables = (
      await dataSource.query<{ name: string }[]>(
        `SELECT table_name AS name FROM information_schema.tables
          WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
      )
    ).map((r) => r.name);
    await dataSource.query(`
      CREATE TABLE fuzz_write (table_name text NOT NULL, op text NOT NULL, action text);
      CREATE FUNCTION fuzz_note_write() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO fuzz_write VALUES (TG_TABLE_NAME, TG_OP, to_jsonb(COALESCE(NEW, OLD))->>'action');
        RETURN NULL;
      END $$;
      ${tables
        .map(
          (name) => `CREATE TRIGGER fuzz_note_write AFTER INSERT OR DELETE ON "${name}"
                     FOR EACH ROW EXECUTE FUNCTION fuzz_note_write();`,
        )
        .join('\n')}`);
    // One prepared statement on one connection: it runs after every request.
    const pool = (dataSource.driver as unknown as { master: Pool }).master;
    const client = await pool.connect();
    releaseClient = () => client.release();
    takeWrites = async () => {
      const { rows } = await client.query<{ table_name: string; op: string; action: string }>({
        name: 'fuzz-take-writes',
        text: 'DELETE FROM fuzz_write RETURNING table_name, op, action',
      });
      const counts = new Map<string, number>();
      for (const row of rows) {
        if (row.table_name === 'audit_record' && SECURITY_EVENTS.includes(row.action)) continue;
        if (SECURITY_TABLES.includes(row.table_name) && row.op === 'INSERT') continue;
        if (BACKGROUND_TABLES.includes(row.table_name)) continue;
        const what = `${row.op.toLowerCase()} ${row.table_name}`;
        counts.set(what, (counts.get(what) ?? 0) + 1);
      }
      return [...counts.entries()].map(([what, n]) => `${what} ×${n}`);
    };
  });
  afterAll(async () => {
    releaseClient?.();
    await t?.close();
  });

  function operationCases(key: string, op: Operation, arbitraries: SchemaArbitraries) {
    const route = routes.get(key)!;
    const roles = [...tokens.keys()];
    const allowed =
      route.access.kind === 'roles'
        ? route.access.roles.filter((r) => tokens.has(r))
        : route.access.kind === 'authenticated'
          ? roles
          : [ANONYMOUS];
    const caller = fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...allowed) },
      { weight: 2, arbitrary: fc.constantFrom(...roles, ANONYMOUS, FORGED) },
    );
    const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path');
    const queryParams = (op.parameters ?? []).filter((p) => p.in === 'query');
    const shapedPathValue = (p: Parameter) =>
      arbitraries.shaped(arbitraries.resolve(p.schema), p.name).map((v) => encode(asText(v)));
    const path = fc.record(Object.fromEntries(pathParams.map((p) => [p.name, shapedPathValue(p)])));
    // One parameter wrong: a hostile value, or a percent-sequence that encodes nothing.
    const faultyPath =
      pathParams.length === 0
        ? path
        : fc
            .tuple(path, fc.constantFrom(...pathParams.map((p) => p.name)))
            .chain(([values, name]) =>
              fc
                .oneof(
                  {
                    weight: 4,
                    arbitrary: hostileValue.map((v) => encode(asText(v).slice(0, 5000))),
                  },
                  { weight: 1, arbitrary: fc.constantFrom(...RAW_SEGMENTS) },
                )
                .map((bad) => ({ ...values, [name]: bad })),
            );
    const query = fc.record(
      Object.fromEntries(
        queryParams.map((p) => [p.name, arbitraries.shaped(arbitraries.resolve(p.schema), p.name)]),
      ),
      { requiredKeys: queryParams.filter((p) => p.required).map((p) => p.name) },
    );
    const content = Object.entries(op.requestBody?.content ?? {});
    const json = content.find(([type]) => type === 'application/json');
    const binary = content.find(([type]) => type !== 'application/json');
    const asJson = (v: unknown) => ({
      contentType: 'application/json',
      payload: JSON.stringify(v) ?? 'null',
    });
    const malformed = fc
      .constantFrom(...MALFORMED_JSON)
      .map((payload) => ({ contentType: 'application/json', payload }));
    let body: fc.Arbitrary<Case['body']>;
    let faultyBody: fc.Arbitrary<Case['body']>;
    if (json) {
      const shaped = arbitraries.shaped(arbitraries.resolve(json[1].schema));
      body = shaped.map(asJson);
      faultyBody = fc.oneof(
        { weight: 12, arbitrary: faulty(shaped).map(asJson) },
        { weight: 1, arbitrary: malformed },
        { weight: 1, arbitrary: fc.constant(undefined) },
      );
    } else if (binary) {
      body = fc.constantFrom(...binaries).map((payload) => ({ contentType: binary[0], payload }));
      faultyBody = fc.oneof(
        {
          weight: 3,
          arbitrary: fc
            .uint8Array({ maxLength: 4000 })
            .map((bytes) => ({ contentType: binary[0], payload: Buffer.from(bytes) })),
        },
        { weight: 1, arbitrary: hostileValue.map(asJson) },
        { weight: 1, arbitrary: fc.constant(undefined) },
      );
    } else {
      body = fc.constant(undefined);
      faultyBody = fc.oneof(hostileValue.map(asJson), malformed);
    }
    const shapedQuery = query.map(queryPairs);
    const faultyQuery = faulty(query).map(queryPairs);
    // Well-shaped requests, and requests with one part at fault, so each fault meets the code
    // behind validation that a request with several faults would never reach.
    const kinds: fc.WeightedArbitrary<Case>[] = [
      { weight: 3, arbitrary: fc.record<Case>({ caller, path, query: shapedQuery, body }) },
      {
        weight: json ? 6 : binary ? 2 : 1,
        arbitrary: fc.record<Case>({ caller, path, query: shapedQuery, body: faultyBody }),
      },
    ];
    if (pathParams.length > 0)
      kinds.push({
        weight: 1,
        arbitrary: fc.record<Case>({ caller, path: faultyPath, query: shapedQuery, body }),
      });
    if (queryParams.length > 0)
      kinds.push({
        weight: 2,
        arbitrary: fc.record<Case>({ caller, path, query: faultyQuery, body }),
      });
    return fc.oneof(...kinds);
  }

  async function callerToken(caller: string, route: AppRoute): Promise<string | undefined> {
    if (caller === ANONYMOUS) return undefined;
    if (caller === FORGED) return 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    if (route.handler === 'AuthController.logout') {
      // A few real sign-outs; after that the signed-out session's token keeps being tried.
      if (!sessionToken || (sessionEnded && signOuts < 3)) {
        sessionToken = await t.login(sessionUser.email, sessionUser.password);
        sessionEnded = false;
      }
      return sessionToken;
    }
    const candidates = tokens.get(caller)!;
    return candidates[Math.floor(Math.random() * candidates.length)];
  }

  it('never answers 5xx and never writes a row for a refused request', async () => {
    const arbitraries = new SchemaArbitraries(doc.components.schemas, pools);
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ path, method, op })),
    );
    // Operations with more input to get wrong get more requests.
    const weight = ({ op }: (typeof operations)[number]) =>
      6 +
      (op.requestBody ? 30 : 0) +
      6 * (op.parameters ?? []).filter((p) => p.in === 'query').length +
      3 * (op.parameters ?? []).filter((p) => p.in === 'path').length;
    const totalWeight = operations.reduce((sum, o) => sum + weight(o), 0);
    const findings: Finding[] = [];
    const statuses = new Map<number, number>();
    const accepted = new Set<string>();
    const writers = new Set<string>();
    let sent = 0;
    await takeWrites();

    for (const [index, { path, method, op }] of operations.entries()) {
      const key = `${method} ${path}`;
      const route = routes.get(key);
      if (!route) throw new Error(`${key} is documented but not served`);
      const cases = fc.sample(operationCases(key, op, arbitraries), {
        seed: SEED + index,
        numRuns: Math.ceil((REQUESTS * weight(operations[index])) / totalWeight),
      });
      for (const c of cases) {
        const url =
          path.replace(/\{(\w+)\}/g, (_, name: string) => c.path[name]) +
          (c.query.length
            ? `?${c.query.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')}`
            : '');
        const headers: Record<string, string> = {};
        if (c.body?.contentType) headers['content-type'] = c.body.contentType;
        const token = await callerToken(c.caller, route);
        if (route.handler === 'AuthController.logout') await takeWrites(); // its own sign-in
        const res: TestResponse = await t.request({
          method: method.toUpperCase() as 'GET',
          url,
          payload: c.body?.payload,
          headers,
          token,
          remoteAddress: `10.${(sent >> 16) & 255}.${(sent >> 8) & 255}.${sent & 255}`,
        });
        sent++;
        // A reset link is issued just after the answer: count its rows with this request.
        if (route.handler === 'AuthController.requestPasswordReset') {
          await t.app.get(RequestPasswordResetUseCase).settled();
        }
        if (route.handler === 'AuthController.logout' && res.statusCode === 204) {
          sessionEnded = true;
          signOuts++;
        }
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        const written = await takeWrites();
        let problem: string | undefined;
        if (res.statusCode >= 500) problem = `answered ${res.statusCode}`;
        else if (
          res.statusCode === 400 &&
          res.body.includes('A value in the request is not acceptable')
        )
          // The database refused what validation let through: the caller is not told which field.
          problem = 'refused by the database, not by validation naming the field';
        else if (res.statusCode >= 400 && written.length > 0)
          problem = `refused, yet wrote: ${written.join(', ')}`;
        else if (res.statusCode < 300) {
          accepted.add(key);
          if (written.length > 0) writers.add(key);
        }
        if (problem) {
          findings.push({
            request: `${method.toUpperCase()} ${url.slice(0, 300)}`,
            caller: c.caller,
            status: res.statusCode,
            problem,
            payload: c.body?.payload?.toString().slice(0, 300),
            response: res.body.slice(0, 300),
          });
        }
      }
    }

    const summary = [...statuses.entries()]
      .toSorted(([a], [b]) => a - b)
      .map(([status, n]) => `${status}×${n}`)
      .join(' ');
    console.log(
      `OpenAPI fuzz: sent ${sent} requests over ${operations.length} operations ` +
        `(seed ${SEED}; replay with FUZZ_SEED=${SEED}); statuses ${summary}; ` +
        `${accepted.size} operations accepted at least one request, ${writers.size} of them wrote`,
    );
    expect(findings.slice(0, 20)).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(2000);
    // The generated input reaches the handlers, not only the guards and validation, and the
    // write notes see what accepted requests write (so their silence on refusals means something).
    expect(accepted.size).toBeGreaterThanOrEqual(operations.length / 2);
    expect(writers.size).toBeGreaterThanOrEqual(10);
    // Nobody's session was lost along the way: the callers stayed signed in throughout.
    for (const token of [...tokens.values()].flat()) {
      expect((await t.request({ url: '/api/me', token })).statusCode).toBe(200);
    }
  }, 300_000);
});
