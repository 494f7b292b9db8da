import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
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

// Each test starts real processes; a busy machine needs the time (nothing here asserts one).
jest.setTimeout(300000);

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

  it('explains as JSON, with prior awards from a file, so other tools can check it', async () => {
    const dossier = join(dir, 'dossier-json.json');
    const awards = join(dir, 'awards.json');
    await writeFile(dossier, JSON.stringify(hangzhouDossier()));
    await writeFile(
      awards,
      JSON.stringify([{ programme: 'hangzhou-city-craftsman', year: 2022, tier: 'craftsman' }]),
    );
    const res = await cli([
      'pipeline:explain',
      city,
      dossier,
      '--reference-date',
      '2026-06-01',
      '--prior-awards',
      awards,
      '--json',
      '--lang',
      'en',
    ]);
    expect(res.code).toBe(0);
    const out = JSON.parse(res.stdout) as {
      eligible: boolean;
      directRecognition: boolean;
      rules: { id: string; outcome: string; reason: string }[];
    };
    expect(out).toMatchObject({ eligible: false, directRecognition: false });
    expect(out.rules.find((r) => r.id === 'repeat-winner')).toEqual({
      id: 'repeat-winner',
      outcome: 'excluded',
      reason: 'excluded: already a Hangzhou Craftsman: awarded Hangzhou Craftsman in 2022',
    });

    await writeFile(awards, JSON.stringify([{ programme: 'x', year: 'soon' }]));
    const bad = await cli(['pipeline:explain', city, dossier, '--prior-awards', awards]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('/0/year');
  });

  it('refuses a dossier date that does not exist, with its path', async () => {
    const dossier = join(dir, 'bad-date.json');
    await writeFile(dossier, JSON.stringify(hangzhouDossier({ cityStartDate: '2026-02-30' })));
    const res = await cli(['pipeline:explain', city, dossier, '--reference-date', '2026-06-01']);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('/cityStartDate');
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

describe('CLI: pipeline:select (no database needed)', () => {
  let dir: string;
  const city = shippedDefinitionPath('hangzhou-city-craftsman');
  const args = ['--reference-date', '2024-06-30'];
  // 30 manufacturing candidates from 15 employers and 20 service ones, scores 99 down to 74.5,
  // then one below the definition's score floor of 70.
  const candidates = Array.from({ length: 51 }, (_, i) => ({
    id: `n${String(i).padStart(2, '0')}`,
    score: i === 50 ? 50 : 99 - i / 2,
    dossier: {
      name: `候选人${i}`,
      industrySection: i % 5 < 3 ? 'C' : 'I',
      employer: i % 5 < 3 ? `厂${i % 15}` : `店${i}`,
    },
  }));
  const write = async (name: string, content: unknown) => {
    const file = join(dir, name);
    await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  };
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'craftcert-select-'));
  });

  it('prints the selection with a reason for every candidate', async () => {
    const file = await write('candidates.json', candidates);
    const res = await cli(['pipeline:select', city, file, ...args, '--lang', 'en']);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('40 places, 40 selected');
    expect(res.stdout).toContain('1. n00 [craftsman] score 99 — selected on merit (rank 1)');
    expect(res.stdout).toContain('n50 score 50 — score 50 is below the floor of 70');
    expect(res.stdout).toContain('"at least 60 % from manufacturing" needs at least 24');
  });

  it('prints JSON that another tool can check', async () => {
    const file = await write('candidates.json', candidates);
    const res = await cli(['pipeline:select', city, file, ...args, '--json']);
    expect(res.code).toBe(0);
    const result = JSON.parse(res.stdout);
    expect(result.status).toBe('selected');
    expect(result.selected).toHaveLength(40);
    expect(result.selected[0]).toMatchObject({ id: 'n00', tier: 'craftsman', position: 1 });
    expect(result.selected[30]).toMatchObject({ tier: 'nominationAward' });
    expect(result.selected.length + result.leftOut.length).toBe(51);
    const makers = result.selected.filter((s: { id: string }) => Number(s.id.slice(1)) % 5 < 3);
    expect(makers.length).toBeGreaterThanOrEqual(24);
    expect(result.constraints.map((c: { id: string }) => c.id)).toEqual([
      'manufacturing-floor',
      'per-employer-cap',
    ]);
  });

  it('shows a what-if against the current result', async () => {
    const file = await write('candidates.json', candidates);
    const overrides = await write('what-if.yaml', 'total: 35\nquotas: { craftsman: 25 }\n');
    const res = await cli(['pipeline:select', city, file, ...args, '--what-if', overrides]);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('名额 35 个，入选 35 人');
    expect(res.stdout).toContain('假设调整后与当前结果相比：');
    expect(res.stdout).toMatch(/- 落选 n\d+ — 名额已满：35 个名额在第 \d+ 名时已全部选定/);
  });

  it('exits 2 with the conflicting rules when no list can meet them', async () => {
    const few = candidates.map((c) => ({ ...c, dossier: { ...c.dossier, industrySection: 'I' } }));
    const file = await write('service-only.json', few);
    const overrides = await write(
      'floor.yaml',
      'constraints:\n  manufacturing-floor: { minShare: null, minCount: 24 }\n',
    );
    const res = await cli(['pipeline:select', city, file, ...args, '--what-if', overrides]);
    expect(res.code).toBe(2);
    expect(res.stdout).toContain('但合格的符合条件候选人只有 0 人');
  });

  it('refuses bad candidates with exit 1, naming each one', async () => {
    const bad = [
      candidates[0],
      { ...candidates[1], id: 'n00' },
      { ...candidates[2], score: 'NaN' },
      { ...candidates[3], score: 150 },
      { id: 'x', dossier: {} },
    ];
    const file = await write('bad.json', bad);
    const res = await cli(['pipeline:select', city, file, ...args]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('/1/id: duplicate candidate id "n00" (also at /0)');
    expect(res.stderr).toContain('/2/score: candidate "n02": score must be a finite number');
    expect(res.stderr).toContain('/3/score: candidate "n03": score 150 must be between 0 and 100');
    expect(res.stderr).toContain('/4/score: candidate "x" has no score but needs one');
  });

  it('refuses a what-if constraint on an unknown field with its path', async () => {
    const file = await write('candidates.json', candidates);
    const overrides = await write(
      'unknown.yaml',
      'add:\n  - { id: per-district, kind: capPerValue, label: { zh: 每区, en: per district }, field: workshopColour, maxCount: 2 }\n',
    );
    const res = await cli(['pipeline:select', city, file, ...args, '--what-if', overrides]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(
      '/selection/constraints/2/field: after the what-if: unknown dossier field "workshopColour"',
    );
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

describe('CLI: pipeline:score (no database needed)', () => {
  let dir: string;
  const district = shippedDefinitionPath('district-craftsman-triennial');
  const dossier = {
    name: '王师傅',
    birthDate: '1980-05-01',
    employer: '区机械厂',
    industrySection: 'C',
    skillLevel: 'L1',
    skillStartDate: '2000-09-01',
    unionMember: true,
    traditionalCraft: true,
    narrative: '三十年如一日',
    contests: [
      { level: 'national', rank: 2, year: 2023 },
      { level: 'provincial', rank: 1, year: 2022 },
      { level: 'city', rank: 1, year: 2021 },
      { level: 'city', rank: 1, year: 2020 },
      { level: 'district', rank: 1, year: 2019 },
    ],
    apprentices: [{ name: '徒一' }, { name: '徒二' }],
  };
  const write = async (name: string, content: unknown) => {
    const file = join(dir, name);
    await writeFile(file, JSON.stringify(content));
    return file;
  };
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'craftcert-score-'));
  });

  it('prints every criterion and item with the caps that bit, and the total', async () => {
    const file = await write('dossier.json', dossier);
    const marks = await write('marks.json', { 'deeds-judged': 12 });
    const res = await cli([
      'pipeline:score',
      district,
      file,
      '--marks',
      marks,
      '--evidence',
      'patent=2',
      '--lang',
      'en',
    ]);
    expect(res.code).toBe(0);
    // contests: tiered 10 + 6 for national and provincial; the provincial win is not counted again,
    // three other wins × 5 = 15 → 10; 16 + 10 = 26 → criterion cap 20.
    expect(res.stdout).toContain('[contests] contests: 16 + 10 = 26, capped at 20 → 20');
    expect(res.stdout).toContain(
      '[contest-wins] other contest wins: 3 entries counted: 5 + 5 + 5 (1 more already counted by high-contests, not counted twice), capped at 10 → 10',
    );
    // L1 13 + traditional craft 5 = 18 → the group's shared cap 15.
    expect(res.stdout).toContain(
      '[certificate-and-craft] level and traditional craft: sub-items 13 + 5, capped at 15 → 15',
    );
    // 20 + 0 + 15 + 2 × 3 + 2 × 5 + 12 = 63.
    expect(res.stdout).toContain('total: 20 + 0 + 15 + 6 + 10 + 12 = 63 → 63 (of 100)');
  });

  it('prints JSON with every item and cap', async () => {
    const file = await write('dossier.json', dossier);
    const res = await cli(['pipeline:score', district, file, '--json']);
    expect(res.code).toBe(0);
    const score = JSON.parse(res.stdout);
    // Without marks or evidence: 20 + 0 + 15 + 6 + 0 + 0.
    expect(score.total).toBe(41);
    expect(score.criteria[0]).toMatchObject({ id: 'contests', points: 20, raw: 26, capped: true });
    expect(score.criteria[0].items[1]).toMatchObject({ id: 'contest-wins', cap: 10, capped: true });
  });

  it('refuses a mark outside its range with exit 1, naming the item', async () => {
    const file = await write('dossier.json', dossier);
    const marks = await write('marks.json', { 'deeds-judged': 16 });
    const res = await cli(['pipeline:score', district, file, '--marks', marks]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(
      '/marks/deeds-judged: the mark 16 for "deeds-judged" is outside 0–15',
    );
  });
});

describe('CLI: demo:seed', () => {
  let database: TestDatabase;
  let dataDir: string;
  beforeAll(async () => {
    database = await createTestDatabase({ migrated: false });
    dataDir = await mkdtemp(join(tmpdir(), 'craftcert-demo-'));
  });
  afterAll(async () => {
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('migrates and seeds a fresh database, prints where to look once, and changes nothing the second time', async () => {
    const env = { DATABASE_URL: database.url, REDIS_URL: '', DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
    const first = await cli(['demo:seed'], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Demo data seeded');
    expect(first.stdout).toMatch(
      /released edition: +http:\/\/localhost:3000\/editions\/[0-9a-f-]{36}/,
    );
    expect(first.stdout).toContain('nominator-gongshu-1@demo.craftcert.local');
    const second = await cli(['demo:seed'], env);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('nothing changed');
    expect(second.stdout).not.toContain('craftcert-demo');
  });
});
