import { DynamicModule } from '@nestjs/common';
import type { DataSource, Migration } from 'typeorm';
import {
  AppConfig,
  ConfigError,
  createDataSource,
  loadConfig,
  PlatformModule,
  Runtime,
  runMigrationsLocked,
} from '@craftcert/platform';
import { catalogue } from '@craftcert/migrations';

// What every process shares before it becomes a server, a worker or a CLI command. Kept apart
// from the application's composition so the CLI starts without loading the HTTP stack; it is
// imported as `@craftcert/bootstrap/core`.

/**
 * Configuration from the environment, validated before Nest starts; a bad value exits with
 * status 1 and a message naming the variable.
 */
export function loadConfigOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/** Configuration, database, queues, logging and error mapping over every context's tables. */
export function platformModule(runtime: Runtime): DynamicModule {
  return PlatformModule.forRoot(runtime, catalogue);
}

/** Applies pending migrations (under the advisory lock) before anything uses the schema. */
export async function migrate(runtime: Runtime): Promise<Migration[]> {
  return withMigrationDataSource(runtime, runMigrationsLocked);
}

/**
 * A connection for schema work (migrations, their generation): the embedded cluster's
 * superuser, not the application's role, which may only read and write rows.
 */
export async function withMigrationDataSource<T>(
  runtime: Runtime,
  work: (dataSource: DataSource) => Promise<T>,
): Promise<T> {
  const dataSource = await createDataSource(runtime.database.migrationUrl, catalogue).initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
