import { Processor } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import {
  AppConfig,
  JobHandlers,
  JobName,
  JobProcessor,
  JobQueue,
  QueueName,
  workerOptions,
} from '@craftcert/platform';
import {
  AuditCheckpointRefusedError,
  CheckpointAuditChainUseCase,
} from '../use-cases/checkpoint-audit-chain.use-case';

/** `audit.checkpoint`: links what is pending and signs the chain's head. */
@Processor(QueueName.Audit, workerOptions(1))
export class AuditCheckpointProcessor extends JobProcessor {
  readonly queueName = QueueName.Audit;
  private readonly logger = new Logger('AuditCheckpoints');

  constructor(private readonly checkpoint: CheckpointAuditChainUseCase) {
    super();
  }

  protected readonly handlers: JobHandlers = {
    [JobName.AuditCheckpoint]: async () => {
      try {
        const { checkpoint, created } = await this.checkpoint.execute();
        return checkpoint && { position: checkpoint.position, hash: checkpoint.hash, created };
      } catch (error) {
        // The chain contradicts its checkpoints: retrying cannot help, an operator must look.
        if (!(error instanceof AuditCheckpointRefusedError)) throw error;
        this.logger.error(`audit checkpoint refused: ${error.message}`);
        throw new UnrecoverableError(error.message);
      }
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
