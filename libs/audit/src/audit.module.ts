import {
  BeforeApplicationShutdown,
  Global,
  Injectable,
  Module,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@craftcert/platform';
import { AUDIT_ENTITIES } from './entities';
import { AuditController } from './http/audit.controller';
import {
  AuditCheckpointProcessor,
  AuditCheckpointSchedule,
} from './jobs/audit-checkpoint.processor';
import { AuditChainer } from './persistence/audit-chainer';
import { AuditCheckpointStore } from './persistence/audit-checkpoint.store';
import { AuditLog } from './persistence/audit-log.service';
import { AuditQueries } from './persistence/audit.queries';
import { CheckpointAuditChainUseCase } from './use-cases/checkpoint-audit-chain.use-case';

/**
 * Links, at start, whatever an earlier process committed but did not live to link, and lets the
 * running pass finish before the data source closes.
 */
@Injectable()
export class AuditChainLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    AuditChainer.of(this.dataSource).schedule();
  }

  beforeApplicationShutdown(): Promise<void> {
    return AuditChainer.of(this.dataSource).stop();
  }
}

const checkpointStore = {
  provide: AuditCheckpointStore,
  useFactory: (config: AppConfig) => AuditCheckpointStore.fromConfig(config),
  inject: [AppConfig],
};

/**
 * The audit trail's write side, global so every context (and every role: API, worker, CLI)
 * can record inside its own transactions without importing this module.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(AUDIT_ENTITIES)],
  providers: [AuditLog, AuditChainLifecycle],
  exports: [AuditLog],
})
export class AuditModule {}

/** Signing checkpoints and reading the checkpoint log: for the worker and the CLI. */
@Module({
  providers: [checkpointStore, CheckpointAuditChainUseCase],
  exports: [checkpointStore, CheckpointAuditChainUseCase],
})
export class AuditCheckpointsModule {}

/** `GET /api/audit`: loaded only by processes that serve HTTP. */
@Module({
  imports: [TypeOrmModule.forFeature(AUDIT_ENTITIES)],
  controllers: [AuditController],
  providers: [AuditQueries],
})
export class AuditHttpModule {}

/** Checkpoints at an interval: loaded by processes that run jobs. */
@Module({
  imports: [AuditCheckpointsModule],
  providers: [AuditCheckpointProcessor, AuditCheckpointSchedule],
})
export class AuditJobsModule {}
