import { DataSource, DataSourceOptions, MixedList, EntitySchema } from 'typeorm';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type EntityList = MixedList<Function | string | EntitySchema>;
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type MigrationList = MixedList<Function | string>;

export interface PersistenceCatalogue {
  entities: EntityList;
  migrations: MigrationList;
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
    extra: { max: 10, application_name: 'craftcert' },
  };
}

export function createDataSource(url: string, catalogue: PersistenceCatalogue): DataSource {
  return new DataSource(dataSourceOptions(url, catalogue));
}
