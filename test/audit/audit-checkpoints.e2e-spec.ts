import { execFile } from 'node:child_process';
import { createPublicKey } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import {
  AuditChainer,
  AuditCheckpointStore,
  auditHash,
  AuditLog,
  CheckpointAuditChainUseCase,
  readCheckpointLog,
  verifyAuditChain,
} from '@craftcert/audit';
import { createDataSource, JobName, JobQueue, QueueName } from '@craftcert/platform';
import { catalogue } from '@craftcert/migrations';
import { createTestDatabase, startTestApp, TestDatabase, waitFor } from '@craftcert/testing';

const ROOT = resolve(__dirname, '../..');
// Several tests spawn the CLI (a Nest boot each, over a second under load): more than 5 s.
jest.setTimeout(60_000);
const audit = new AuditLog();

interface Trail {
  database: TestDatabase;
  dataSource: DataSource;
  /** The data directory: checkpoint key and log at their default places. */
  dir: string;
  store: AuditCheckpointStore;
  checkpoint: CheckpointAuditChainUseCase;
  append(n: number): Promise<void>;
  close(): Promise<void>;
}

async function trail(): Promise<Trail> {
  const database = await createTestDatabase();
  const dataSource = await createDataSource(database.url, catalogue).initialize();
  const dir = await mkdtemp(join(tmpdir(), 'craftcert-checkpoints-'));
  const store = new AuditCheckpointStore({
    keyFile: join(dir, 'audit-checkpoint.key'),
    logFile: join(dir, 'audit-checkpoints.jsonl'),
  });
  let n = 0;
  return {
    database,
    dataSource,
    dir,
    store,
    checkpoint: new CheckpointAuditChainUseCase(dataSource, store),
    append: async (count) => {
      for (let i = 0; i < count; i++) {
        n++;
        await audit.recordStandalone(dataSource, {
          action: 'test.recorded',
          subjectType: 'widget',
          subjectId: `w-${n}`,
          after: { n },
        });
      }
      await AuditChainer.of(dataSource).idle();
    },
    close: async () => {
      await AuditChainer.of(dataSource).stop();
      await dataSource.destroy();
      await database.drop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** As the superuser with triggers off, as someone tampering with the table would. */
async function asSuperuser(url: string, work: (client: Client) => Promise<void>): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SET session_replication_role = replica');
    await work(client);
  } finally {
    await client.end();
  }
}

interface Row {
  seq: string;
  id: string;
  occurred_at: Date;
  actor_id: string | null;
  actor_organisation_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  summary: { before?: unknown; after?: unknown };
  request_id: string | null;
  position: string;
  prev_hash: string;
}

/** Changes the record at `position` and recomputes every hash from there on: a consistent forgery. */
async function rewriteFrom(t: Trail, position: number): Promise<void> {
  const rows = (await t.dataSource.query(
    'SELECT * FROM audit_record WHERE position >= $1 ORDER BY position',
    [position],
  )) as Row[];
  await asSuperuser(t.database.url, async (client) => {
    let prevHash = rows[0].prev_hash;
    for (const [i, row] of rows.entries()) {
      const summary = i === 0 ? { after: { n: 999 } } : row.summary;
      const hash = auditHash(prevHash, {
        seq: row.seq,
        id: row.id,
        occurredAt: row.occurred_at.toISOString(),
        actorId: row.actor_id,
        actorOrganisationId: row.actor_organisation_id,
        action: row.action,
        subjectType: row.subject_type,
        subjectId: row.subject_id,
        summary,
        requestId: row.request_id,
      });
      await client.query(
        'UPDATE audit_record SET summary = $2, prev_hash = $3, hash = $4 WHERE seq = $1',
        [row.seq, JSON.stringify(summary), prevHash, hash],
      );
      prevHash = hash;
    }
  });
}

async function recordAt(t: Trail, position: number): Promise<{ seq: string; id: string }> {
  const [row] = (await t.dataSource.query('SELECT seq, id FROM audit_record WHERE position = $1', [
    position,
  ])) as { seq: string; id: string }[];
  return row;
}

async function cli(t: Trail, args: string[], dataDir = t.dir) {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['dist/apps/cli/src/main.js', ...args],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: t.database.url, LOG_LEVEL: 'warn', DATA_DIR: dataDir },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function checkpointsOf(t: Trail) {
  return readCheckpointLog(t.store.readLog(), t.store.publicKey()!);
}

describe('audit checkpoints: signing the head outside the database', () => {
  let t: Trail;
  beforeEach(async () => {
    t = await trail();
  });
  afterEach(() => t.close());

  it('signs the head with a key file only its owner can read, and appends only when the chain grew', async () => {
    expect(await t.checkpoint.execute()).toEqual({ checkpoint: null, created: false });
    await t.append(3);
    const first = await t.checkpoint.execute();
    expect(first).toMatchObject({
      created: true,
      checkpoint: { position: '3', ...(await recordAt(t, 3)) },
    });
    expect((await stat(t.store.paths.keyFile)).mode & 0o777).toBe(0o600);
    expect(await t.checkpoint.execute()).toEqual({ checkpoint: first.checkpoint, created: false });
    await t.append(2);
    expect(await t.checkpoint.execute()).toMatchObject({
      created: true,
      checkpoint: { position: '5' },
    });
    const { checkpoints, problems } = checkpointsOf(t);
    expect(problems).toEqual([]);
    expect(checkpoints.map((c) => c.position)).toEqual(['3', '5']);
    expect(await verifyAuditChain(t.dataSource, { checkpoints })).toMatchObject({
      ok: true,
      count: 5,
      checkpoints: { total: 2, matched: 2 },
    });
  });

  it('links records left unlinked before signing', async () => {
    await t.append(2);
    await t.dataSource.query(
      `INSERT INTO audit_record (id, occurred_at, action, subject_type, summary)
       VALUES (gen_random_uuid(), now(), 'test.orphan', 'widget', '{}')`,
    );
    expect(await t.checkpoint.execute()).toMatchObject({ checkpoint: { position: '3' } });
  });

  it('reports a chain rewritten with recomputed hashes at the first checkpoint it contradicts, also offline', async () => {
    await t.append(2);
    await t.checkpoint.execute();
    await t.append(3);
    await t.checkpoint.execute();
    await t.append(1);
    await rewriteFrom(t, 3);

    // On its own the forged chain is consistent: only the checkpoints reveal it.
    expect(await verifyAuditChain(t.dataSource)).toMatchObject({ ok: true, count: 6 });
    const { seq, id } = await recordAt(t, 5);
    expect(await verifyAuditChain(t.dataSource, checkpointsOf(t))).toMatchObject({
      ok: false,
      brokenAt: {
        position: '5',
        seq,
        id,
        reason: expect.stringMatching(
          /hash differs from the checkpoint signed at .*: the chain was rewritten at or before this record; it still matched the checkpoint at position 2/,
        ),
      },
    });
    // No new checkpoint vouches for the forgery.
    await expect(t.checkpoint.execute()).rejects.toThrow(
      /disagrees with the checkpoint signed at .*: the record at position 5 no longer has the signed hash/,
    );

    // Offline: from the exported log and public key alone, with no key in the data directory.
    const exported = await mkdtemp(join(tmpdir(), 'craftcert-export-'));
    const elsewhere = await mkdtemp(join(tmpdir(), 'craftcert-elsewhere-'));
    try {
      const exportRun = await cli(t, ['audit:checkpoints:export', exported]);
      expect(exportRun.code).toBe(0);
      const res = await cli(
        t,
        [
          'audit:verify',
          '--checkpoints',
          join(exported, 'audit-checkpoints.jsonl'),
          '--public-key',
          join(exported, 'audit-checkpoint.pub.pem'),
        ],
        elsewhere,
      );
      expect(res.stderr).toContain(`Audit chain broken at record position=5 seq=${seq} id=${id}:`);
      expect(res.stderr).toMatch(/the chain was rewritten at or before this record/);
      expect(res.code).toBe(1);
    } finally {
      await rm(exported, { recursive: true, force: true });
      await rm(elsewhere, { recursive: true, force: true });
    }
  });

  it('reports a deleted tail as missing records, naming the first one', async () => {
    await t.append(5);
    await t.checkpoint.execute();
    const fifth = await recordAt(t, 5);
    await asSuperuser(t.database.url, async (client) => {
      await client.query('DELETE FROM audit_record WHERE position >= 4');
    });

    expect(await verifyAuditChain(t.dataSource)).toMatchObject({ ok: true, count: 3 });
    expect(await verifyAuditChain(t.dataSource, checkpointsOf(t))).toMatchObject({
      ok: false,
      brokenAt: {
        position: '4',
        reason: expect.stringMatching(
          /the record is missing: .* covers the chain up to position 5 .*but the chain ends at position 3: 2 records were removed/,
        ),
      },
    });
    const res = await cli(t, ['audit:verify']);
    expect(res.stderr).toContain('Audit chain broken at record position=4:');
    expect(res.stderr).toContain(`seq=${fifth.seq} id=${fifth.id}`);
    expect(res.code).toBe(1);
  });

  it('reports an edited checkpoint log line, and one signed by another key', async () => {
    await t.append(2);
    await t.checkpoint.execute();
    const line = JSON.parse((await readFile(t.store.paths.logFile, 'utf8')).trim()) as Record<
      string,
      string
    >;
    await writeFile(
      t.store.paths.logFile,
      `${JSON.stringify({ ...line, position: '1' })}\n${JSON.stringify(line)}\n`,
    );
    const res = await cli(t, ['audit:verify']);
    expect(res.stderr).toContain(
      'line 1: the signature does not match the checkpoint: the line was altered',
    );
    expect(res.code).toBe(1);

    const other = new AuditCheckpointStore({
      keyFile: join(t.dir, 'other.key'),
      logFile: t.store.paths.logFile,
    });
    const { problems } = readCheckpointLog(t.store.readLog(), createPublicKey(other.privateKey()));
    expect(problems.map((p) => p.reason)).toEqual([
      expect.stringMatching(/signed by key [0-9a-f]{16}, not by the given public key/),
      expect.stringMatching(/signed by key [0-9a-f]{16}, not by the given public key/),
    ]);
  });

  it('signs from the CLI and verifies against the configured log', async () => {
    await t.append(2);
    const signed = await cli(t, ['audit:checkpoint']);
    expect(signed.stdout).toMatch(/Signed checkpoint at position 2 /);
    expect(signed.code).toBe(0);
    const res = await cli(t, ['audit:verify']);
    expect(res.stdout).toContain('Audit chain intact: 2 records, 1 of 1 checkpoints matched.');
    expect(res.code).toBe(0);
  });
});

describe('audit checkpoints: at an interval in the worker', () => {
  it('declares one job scheduler and signs the head when it runs', async () => {
    const app = await startTestApp({ extra: { AUDIT_CHECKPOINT_INTERVAL_MINUTES: '30' } });
    try {
      const jobs = app.app.get(JobQueue);
      const scheduler = await jobs.queue(QueueName.Audit).getJobScheduler(JobName.AuditCheckpoint);
      expect(scheduler).toMatchObject({ every: 30 * 60_000, name: JobName.AuditCheckpoint });
      // Records from start-up (the administrator) are signed by a checkpoint job.
      await jobs.enqueue(JobName.AuditCheckpoint, {}, { jobId: 'checkpoint-now' });
      const store = AuditCheckpointStore.fromConfig(app.runtime.config);
      const { checkpoints } = await waitFor(
        async () => {
          const read = store.publicKey() && readCheckpointLog(store.readLog(), store.publicKey()!);
          return read && read.checkpoints.length > 0 ? read : undefined;
        },
        { what: 'a checkpoint in the log' },
      );
      const dataSource = app.app.get(DataSource);
      expect(await verifyAuditChain(dataSource, { checkpoints })).toMatchObject({ ok: true });
    } finally {
      await app.close();
    }
  });
});
