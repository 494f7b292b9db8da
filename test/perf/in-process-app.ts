import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig, prepareRuntime } from '@craftcert/platform';
import { createApp } from '@craftcert/bootstrap';
import { ADMIN } from './api-fixture';
import { openBenchDatabase } from './bench-database';
import { benchTempDir, removeDir } from './leftovers';

export interface InProcessApp {
  app: NestFastifyApplication;
  close(): Promise<void>;
}

/**
 * The API in this process on a fresh database, with the bench administrator and no rate limit to
 * speak of; `settings` add or override configuration. It gets its own data directory, so
 * generated keys and the audit checkpoint log stay out of ./.data.
 */
export async function openInProcessApp(
  settings: Record<string, string> = {},
): Promise<InProcessApp> {
  const db = await openBenchDatabase();
  const dataDir = await benchTempDir();
  const runtime = await prepareRuntime(
    loadConfig({
      DATABASE_URL: db.url,
      REDIS_URL: '',
      ROLE: 'api',
      LOG_LEVEL: 'silent',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      RATE_LIMIT_PER_MINUTE: '1000000',
      PII_ENCRYPTION_KEY: 'YmVuY2gta2V5LWJlbmNoLWtleS1iZW5jaC1rZXktMTI=',
      DATA_DIR: dataDir,
      ...settings,
    }),
  );
  const app = (await createApp(runtime)) as NestFastifyApplication;
  await app.init();
  return {
    app,
    close: async () => {
      await app.close();
      await runtime.release();
      await db.close();
      await removeDir(dataDir);
    },
  };
}
