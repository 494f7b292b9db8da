import { DynamicModule, Module } from '@nestjs/common';
import { AuditCheckpointsModule } from '@craftcert/audit';
import { platformModule } from '@craftcert/bootstrap/core';
import type { Runtime } from '@craftcert/platform';
import {
  AuditCheckpointCommand,
  AuditCheckpointsExportCommand,
  AuditVerifyCommand,
} from './commands/audit.commands';
import { DbGenerateCommand, DbMigrateCommand, DbRevertCommand } from './commands/db.commands';
import { PIPELINE_COMMANDS } from './commands/pipeline.commands';
import { QueuesStatusCommand } from './commands/queues.commands';

@Module({})
export class CliModule {
  /** Commands that work on files only: no database is started for them. */
  static offline(): DynamicModule {
    return { module: CliModule, providers: PIPELINE_COMMANDS };
  }

  static forRoot(runtime: Runtime): DynamicModule {
    return {
      module: CliModule,
      imports: [platformModule(runtime), AuditCheckpointsModule],
      providers: [
        DbMigrateCommand,
        DbRevertCommand,
        DbGenerateCommand,
        QueuesStatusCommand,
        AuditVerifyCommand,
        AuditCheckpointCommand,
        AuditCheckpointsExportCommand,
        ...PIPELINE_COMMANDS,
      ],
    };
  }
}
