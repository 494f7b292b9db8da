import { DataSource } from 'typeorm';
import {
  createDataSource,
  pendingSchemaChanges,
  revertLastMigrationLocked,
  runMigrationsLocked,
} from '@craftcert/platform';
import { catalogue } from '@craftcert/migrations';
import { createTestDatabase, TestDatabase } from '@craftcert/testing';

describe('migrations', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  beforeAll(async () => {
    database = await createTestDatabase({ migrated: false });
    dataSource = await createDataSource(database.url, catalogue).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const tables = async () =>
    (
      await dataSource.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
      )
    ).map((r: { table_name: string }) => r.table_name);

  it('applies every migration once even when replicas start together', async () => {
    const replicas = await Promise.all(
      [1, 2, 3].map(() => createDataSource(database.url, catalogue).initialize()),
    );
    const applied = await Promise.all(replicas.map((r) => runMigrationsLocked(r)));
    await Promise.all(replicas.map((r) => r.destroy()));
    expect(applied.map((a) => a.length).toSorted()).toEqual([0, 0, catalogue.migrations.length]);
    expect(await tables()).toEqual(expect.arrayContaining(['schema_migrations', 'system_ping']));
  });

  it('leaves nothing for the entities to change (entities and migrations agree)', async () => {
    expect(await pendingSchemaChanges(dataSource)).toEqual({ up: [], down: [] });
  });

  it('reverts every migration back to an empty schema, and applies them again', async () => {
    for (let i = 0; i < catalogue.migrations.length; i++)
      await revertLastMigrationLocked(dataSource);
    expect(await tables()).toEqual(['schema_migrations']);
    await runMigrationsLocked(dataSource);
    expect(await pendingSchemaChanges(dataSource)).toEqual({ up: [], down: [] });
  });
});
