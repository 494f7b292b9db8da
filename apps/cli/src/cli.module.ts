import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, Runtime } from '@craftcert/platform';
import { catalogue } from '@craftcert/migrations';
import { DbGenerateCommand, DbMigrateCommand, DbRevertCommand } from './commands/db.commands';
import { QueuesStatusCommand } from './commands/queues.commands';

@Module({})
export class CliModule {
  static forRoot(runtime: Runtime): DynamicModule {
    return {
      module: CliModule,
      imports: [PlatformModule.forRoot(runtime, catalogue)],
      providers: [DbMigrateCommand, DbRevertCommand, DbGenerateCommand, QueuesStatusCommand],
    };
  }
}
