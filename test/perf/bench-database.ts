import { resolve } from 'node:path';
import { Client } from 'pg';
import { createDataSource, EmbeddedPostgresServer, runMigrationsLocked } from '@craftcert/platform';
import { catalogue } from '@craftcert/migrations';

export interface BenchDatabase {
  url: string;
  kind: 'embedded-postgres' | 'postgres';
  close(): Promise<void>;
}

/** A fresh, migrated database on DATABASE_URL's server, or on an embedded one. */
export async function openBenchDatabase(): Promise<BenchDatabase> {
  let serverUrl = process.env.DATABASE_URL;
  let embedded: EmbeddedPostgresServer | undefined;
  if (!serverUrl) {
    embedded = new EmbeddedPostgresServer({
      dataDir: resolve('.data/bench'),
      database: 'postgres',
    });
    serverUrl = await embedded.start();
  }
  const name = `craftcert_bench_${process.pid}`;
  await admin(serverUrl, `DROP DATABASE IF EXISTS "${name}"`);
  await admin(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const dataSource = await createDataSource(url.toString(), catalogue).initialize();
  await runMigrationsLocked(dataSource);
  await dataSource.destroy();
  return {
    url: url.toString(),
    kind: embedded ? 'embedded-postgres' : 'postgres',
    close: async () => {
      await admin(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await embedded?.stop();
    },
  };
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
