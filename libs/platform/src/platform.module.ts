import { APP_FILTER, APP_PIPE, DiscoveryModule } from '@nestjs/core';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from './config/app-config';
import { dataSourceOptions, PersistenceCatalogue } from './database/data-source';
import { ShutdownState } from './health/shutdown-state';
import { AllExceptionsFilter } from './http/exception.filter';
import { createValidationPipe } from './http/validation';
import { QueuesModule } from './queues/queues.module';
import { WorkerLifecycle } from './queues/worker-lifecycle';
import { Runtime, RUNTIME } from './runtime/runtime';
import { ParsePool } from './threads/parse-pool';

/**
 * Everything each process needs regardless of role: configuration, logging, the database,
 * queues, validation and error mapping. Built from a prepared Runtime so the same module
 * serves the server, the worker, the CLI and the tests.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(runtime: Runtime, catalogue: PersistenceCatalogue): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        DiscoveryModule,
        TypeOrmModule.forRoot(dataSourceOptions(runtime.database.url, catalogue)),
        QueuesModule.forRoot(runtime.queues),
      ],
      providers: [
        { provide: RUNTIME, useValue: runtime },
        { provide: AppConfig, useValue: runtime.config },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        ShutdownState,
        WorkerLifecycle,
        ParsePool,
      ],
      exports: [RUNTIME, AppConfig, ShutdownState, WorkerLifecycle, ParsePool],
    };
  }
}
