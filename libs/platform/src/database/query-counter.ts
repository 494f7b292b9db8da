import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { RequestContext } from '../http/request-context';

const SLOW_QUERY_MS = 500;

/**
 * TypeORM's logger for the app: counts every query (tests use the count to prove list endpoints
 * make a constant number of queries, whatever the data size) and reports errors and slow ones.
 */
export class QueryCounter implements TypeOrmLogger {
  static readonly slowQueryMs = SLOW_QUERY_MS;
  private readonly logger = new NestLogger('Database');
  count = 0;
  private readonly watched = new Map<string, number>();

  logQuery(): void {
    this.count++;
    const requestId = RequestContext.current()?.requestId;
    const counted = requestId === undefined ? undefined : this.watched.get(requestId);
    if (counted !== undefined) this.watched.set(requestId!, counted + 1);
  }

  /**
   * Counts only the queries made on behalf of one request (by its id), whatever runs beside it
   * in the process (workers, the audit chainer, other requests), which the plain `count` also
   * sees. Returns a function that stops counting and gives the number.
   */
  watch(requestId: string): () => number {
    this.watched.set(requestId, 0);
    return () => {
      const counted = this.watched.get(requestId) ?? 0;
      this.watched.delete(requestId);
      return counted;
    };
  }

  logQueryError(error: string | Error, query: string): void {
    this.logger.debug(`query failed: ${String(error)} — ${query.slice(0, 200)}`);
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`slow query (${time} ms): ${query.slice(0, 200)}`);
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
  }
}
