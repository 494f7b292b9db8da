import { DynamicModule, Module } from '@nestjs/common';
import { AuditCheckpointsModule } from '@craftcert/audit';
import { platformModule } from '@craftcert/bootstrap/core';
import { type Runtime, RUNTIME } from '@craftcert/platform';
import {
  AuditCheckpointCommand,
  AuditCheckpointsExportCommand,
  AuditVerifyCommand,
} from './commands/audit.commands';
import { DemoSeedCommand } from './commands/demo.commands';
import { DbGenerateCommand, DbMigrateCommand, DbRevertCommand } from './commands/db.commands';
import { PIPELINE_COMMANDS } from './commands/pipeline.commands';
import { QueuesStatusCommand } from './commands/queues.commands';

@Module({})
export class CliModule {
  /** Commands that work on files only: no database is started for them. */
  static offline(): DynamicModule {
    return { module: CliModule, providers: PIPELINE_COMMANDS };
  }

  /**
   * Commands that build the server application themselves (demo:seed goes through its API): only
   * the runtime is given, so that the process holds one set of connections, the application's.
   */
  static withApplication(runtime: Runtime): DynamicModule {
    return {
      module: CliModule,
      providers: [{ provide: RUNTIME, useValue: runtime }, DemoSeedCommand],
    };
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
        // Listed in the help; main.ts runs it on CliModule.withApplication.
        DemoSeedCommand,
        AuditVerifyCommand,
        AuditCheckpointCommand,
        AuditCheckpointsExportCommand,
        ...PIPELINE_COMMANDS,
      ],
    };
  }
}
