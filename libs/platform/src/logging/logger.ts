import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LoggerService } from '@nestjs/common';
import pino, { type DestinationStream, type Logger as Pino } from 'pino';
import { AppConfig } from '../config/app-config';

export type AppLogger = Pino;
export const REQUEST_ID_HEADER = 'x-request-id';

/** Reuses a caller's request id when it looks sane, so one id follows a request across hops. */
export function requestIdFrom(req: IncomingMessage): string {
  const given = req.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
}

const loggers = new Map<string, AppLogger>();

/**
 * The process's one logger: JSON lines on stdout, written asynchronously (pino's sonic-boom,
 * flushed at exit), or readable lines when stdout is a terminal. Every other log — Nest's,
 * the request log, the exception filter's — goes through it, so output is never mixed.
 */
export function processLogger(config: Pick<AppConfig, 'LOG_LEVEL'>): AppLogger {
  let logger = loggers.get(config.LOG_LEVEL);
  if (!logger) {
    logger = pino(
      {
        level: config.LOG_LEVEL,
        // Should a caller ever log a request or its headers, tokens must not reach the logs.
        redact: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization'],
      },
      process.stdout.isTTY ? readableLines() : pino.destination({ dest: 1, sync: false }),
    );
    loggers.set(config.LOG_LEVEL, logger);
  }
  return logger;
}

const LEVELS: Record<number, [name: string, colour: string]> = {
  10: ['TRACE', '90'],
  20: ['DEBUG', '36'],
  30: ['INFO', '32'],
  40: ['WARN', '33'],
  50: ['ERROR', '31'],
  60: ['FATAL', '35'],
};
const STANDARD = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'context']);

/** For a person at a terminal: time, coloured level, [context], message, then other fields. */
function readableLines(): DestinationStream {
  return {
    write(line: string) {
      const entry = JSON.parse(line) as Record<string, unknown> & { level: number; time: number };
      const [name, colour] = LEVELS[entry.level] ?? [String(entry.level), '0'];
      const rest = Object.fromEntries(Object.entries(entry).filter(([k]) => !STANDARD.has(k)));
      const time = new Date(entry.time).toISOString().slice(11, 23);
      const context = entry.context ? ` [${String(entry.context)}]` : '';
      const extra = Object.keys(rest).length > 0 ? ` ${JSON.stringify(rest)}` : '';
      process.stdout.write(
        `${time} \x1b[${colour}m${name.padEnd(5)}\x1b[0m${context} ${String(entry.msg ?? '')}${extra}\n`,
      );
    },
  };
}

// Nest's start-up chatter (a line per module and per route) is detail, not news.
const CHATTY_CONTEXTS = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestFactory',
  'NestApplication',
]);

/** Nest's LoggerService on the process logger: `new Logger('Ctx').log(…)` becomes a JSON line. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: AppLogger) {}

  log(message: unknown, ...params: unknown[]) {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]) {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]) {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]) {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]) {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]) {
    this.write('fatal', message, params);
  }

  /**
   * Nest appends the logger's context as the last parameter; before it, `error` may carry a
   * stack. A first argument that is an object is logged as fields (`{ err }` for an Error).
   */
  private write(level: pino.Level, message: unknown, params: unknown[]) {
    const rest = [...params];
    const last = rest.at(-1);
    const context = typeof last === 'string' ? (rest.pop() as string) : undefined;
    const effective = context && CHATTY_CONTEXTS.has(context) ? 'debug' : level;
    if (!this.logger.isLevelEnabled(effective)) return;
    const fields: Record<string, unknown> = context ? { context } : {};
    let text: string | undefined;
    if (message instanceof Error) fields.err = message;
    else if (message !== null && typeof message === 'object') Object.assign(fields, message);
    else text = String(message);
    for (const p of rest) {
      if (typeof p !== 'string') continue;
      if (text === undefined) text = p;
      else fields.stack = p;
    }
    this.logger[effective](fields, text);
  }
}
