import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { QueueMetricsController } from './queue-metrics.controller';

@Module({
  imports: [TerminusModule],
  controllers: [HealthController],
})
export class HealthModule {}

/**
 * A worker-only process's probes and its queues' metrics, served on HEALTH_PORT by a plain
 * server (see the bootstrap's worker health), so they are providers here, never routes.
 */
@Module({
  imports: [TerminusModule],
  providers: [HealthController, QueueMetricsController],
})
export class WorkerHealthModule {}
