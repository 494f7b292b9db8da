import { Processor } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import {
  AppConfig,
  JobHandlers,
  JobName,
  JobProcessor,
  JobQueue,
  QueueName,
} from '@craftcert/platform';
import { CheckpointAuditChainUseCase } from '../use-cases/checkpoint-audit-chain.use-case';

/** `audit.checkpoint`: links what is pending and signs the chain's head. */
@Processor(QueueName.Audit, { concurrency: 1 })
export class AuditCheckpointProcessor extends JobProcessor {
  readonly queueName = QueueName.Audit;

  constructor(private readonly checkpoint: CheckpointAuditChainUseCase) {
    super();
  }

  protected readonly handlers: JobHandlers = {
    [JobName.AuditCheckpoint]: async () => {
      const { checkpoint, created } = await this.checkpoint.execute();
      return checkpoint && { position: checkpoint.position, hash: checkpoint.hash, created };
    },
  };
}

/** Declares the checkpoint schedule (idempotent: one scheduler, whatever the number of workers). */
@Injectable()
export class AuditCheckpointSchedule implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobQueue,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.schedule(
      JobName.AuditCheckpoint,
      {},
      this.config.AUDIT_CHECKPOINT_INTERVAL_MINUTES * 60_000,
    );
  }
}
