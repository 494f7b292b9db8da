import { Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { EmbeddedPostgresServer } from '../database/embedded-postgres';
import { configureQueueBackend, QueueBackend } from '../queues/queue-backend';

export type DatabaseKind = 'embedded-postgres' | 'postgres';

/**
 * What the process runs on, decided from configuration before Nest starts: the database
 * (embedded or external) and the queue backend. Domain code never looks at this.
 */
export interface Runtime {
  config: AppConfig;
  /**
   * `url` is the application's connection; `migrationUrl` the one migrations run on. Embedded,
   * they are a role without superuser rights and the cluster's superuser; with DATABASE_URL,
   * both are that URL (see the README for the roles an operator should set up).
   */
  database: { kind: DatabaseKind; url: string; migrationUrl: string };
  queues: QueueBackend;
  /** Stops what the runtime started itself (the embedded server); external services stay. */
  release(): Promise<void>;
}

export const RUNTIME = Symbol('Runtime');

export async function prepareRuntime(config: AppConfig): Promise<Runtime> {
  let embedded: EmbeddedPostgresServer | undefined;
  let database: Runtime['database'];
  if (config.DATABASE_URL) {
    database = { kind: 'postgres', url: config.DATABASE_URL, migrationUrl: config.DATABASE_URL };
  } else {
    const logger = new Logger('EmbeddedPostgres');
    embedded = new EmbeddedPostgresServer({
      dataDir: config.DATA_DIR,
      database: 'craftcert',
      applicationSchemas: [config.QUEUE_PREFIX],
      onLog: (line) => logger.debug(line),
    });
    const urls = await embedded.start();
    database = {
      kind: 'embedded-postgres',
      url: urls.applicationUrl,
      migrationUrl: urls.superuserUrl,
    };
  }
  const queues = configureQueueBackend({
    redisUrl: config.REDIS_URL,
    databaseUrl: database.url,
    prefix: config.QUEUE_PREFIX,
  });
  return { config, database, queues, release: async () => embedded?.stop() };
}
