import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AuditChainer, AuditLog, auditHash, verifyAuditChain } from '@craftcert/audit';
import { createDataSource, RequestContext } from '@craftcert/platform';
import { catalogue } from '@craftcert/migrations';
import { createTestDatabase, TestDatabase } from '@craftcert/testing';

const ROOT = resolve(__dirname, '../..');
// Several tests spawn the CLI (a Nest boot each, over a second under load): more than 5 s.
jest.setTimeout(30_000);
const audit = new AuditLog();

interface Chain {
  database: TestDatabase;
  dataSource: DataSource;
  close(): Promise<void>;
}

/** A private migrated database holding `records` chained audit records. */
async function chainOf(records: number): Promise<Chain> {
  const database = await createTestDatabase();
  const dataSource = await createDataSource(database.url, catalogue).initialize();
  for (let i = 1; i <= records; i++) {
    await audit.recordStandalone(dataSource, {
      action: 'test.recorded',
      subjectType: 'widget',
      subjectId: `w-${i}`,
      after: { n: i, nested: { b: 2, a: 1 } },
    });
  }
  await linked(dataSource);
  return {
    database,
    dataSource,
    close: async () => {
      await AuditChainer.of(dataSource).stop();
      await dataSource.destroy();
      await database.drop();
    },
  };
}

/** Runs SQL as the superuser with triggers off, as someone tampering with the table would. */
async function tamper(url: string, sql: string, params: unknown[] = []): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SET session_replication_role = replica');
    await client.query(sql, params);
  } finally {
    await client.end();
  }
}

/** Waits for the chainer's pass started by the last commit. */
async function linked(dataSource: DataSource): Promise<void> {
  await AuditChainer.of(dataSource).idle();
}

async function recordAt(
  dataSource: DataSource,
  position: number,
): Promise<{ seq: string; id: string }> {
  const [row] = (await dataSource.query('SELECT seq, id FROM audit_record WHERE position = $1', [
    position,
  ])) as { seq: string; id: string }[];
  return row;
}

// The CLI's data directory (where checkpoints would be): empty, so none are compared here.
let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'craftcert-audit-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

async function cli(databaseUrl: string, args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['dist/apps/cli/src/main.js', ...args],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          LOG_LEVEL: 'warn',
          DATA_DIR: dataDir,
        },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const cliVerify = (databaseUrl: string) => cli(databaseUrl, ['audit:verify']);

describe('audit trail: hash chain', () => {
  let chain: Chain;
  beforeAll(async () => {
    chain = await chainOf(3);
  });
  afterAll(() => chain.close());

  const count = async () =>
    Number(
      (
        (await chain.dataSource.query('SELECT count(*) AS n FROM audit_record')) as { n: string }[]
      )[0].n,
    );

  it('links each record to the previous one right after commit, and verifies', async () => {
    const rows = (await chain.dataSource.query(
      'SELECT seq, position, prev_hash, hash FROM audit_record ORDER BY position',
    )) as { seq: string; position: string; prev_hash: string; hash: string }[];
    expect(rows.map((r) => r.position)).toEqual(['1', '2', '3']);
    expect(rows[0].prev_hash).toBe('0'.repeat(64));
    expect(rows[1].prev_hash).toBe(rows[0].hash);
    expect(rows[2].prev_hash).toBe(rows[1].hash);
    expect(await verifyAuditChain(chain.dataSource)).toMatchObject({
      ok: true,
      count: 3,
      unlinked: { count: 0 },
    });
  });

  it('keeps one unbroken chain when 20 transactions append at once', async () => {
    const before = await count();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        chain.dataSource.transaction(async (tx) => {
          await tx.query('SELECT pg_sleep(0.01)');
          await audit.record(tx, {
            action: 'test.concurrent',
            subjectType: 'widget',
            after: { i },
          });
        }),
      ),
    );
    await linked(chain.dataSource);
    expect(await count()).toBe(before + 20);
    expect(await verifyAuditChain(chain.dataSource)).toMatchObject({
      ok: true,
      count: before + 20,
    });
  });

  it('lets writers commit without waiting for each other, and links a late commit after an earlier one', async () => {
    const before = await count();
    let releaseFirst!: () => void;
    const firstMayCommit = new Promise<void>((r) => (releaseFirst = r));
    let recorded!: (seq: string) => void;
    const firstRecorded = new Promise<string>((r) => (recorded = r));
    const first = chain.dataSource.transaction(async (tx) => {
      recorded((await audit.record(tx, { action: 'test.slow', subjectType: 'widget' })).seq);
      await firstMayCommit;
    });
    // The first writer holds its transaction open: the second commits all the same.
    const firstSeq = await firstRecorded;
    const second = await audit.recordStandalone(chain.dataSource, {
      action: 'test.fast',
      subjectType: 'widget',
    });
    expect(BigInt(second.seq)).toBeGreaterThan(BigInt(firstSeq));
    await linked(chain.dataSource);
    releaseFirst();
    await first;
    await linked(chain.dataSource);
    const rows = (await chain.dataSource.query(
      'SELECT seq FROM audit_record WHERE position > $1 ORDER BY position',
      [before],
    )) as { seq: string }[];
    expect(rows.map((r) => r.seq)).toEqual([second.seq, firstSeq]);
    expect(await verifyAuditChain(chain.dataSource)).toMatchObject({ ok: true, count: before + 2 });
  });

  it('leaves no record when the transaction rolls back, and no gap in the chain', async () => {
    const before = await count();
    await expect(
      chain.dataSource.transaction(async (tx) => {
        await audit.record(tx, { action: 'test.rolled-back', subjectType: 'widget' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await count()).toBe(before);
    // The rolled-back seq is a gap in seq; positions stay dense.
    const next = await audit.recordStandalone(chain.dataSource, {
      action: 'test.after',
      subjectType: 'widget',
    });
    await linked(chain.dataSource);
    expect(await recordAt(chain.dataSource, before + 1)).toEqual({ seq: next.seq, id: next.id });
    expect(await verifyAuditChain(chain.dataSource)).toMatchObject({ ok: true, count: before + 1 });
  });

  it('reports records not linked yet, and calls them a problem only after the grace period', async () => {
    // A record committed by a process that died before linking it (no chainer ran).
    const [{ seq, id }] = (await chain.dataSource.query(
      `INSERT INTO audit_record (id, occurred_at, action, subject_type, summary)
       VALUES (gen_random_uuid(), now(), 'test.orphan', 'widget', '{}') RETURNING seq, id`,
    )) as { seq: string; id: string }[];
    const total = await count();
    expect(await verifyAuditChain(chain.dataSource)).toMatchObject({
      ok: true,
      count: total - 1,
      unlinked: { count: 1 },
    });
    const later = new Date(Date.now() + 120_000);
    expect(await verifyAuditChain(chain.dataSource, { now: later })).toMatchObject({
      ok: false,
      brokenAt: { seq, id, reason: expect.stringMatching(/still not linked/) },
    });
    // The start-up (or checkpoint) pass links it.
    expect(await AuditChainer.of(chain.dataSource).linkPending()).toBe(1);
    expect(await verifyAuditChain(chain.dataSource, { now: later })).toMatchObject({
      ok: true,
      count: total,
      unlinked: { count: 0 },
    });
  });

  it('refuses to record outside a transaction', async () => {
    await expect(
      audit.record(chain.dataSource.manager, { action: 'test.bare', subjectType: 'widget' }),
    ).rejects.toThrow(/open transaction/);
  });

  it('takes the actor and request id from the request context unless given', async () => {
    const actor = {
      userId: '11111111-1111-4111-8111-111111111111',
      organisationId: '22222222-2222-4222-8222-222222222222',
      roles: ['secretariatAdmin'],
    };
    const fromContext = await RequestContext.run({ requestId: 'req-ctx-1', actor }, () =>
      audit.recordStandalone(chain.dataSource, { action: 'pii.read', subjectType: 'nominee' }),
    );
    const asSystem = await RequestContext.run({ requestId: 'req-ctx-2', actor }, () =>
      audit.recordStandalone(chain.dataSource, {
        action: 'test.system',
        subjectType: 'widget',
        actor: null,
      }),
    );
    const rows = (await chain.dataSource.query(
      'SELECT seq, actor_id, actor_organisation_id, request_id FROM audit_record WHERE seq IN ($1, $2) ORDER BY seq',
      [fromContext.seq, asSystem.seq],
    )) as Record<string, string | null>[];
    expect(rows).toEqual([
      {
        seq: fromContext.seq,
        actor_id: actor.userId,
        actor_organisation_id: actor.organisationId,
        request_id: 'req-ctx-1',
      },
      { seq: asSystem.seq, actor_id: null, actor_organisation_id: null, request_id: 'req-ctx-2' },
    ]);
    await linked(chain.dataSource);
  });

  it.each([
    ['UPDATE', `UPDATE audit_record SET summary = '{}' WHERE position = 1`],
    ['UPDATE', `UPDATE audit_record SET hash = repeat('f', 64) WHERE position = 1`],
    ['DELETE', 'DELETE FROM audit_record WHERE position = 1'],
    ['TRUNCATE', 'TRUNCATE audit_record'],
  ])('has the database refuse %s through the app connection', async (operation, sql) => {
    await expect(chain.dataSource.query(sql)).rejects.toThrow(
      `audit_record is append-only: ${operation} is not allowed`,
    );
    expect(await verifyAuditChain(chain.dataSource)).toMatchObject({ ok: true });
  });

  it('has the database refuse a record written already linked, or altered while being linked', async () => {
    await expect(
      chain.dataSource.query(
        `INSERT INTO audit_record (id, occurred_at, action, subject_type, summary, position, prev_hash, hash)
         VALUES (gen_random_uuid(), now(), 'test.forged', 'widget', '{}', 999, repeat('0', 64), repeat('f', 64))`,
      ),
    ).rejects.toThrow('audit_record is written unlinked');
    await chain.dataSource.transaction(async (tx) => {
      const [{ seq }] = (await tx.query(
        `INSERT INTO audit_record (id, occurred_at, action, subject_type, summary)
         VALUES (gen_random_uuid(), now(), 'test.unlinked', 'widget', '{}') RETURNING seq`,
      )) as { seq: string }[];
      await expect(
        tx.query(
          `UPDATE audit_record SET position = 999, prev_hash = repeat('0', 64), hash = repeat('f', 64),
                  action = 'test.altered' WHERE seq = $1`,
          [seq],
        ),
      ).rejects.toThrow('audit_record is append-only: UPDATE is not allowed');
    });
  });

  it('prints an intact chain from the CLI with exit 0', async () => {
    await AuditChainer.of(chain.dataSource).linkPending();
    const res = await cliVerify(chain.database.url);
    expect(res.stdout).toContain(`Audit chain intact: ${await count()} records`);
    expect(res.code).toBe(0);
  });
});

describe('audit trail: tampering is detected at the first broken record', () => {
  let chain: Chain;
  beforeEach(async () => {
    chain = await chainOf(5);
  });
  afterEach(() => chain.close());

  async function expectBrokenAt(position: number, reason: RegExp): Promise<void> {
    const { seq, id } = await recordAt(chain.dataSource, position);
    const verdict = await verifyAuditChain(chain.dataSource);
    expect(verdict).toMatchObject({
      ok: false,
      brokenAt: { position: String(position), seq, id, reason: expect.stringMatching(reason) },
    });
    const res = await cliVerify(chain.database.url);
    expect(res.stderr).toContain(
      `Audit chain broken at record position=${position} seq=${seq} id=${id}:`,
    );
    expect(res.stderr).toMatch(reason);
    expect(res.code).toBe(1);
  }

  it('finds a record whose summary was changed', async () => {
    await tamper(
      chain.database.url,
      `UPDATE audit_record SET summary = '{"after": {"n": 99}}' WHERE position = 3`,
    );
    await expectBrokenAt(3, /altered/);
  });

  it('finds the record after a deleted one', async () => {
    await tamper(chain.database.url, 'DELETE FROM audit_record WHERE position = 3');
    await expectBrokenAt(4, /position 4 follows position 2: records are missing/);
  });

  it('finds the successor of a record that was changed and re-hashed', async () => {
    const [row] = (await chain.dataSource.query(
      'SELECT seq, id, occurred_at, action, subject_type, subject_id, prev_hash FROM audit_record WHERE position = 3',
    )) as {
      seq: string;
      id: string;
      occurred_at: Date;
      action: string;
      subject_type: string;
      subject_id: string;
      prev_hash: string;
    }[];
    const forged = { after: { n: 99 } };
    const hash = auditHash(row.prev_hash, {
      seq: row.seq,
      id: row.id,
      occurredAt: row.occurred_at.toISOString(),
      actorId: null,
      actorOrganisationId: null,
      action: row.action,
      subjectType: row.subject_type,
      subjectId: row.subject_id,
      summary: forged,
      requestId: null,
    });
    await tamper(
      chain.database.url,
      'UPDATE audit_record SET summary = $1, hash = $2 WHERE position = 3',
      [JSON.stringify(forged), hash],
    );
    await expectBrokenAt(4, /prev_hash does not match the hash of the record at position 3/);
  });
});
