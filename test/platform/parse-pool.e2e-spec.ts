import { loadConfig, ParseLimitError, ParsePool, parseTask } from '@craftcert/platform';

const FIXTURE = require.resolve('./fixtures/parse-tasks.fixture');
const echo = parseTask<{ text: string }, { text: string; onThread: boolean }>(FIXTURE, 'echo');
const exhaustMemory = parseTask<Record<string, never>, number>(FIXTURE, 'exhaustMemory');
const spin = parseTask<Record<string, never>, number>(FIXTURE, 'spin');

describe('parse threads', () => {
  let pool: ParsePool;
  beforeAll(() => {
    pool = new ParsePool(
      loadConfig({ PARSE_WORKERS: '1', PARSE_MEMORY_MB: '64', PARSE_TIMEOUT_MS: '3000' }),
    );
  });
  afterAll(() => pool.onModuleDestroy());

  it('runs a task on a thread and hands back its result', async () => {
    await expect(pool.run(echo, { text: '工匠' })).resolves.toEqual({
      text: '工匠',
      onThread: true,
    });
  });

  it('refuses a task that outgrows the heap, and the next task still runs', async () => {
    const refused = pool.run(exhaustMemory, {});
    await expect(refused).rejects.toBeInstanceOf(ParseLimitError);
    await expect(refused).rejects.toMatchObject({ limit: 'memory', allowance: 64 });
    await expect(pool.run(echo, { text: 'after' })).resolves.toMatchObject({ text: 'after' });
  });

  it('refuses a task that runs past its time, and tasks queued behind it still run', async () => {
    const stuck = pool.run(spin, {});
    const queued = pool.run(echo, { text: 'queued' });
    await expect(stuck).rejects.toMatchObject({ limit: 'time', allowance: 3000 });
    await expect(queued).resolves.toMatchObject({ text: 'queued' });
    expect(pool.busy).toBe(0);
  });
});
