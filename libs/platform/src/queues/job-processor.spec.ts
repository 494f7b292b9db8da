import { checkJobHandlers } from './job-processor';
import { JobName, QueueName } from './jobs';

describe('checkJobHandlers', () => {
  it('accepts wiring where every job has exactly one handler on its queue', () => {
    expect(
      checkJobHandlers([
        { processor: 'Ping', queue: QueueName.System, jobs: [JobName.SystemPing] },
      ]),
    ).toEqual([]);
  });

  it('reports a job without a handler', () => {
    expect(checkJobHandlers([])).toEqual(['job system.ping has no handler']);
  });

  it('reports a job with two handlers, naming both', () => {
    const problems = checkJobHandlers([
      { processor: 'A', queue: QueueName.System, jobs: [JobName.SystemPing] },
      { processor: 'B', queue: QueueName.System, jobs: [JobName.SystemPing] },
    ]);
    expect(problems).toEqual(['job system.ping has 2 handlers: A, B']);
  });
});
