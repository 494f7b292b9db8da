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
  database: { kind: DatabaseKind; url: string };
  queues: QueueBackend;
  /** Stops what the runtime started itself (the embedded server); external services stay. */
  release(): Promise<void>;
}

export const RUNTIME = Symbol('Runtime');

export async function prepareRuntime(config: AppConfig): Promise<Runtime> {
  let embedded: EmbeddedPostgresServer | undefined;
  let database: Runtime['database'];
  if (config.DATABASE_URL) {
    database = { kind: 'postgres', url: config.DATABASE_URL };
  } else {
    const logger = new Logger('EmbeddedPostgres');
    embedded = new EmbeddedPostgresServer({
      dataDir: config.DATA_DIR,
      database: 'craftcert',
      onLog: (line) => line && logger.debug(line),
    });
    database = { kind: 'embedded-postgres', url: await embedded.start() };
  }
  const queues = configureQueueBackend({
    redisUrl: config.REDIS_URL,
    databaseUrl: database.url,
    prefix: config.QUEUE_PREFIX,
  });
  return { config, database, queues, release: async () => embedded?.stop() };
}
