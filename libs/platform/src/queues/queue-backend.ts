import { createPostgresBackend, setDefaultBackendFactory } from 'bullmq';
import type { ConnectionOptions } from 'bullmq';

export type QueueBackendKind = 'bullmq-postgres' | 'bullmq-redis';

export interface QueueBackend {
  kind: QueueBackendKind;
  /** What BullMQ's `connection` option receives. */
  connection: ConnectionOptions;
  /** Key prefix (Redis) or schema (PostgreSQL) that namespaces every queue. */
  prefix: string;
}

/**
 * Chooses BullMQ's datastore once per process, before any Queue or Worker exists: Redis when
 * REDIS_URL is set, otherwise the PostgreSQL backend in the application's own database.
 */
export function configureQueueBackend(opts: {
  redisUrl?: string;
  databaseUrl: string;
  prefix: string;
}): QueueBackend {
  if (opts.redisUrl) {
    setDefaultBackendFactory();
    return {
      kind: 'bullmq-redis',
      connection: { url: opts.redisUrl, maxRetriesPerRequest: null } as ConnectionOptions,
      prefix: opts.prefix,
    };
  }
  setDefaultBackendFactory(createPostgresBackend);
  const connection = {
    connectionString: opts.databaseUrl,
    schema: opts.prefix,
    migrate: true,
    max: 4,
    application_name: 'craftcert-queues',
  };
  return {
    kind: 'bullmq-postgres',
    connection: connection as unknown as ConnectionOptions,
    prefix: opts.prefix,
  };
}
