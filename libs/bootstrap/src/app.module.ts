import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '@craftcert/audit';
import { type Runtime, WorkerHealthModule } from '@craftcert/platform';
import { ApiModule } from './api.module';
import { platformModule } from './core';
import { WorkerModule } from './worker.module';

/** Composes the process from its role: API, workers, or both in one process (the default). */
@Module({})
export class AppModule {
  static forRoot(runtime: Runtime): DynamicModule {
    const role = runtime.config.ROLE;
    return {
      module: AppModule,
      imports: [
        platformModule(runtime),
        AuditModule,
        ...(role === 'worker' ? [WorkerHealthModule] : [ApiModule.forRoot(runtime)]),
        ...(role === 'api' ? [] : [WorkerModule]),
      ],
    };
  }
}
