import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DynamicModule, LogLevel, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';

const REQUEST_ID_HEADER = 'x-request-id';

const NEST_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
const PINO_TO_NEST: Record<AppConfig['LOG_LEVEL'], number> = {
  silent: 0,
  fatal: 1,
  error: 2,
  warn: 3,
  info: 4,
  debug: 5,
  trace: 6,
};

/** Nest's own logger (used before the app exists) honours LOG_LEVEL like pino does. */
export function nestLogLevels(level: AppConfig['LOG_LEVEL']): LogLevel[] {
  return NEST_LEVELS.slice(0, PINO_TO_NEST[level]);
}

/** Reuses a caller's request id when it looks sane, so one id follows a request across hops. */
export function requestIdFrom(req: IncomingMessage): string {
  const given = req.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
}

@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.LOG_LEVEL,
            // Fastify already assigned the id (see createHttpApp); reuse it for the log line.
            genReqId: (req: IncomingMessage & { id?: unknown }, res: ServerResponse) => {
              const id = typeof req.id === 'string' ? req.id : requestIdFrom(req);
              res.setHeader(REQUEST_ID_HEADER, id);
              return id;
            },
            autoLogging: {
              ignore: (req: IncomingMessage) => req.url?.startsWith('/health') ?? false,
            },
            // Tokens travel in these headers; they must never reach the logs.
            redact: [
              'req.headers.authorization',
              'req.headers.cookie',
              'res.headers["set-cookie"]',
            ],
          },
        }),
      ],
    };
  }
}
