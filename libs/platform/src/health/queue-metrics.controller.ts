import { Controller, Get, Header } from '@nestjs/common';
import { Public } from '../http/access';
import { JobQueue } from '../queues/job-queue.service';

/**
 * Queue counts in Prometheus's text format. Served only by worker processes, on their health
 * port, which belongs on the internal network with the orchestrator's probes.
 */
@Public()
@Controller('metrics')
export class QueueMetricsController {
  constructor(private readonly jobs: JobQueue) {}

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  metrics(): Promise<string> {
    return this.jobs.prometheus();
  }
}
