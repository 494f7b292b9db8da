import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { JobQueue } from '../queues/job-queue.service';
import { QueueName } from '../queues/jobs';
import { Runtime, RUNTIME } from '../runtime/runtime';
import { Public } from '../http/access';
import { ShutdownState } from './shutdown-state';

const CHECK_TIMEOUT_MS = 3000;

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    private readonly shutdown: ShutdownState,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness: the process is up and serving HTTP.' })
  @ApiOkResponse({
    schema: { type: 'object', properties: { status: { type: 'string', enum: ['ok'] } } },
  })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({
    summary: 'Readiness: database and queue backend answer; 503 while shutting down.',
  })
  ready() {
    if (this.shutdown.isShuttingDown) {
      throw new ServiceUnavailableException('shutting down');
    }
    return this.health.check([
      () =>
        this.indicators
          .check('database')
          .attempt(async () => {
            await this.dataSource.query('SELECT 1');
            return { kind: this.runtime.database.kind };
          })
          .withTimeout(CHECK_TIMEOUT_MS),
      () =>
        this.indicators
          .check('queues')
          .attempt(async () => {
            await this.jobs.queue(QueueName.System).getJobCounts('waiting');
            return { kind: this.runtime.queues.kind };
          })
          .withTimeout(CHECK_TIMEOUT_MS),
    ]);
  }
}
