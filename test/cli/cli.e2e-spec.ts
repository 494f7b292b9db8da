import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { shippedDefinitionPath } from '@craftcert/pipeline';
import {
  createTestDatabase,
  hangzhouDossier,
  shippedSource,
  TestDatabase,
} from '@craftcert/testing';

const ROOT = resolve(__dirname, '../..');

async function cli(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['dist/apps/cli/src/main.js', ...args],
      {
        cwd: ROOT,
        env: { ...process.env, ...env },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('CLI: pipeline commands (no database needed)', () => {
  let dir: string;
  const city = shippedDefinitionPath('hangzhou-city-craftsman');
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'craftcert-cli-'));
  });

  it('validates a shipped definition with exit 0', async () => {
    const res = await cli(['pipeline:validate', city]);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('definition is valid');
  });

  it('fails a broken definition with exit 1 and the exact paths', async () => {
    const broken = join(dir, 'broken.yaml');
    await writeFile(
      broken,
      shippedSource('hangzhou-city-craftsman').replace('quota: 30', 'quota: 0'),
    );
    const res = await cli(['pipeline:validate', broken]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('/tiers/0/quota');
  });

  it('explains a dossier rule by rule', async () => {
    const dossier = join(dir, 'dossier.json');
    await writeFile(dossier, JSON.stringify(hangzhouDossier({ skillStartDate: '2018-06-01' })));
    const res = await cli([
      'pipeline:explain',
      city,
      dossier,
      '--reference-date',
      '2026-06-01',
      '--lang',
      'en',
    ]);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('hangzhou-city-craftsman v1 @ 2026-06-01: eligible');
    expect(res.stdout).toMatch(/\[years-in-skill\].*waived/);
  });

  it('diffs two definitions', async () => {
    const changed = join(dir, 'changed.yaml');
    await writeFile(
      changed,
      shippedSource('hangzhou-city-craftsman').replace('quota: 30', 'quota: 25'),
    );
    const res = await cli(['pipeline:diff', city, changed]);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('~ /tiers[craftsman]/quota: 30 → 25');
  });
});

describe('CLI: database commands', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ migrated: false });
  });
  afterAll(() => database.drop());

  it('migrates an empty database, then reports it up to date and the queues empty', async () => {
    const env = { DATABASE_URL: database.url, REDIS_URL: '' };
    const first = await cli(['db:migrate'], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Applied \d+ migration/);
    expect((await cli(['db:migrate'], env)).stdout).toContain('Database is up to date.');
    expect((await cli(['db:generate', 'Nothing'], env)).stdout).toContain('nothing to generate');
    const status = await cli(['queues:status'], env);
    expect(status.stdout).toContain('backend: bullmq-postgres');
    expect(status.stdout).toMatch(/system: waiting=0/);
  });

  it('exits 1 for an unknown command', async () => {
    expect((await cli(['no:such-command'], { DATABASE_URL: database.url })).code).toBe(1);
  });
});
