import { checkJobHandlers } from './job-processor';
import { JOB_QUEUES, JobName, QueueName } from './jobs';

describe('checkJobHandlers', () => {
  it('accepts wiring where every job has exactly one handler on its queue', () => {
    const complete = Object.values(JobName).map((name) => ({
      processor: name,
      queue: JOB_QUEUES[name],
      jobs: [name],
    }));
    expect(checkJobHandlers(complete)).toEqual([]);
  });

  it('reports a job without a handler', () => {
    expect(checkJobHandlers([])).toContain('job system.ping has no handler');
  });

  it('reports a job with two handlers, naming both', () => {
    const problems = checkJobHandlers([
      { processor: 'A', queue: QueueName.System, jobs: [JobName.SystemPing] },
      { processor: 'B', queue: QueueName.System, jobs: [JobName.SystemPing] },
    ]);
    expect(problems).toContain('job system.ping has 2 handlers: A, B');
  });
});
