import { Client } from 'pg';
import { requireEnv, TEST_ENV, uniqueName, withDatabase } from './test-env';

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: requireEnv(TEST_ENV.adminUrl) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * A private database per test file, so jest workers never share state. `migrated` copies the
 * template that global setup migrated once; otherwise the database starts empty.
 */
export async function createTestDatabase(
  options: { migrated?: boolean } = {},
): Promise<TestDatabase> {
  const name = uniqueName('craftcert_test');
  const template = options.migrated === false ? 'template0' : requireEnv(TEST_ENV.templateDb);
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  return {
    name,
    url: withDatabase(requireEnv(TEST_ENV.adminUrl), name),
    drop: () => dropDatabase(name),
  };
}

export async function dropDatabase(name: string): Promise<void> {
  await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
