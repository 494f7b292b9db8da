import { Client } from 'pg';
import { createDataSource, EmbeddedPostgresServer, runMigrationsLocked } from '@craftcert/platform';
import { catalogue } from '@craftcert/migrations';
import { BENCH_PREFIX, benchTempDir, removeDir } from './leftovers';

let opened = 0;

export interface BenchDatabase {
  url: string;
  kind: 'embedded-postgres' | 'postgres';
  close(): Promise<void>;
}

/** A fresh, migrated database on DATABASE_URL's server, or on an embedded one. */
export async function openBenchDatabase(): Promise<BenchDatabase> {
  let serverUrl = process.env.DATABASE_URL;
  let embedded: EmbeddedPostgresServer | undefined;
  let dataDir: string | undefined;
  if (!serverUrl) {
    dataDir = await benchTempDir();
    embedded = new EmbeddedPostgresServer({ dataDir, database: 'postgres' });
    serverUrl = (await embedded.start()).superuserUrl;
  }
  const name = `${BENCH_PREFIX}_${++opened}`;
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
      await dropWhenIdle(serverUrl, name);
      await embedded?.stop();
      if (dataDir) await removeDir(dataDir);
    },
  };
}

/**
 * Queue clients close their connections asynchronously: wait for them to go rather than
 * terminating them, which would surface as errors in clients that are still shutting down.
 */
async function dropWhenIdle(serverUrl: string, name: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      await admin(serverUrl, `DROP DATABASE IF EXISTS "${name}"`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  await admin(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
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
