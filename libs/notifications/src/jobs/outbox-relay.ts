import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { RelayOutboxUseCase } from '../use-cases/relay-outbox.use-case';

const IDLE_MS = 200;
const MAX_BACKOFF_MS = 30_000;

/**
 * Runs the outbox relay in every worker process: a loop, not a timer job, because it must keep
 * trying precisely while the queue backend is unreachable (a job scheduler would not fire
 * then). Replicas share the work without duplicates: each pass claims events with
 * `FOR UPDATE SKIP LOCKED`, and job ids are the event ids. After a failure it waits longer
 * each time (up to 30 s), and logs once per outage.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private stopped = false;
  private running: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(private readonly relay: RelayOutboxUseCase) {}

  onApplicationBootstrap(): void {
    this.running = this.loop();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.running;
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      let relayed = 0;
      try {
        relayed = await this.relay.execute();
        if (failures > 0) this.logger.log('the queue backend answers again: relaying resumed');
        failures = 0;
      } catch (error) {
        if (failures === 0) {
          this.logger.warn({ err: error }, 'could not relay outbox events; retrying with backoff');
        }
        failures += 1;
      }
      if (relayed === 0 || failures > 0) {
        await this.sleep(failures > 0 ? Math.min(MAX_BACKOFF_MS, 250 * 2 ** failures) : IDLE_MS);
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
