import { resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { createDataSource, EmbeddedPostgresServer, runMigrationsLocked } from '@craftcert/platform';
import { catalogue } from '@craftcert/migrations';
import { TEST_ENV, uniqueName, withDatabase } from './test-env';

/**
 * Runs (compiled, as a plain Node process) for the whole integration suite: jest's global
 * setup cannot load the ESM-only packages this needs. It provides the PostgreSQL server
 * (DATABASE_URL, or an embedded one), migrates a template database once, prints the settings
 * as one JSON line, and cleans up when its stdin closes.
 */
async function main(): Promise<void> {
  // stdout carries the settings line; keep framework logging off it.
  Logger.overrideLogger(['fatal', 'error']);
  let adminUrl = process.env.DATABASE_URL;
  let embedded: EmbeddedPostgresServer | undefined;
  if (!adminUrl) {
    embedded = new EmbeddedPostgresServer({
      dataDir: resolve(process.cwd(), '.data/test'),
      database: 'craftcert',
    });
    adminUrl = (await embedded.start()).superuserUrl;
  }
  const template = uniqueName('craftcert_template');
  await adminQuery(adminUrl, `CREATE DATABASE "${template}"`);
  const dataSource = await createDataSource(
    withDatabase(adminUrl, template),
    catalogue,
  ).initialize();
  await runMigrationsLocked(dataSource);
  await dataSource.destroy();

  process.stdout.write(
    `${READY_MARKER}${JSON.stringify({ [TEST_ENV.adminUrl]: adminUrl, [TEST_ENV.templateDb]: template })}\n`,
  );

  const finish = async () => {
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`).catch(
      () => undefined,
    );
    await embedded?.stop();
    process.exit(0);
  };
  process.stdin.on('close', () => void finish());
  process.stdin.resume();
}

const READY_MARKER = 'craftcert-test-database:';

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
