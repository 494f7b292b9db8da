import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { DomainError, statusForCode } from '../errors/domain-error';

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: { path: string; message: string }[];
  requestId: string;
}

/**
 * The single place that turns failures into HTTP answers. Domain errors map by code; framework
 * and parser errors keep their 4xx; anything else is a bare 500 whose request id lets an
 * operator find the logged cause.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const body = this.toBody(exception, String(request.id), request.routeOptions?.bodyLimit);
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, requestId: body.requestId }, 'unhandled error');
    }
    if (exception instanceof DomainError && exception.retryAfterSeconds !== undefined) {
      void reply.header('retry-after', String(exception.retryAfterSeconds));
    }
    void reply.status(body.statusCode).header('x-request-id', body.requestId).send(body);
  }

  private toBody(exception: unknown, requestId: string, bodyLimit?: number): ErrorBody {
    if (exception instanceof DomainError) {
      return {
        statusCode: statusForCode(exception.code),
        code: exception.code,
        message: exception.message,
        ...(exception.errors ? { errors: exception.errors } : {}),
        requestId,
      };
    }
    if (isDataException(exception)) {
      // The database refused a value the validators let through (e.g. out of range): still the caller's input.
      return {
        statusCode: 400,
        code: 'BAD_REQUEST',
        message: 'A value in the request is not acceptable',
        requestId,
      };
    }
    const status = clientStatusOf(exception);
    if (status === 413 && bodyLimit !== undefined) {
      // Fastify's own message does not say how much is allowed.
      const message = `bytes: at most ${bodyLimit} bytes`;
      return {
        statusCode: 413,
        code: httpCode(413),
        message: `The request body is over a limit: ${message}`,
        errors: [{ path: 'body', message }],
        requestId,
      };
    }
    if (status) {
      return {
        statusCode: status,
        code: httpCode(status),
        message: clientMessageOf(exception),
        requestId,
      };
    }
    return { statusCode: 500, code: 'INTERNAL_ERROR', message: 'Internal server error', requestId };
  }
}

/** PostgreSQL class 22 ("data exception"): invalid input values, never a server fault. */
function isDataException(exception: unknown): boolean {
  if (!(exception instanceof QueryFailedError)) return false;
  const code = (exception.driverError as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('22');
}

/** A 4xx status carried by a Nest HttpException or a Fastify error (bad JSON, body too large). */
function clientStatusOf(exception: unknown): number | undefined {
  const status =
    exception instanceof HttpException
      ? exception.getStatus()
      : (exception as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

function clientMessageOf(exception: unknown): string {
  if (exception instanceof HttpException) {
    const response = exception.getResponse();
    if (typeof response === 'object' && response && 'message' in response) {
      const message = (response as { message: unknown }).message;
      return Array.isArray(message) ? message.join('; ') : String(message);
    }
  }
  return exception instanceof Error ? exception.message : 'Bad request';
}

const HTTP_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

function httpCode(status: number): string {
  return HTTP_CODES[status] ?? 'BAD_REQUEST';
}
