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
  /**
   * Queries per request id, kept only once `countPerRequest()` was called (tests): background
   * work such as the audit chainer runs between requests and must not be charged to them.
   */
  private perRequest?: Map<string, number>;

  countPerRequest(): void {
    this.perRequest ??= new Map();
  }

  /** Queries issued while serving the request with this id (0 if none or not counting). */
  countFor(requestId: string): number {
    return this.perRequest?.get(requestId) ?? 0;
  }

  logQuery(): void {
    this.count++;
    if (!this.perRequest) return;
    const requestId = RequestContext.current()?.requestId;
    if (requestId) this.perRequest.set(requestId, (this.perRequest.get(requestId) ?? 0) + 1);
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
