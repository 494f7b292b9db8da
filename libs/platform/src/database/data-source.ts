import { DataSource, DataSourceOptions } from 'typeorm';
import { QueryCounter } from './query-counter';

type Class = new (...args: never[]) => unknown;

/** Explicit lists rather than globs: they work the same from source (tests) and from dist. */
export interface PersistenceCatalogue {
  entities: Class[];
  migrations: Class[];
}

/** One definition of the connection, shared by the app, the CLI and the tests. */
export function dataSourceOptions(url: string, catalogue: PersistenceCatalogue): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: catalogue.entities,
    migrations: catalogue.migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install (or to be allowed to).
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    extra: { max: 10, application_name: 'craftcert' },
    logger: new QueryCounter(),
    logging: ['query', 'error', 'warn', 'migration'],
    maxQueryExecutionTime: QueryCounter.slowQueryMs,
  };
}

export function createDataSource(url: string, catalogue: PersistenceCatalogue): DataSource {
  return new DataSource(dataSourceOptions(url, catalogue));
}
