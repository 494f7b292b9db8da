import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '@craftcert/audit';
import { PlatformModule, Runtime } from '@craftcert/platform';
import { WorkerModule } from '@craftcert/worker';
import { catalogue } from '@craftcert/migrations';
import { ApiModule } from './api.module';

/** Composes the process from its role: API, workers, or both in one process (the default). */
@Module({})
export class AppModule {
  static forRoot(runtime: Runtime): DynamicModule {
    const role = runtime.config.ROLE;
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(runtime, catalogue),
        AuditModule,
        ...(role === 'worker' ? [] : [ApiModule.forRoot(runtime)]),
        ...(role === 'api' ? [] : [WorkerModule]),
      ],
    };
  }
}
