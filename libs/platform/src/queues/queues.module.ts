import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { DEFAULT_JOB_OPTIONS, QueueName } from './jobs';
import { JobQueue } from './job-queue.service';
import { QueueBackend } from './queue-backend';

@Module({})
export class QueuesModule {
  static forRoot(backend: QueueBackend): DynamicModule {
    const queues = Object.values(QueueName).map((name) => BullModule.registerQueue({ name }));
    return {
      module: QueuesModule,
      global: true,
      imports: [
        BullModule.forRoot({
          connection: backend.connection,
          prefix: backend.prefix,
          defaultJobOptions: DEFAULT_JOB_OPTIONS,
        }),
        ...queues,
      ],
      providers: [JobQueue],
      exports: [JobQueue, ...queues],
    };
  }
}
