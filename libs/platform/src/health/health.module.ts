import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { QueueMetricsController } from './queue-metrics.controller';

@Module({
  imports: [TerminusModule],
  controllers: [HealthController],
})
export class HealthModule {}

/** A worker-only process's HTTP surface, on HEALTH_PORT: its probes and its queues' metrics. */
@Module({
  imports: [TerminusModule],
  controllers: [HealthController, QueueMetricsController],
})
export class WorkerHealthModule {}
