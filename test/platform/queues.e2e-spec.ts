import { DataSource } from 'typeorm';
import { JobName, JobQueue, QueueName } from '@craftcert/platform';
import { queueBackendsUnderTest, startTestApp, TestApp, waitFor } from '@craftcert/testing';

describe.each(queueBackendsUnderTest())('system.ping on the %s backend', (backend) => {
  let t: TestApp;
  let jobs: JobQueue;
  let db: DataSource;
  beforeAll(async () => {
    t = await startTestApp({ backend });
    jobs = t.app.get(JobQueue);
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  const runsOf = async (jobId: string) => {
    const rows = await db.query('SELECT runs FROM system_ping WHERE job_id = $1', [jobId]);
    return rows[0]?.runs as number | undefined;
  };

  // The processor writes its row before it returns, and BullMQ stores the return value only
  // after that, when it marks the job completed: wait for the state, not for the row.
  const completed = (jobId: string) =>
    waitFor(
      async () =>
        (await jobs.queue(QueueName.System).getJobState(jobId)) === 'completed' ? true : undefined,
      { what: `job ${jobId} to complete`, timeoutMs: 60000 },
    );

  it('runs an enqueued ping end to end and records it once', async () => {
    const jobId = await jobs.enqueue(JobName.SystemPing, { note: 'hello' });
    await completed(jobId);
    expect(await runsOf(jobId)).toBe(1);
    const job = await jobs.queue(QueueName.System).getJob(jobId);
    expect(job?.returnvalue).toEqual({ pong: 'hello' });
  });

  it('treats a second enqueue with the same job id as the same job', async () => {
    const first = await jobs.enqueue(JobName.SystemPing, {}, { jobId: 'ping-fixed-id' });
    const second = await jobs.enqueue(JobName.SystemPing, {}, { jobId: 'ping-fixed-id' });
    expect(second).toBe(first);
    await completed('ping-fixed-id');
    const third = await jobs.enqueue(JobName.SystemPing, {}, { jobId: 'ping-fixed-id' });
    expect(third).toBe(first);
    expect(await jobs.queue(QueueName.System).getJobState('ping-fixed-id')).toBe('completed');
    expect(await runsOf('ping-fixed-id')).toBe(1);
  });

  it('reports per-queue counts', async () => {
    const counts = await jobs.counts();
    expect(counts.system).toEqual(
      expect.objectContaining({ waiting: expect.any(Number), completed: expect.any(Number) }),
    );
    expect(counts.system.completed).toBeGreaterThanOrEqual(2);
  });
});

describe('ROLE=api', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ role: 'api' });
  });
  afterAll(() => t.close());

  it('serves HTTP and enqueues jobs but leaves processing to worker processes', async () => {
    expect((await t.request({ url: '/health/ready' })).statusCode).toBe(200);
    const jobs = t.app.get(JobQueue);
    const jobId = await jobs.enqueue(JobName.SystemPing, {});
    await new Promise((r) => setTimeout(r, 500));
    expect(await jobs.queue(QueueName.System).getJobState(jobId)).toBe('waiting');
  });
});
