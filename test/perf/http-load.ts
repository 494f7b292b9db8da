import { readFileSync } from 'node:fs';
import { connect, Socket } from 'node:net';

export interface LoadOptions {
  port: number;
  method?: string;
  path: string;
  /** Header sets used in turn, one per request (e.g. one bearer token each); default none. */
  headerSets?: readonly Record<string, string>[];
  body?: string;
  /** Every response must have this status … */
  status?: number;
  /** … and this exact body, or pass this check (return a reason to fail the run). */
  expect: Buffer | string | ((body: Buffer) => string | undefined);
  concurrency?: number;
  durationMs?: number;
}

/**
 * A small closed-loop HTTP/1.1 load generator on raw keep-alive sockets: `concurrency`
 * connections each send the next request as soon as the previous response is complete.
 * Requests are encoded once up front, so the client spends its time reading answers, not
 * building requests — Node's own http client costs more per request than a fast server does.
 * Every response's status and body are checked; one wrong answer fails the run, so a benchmark
 * can never silently measure error pages. Returns responses per second.
 */
export async function requestsPerSecond(options: LoadOptions): Promise<number> {
  return (await httpLoad(options)).perSecond;
}

export interface LoadResult {
  responses: number;
  seconds: number;
  perSecond: number;
}

/** As requestsPerSecond, with the count and duration behind the rate. */
export async function httpLoad(options: LoadOptions): Promise<LoadResult> {
  const { concurrency = 16, durationMs = 2000, status = 200 } = options;
  const requests = (options.headerSets ?? [{}]).map((headers) => encodeRequest(options, headers));
  const check = checker(options.expect);
  let next = 0;
  let done = 0;
  const deadline = Date.now() + durationMs;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, () =>
      connection(options.port, (send) => {
        const loop = (response?: Response): boolean => {
          if (response) {
            if (response.status !== status)
              throw new Error(
                `${options.path} answered ${response.status}: ${response.body.toString().slice(0, 200)}`,
              );
            const wrong = check(response.body);
            if (wrong) throw new Error(`${options.path}: ${wrong}`);
            done++;
          }
          if (Date.now() >= deadline) return false;
          send(requests[next]);
          next = next + 1 === requests.length ? 0 : next + 1;
          return true;
        };
        return loop;
      }),
    ),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { responses: done, seconds, perSecond: done / seconds };
}

/**
 * CPU seconds (user + system) another process has used so far, from /proc (Linux). Requests
 * per CPU-second of the server is what its throughput would be with a core to itself: unlike
 * requests per second, it does not change with how busy the rest of the machine is.
 */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may contain spaces) start at state, field 3.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

// USER_HZ: 100 on every Linux architecture Node supports.
const CLOCK_TICKS_PER_SECOND = 100;

interface Response {
  status: number;
  body: Buffer;
}

function encodeRequest(options: LoadOptions, headers: Record<string, string>): Buffer {
  const body = options.body === undefined ? undefined : Buffer.from(options.body);
  const lines = [
    `${options.method ?? 'GET'} ${options.path} HTTP/1.1`,
    `host: 127.0.0.1:${options.port}`,
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
  ];
  if (body) lines.push('content-type: application/json', `content-length: ${body.length}`);
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`);
  return body ? Buffer.concat([head, body]) : head;
}

function checker(expect: LoadOptions['expect']): (body: Buffer) => string | undefined {
  if (typeof expect === 'function') return expect;
  const wanted = Buffer.from(expect);
  return (body) =>
    body.equals(wanted)
      ? undefined
      : `unexpected body ${body.toString().slice(0, 200)} (wanted ${wanted.toString().slice(0, 200)})`;
}

/**
 * One keep-alive connection: `start(send)` returns a callback that is given each complete
 * response (and nothing at first) and sends the next request, or returns false to finish.
 */
function connection(
  port: number,
  start: (send: (request: Buffer) => void) => (response?: Response) => boolean,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect({ host: '127.0.0.1', port, noDelay: true });
    const onResponse = start((request) => socket.write(request));
    let buffered: Buffer = Buffer.alloc(0);
    const fail = (error: Error) => {
      socket.destroy();
      reject(error);
    };
    socket.on('error', fail);
    socket.on('connect', () => {
      if (!onResponse()) socket.end(resolve);
    });
    socket.on('data', (chunk: Buffer) => {
      buffered = buffered.length ? Buffer.concat([buffered, chunk]) : chunk;
      try {
        for (;;) {
          const parsed = parseResponse(buffered);
          if (!parsed) return;
          buffered = buffered.subarray(parsed.length);
          if (!onResponse(parsed.response)) {
            socket.end(resolve);
            return;
          }
        }
      } catch (error) {
        fail(error as Error);
      }
    });
    socket.on('end', () => reject(new Error('the server closed a keep-alive connection')));
  });
}

/** A complete response at the start of buf and its length in bytes, or undefined if partial. */
function parseResponse(buf: Buffer): { response: Response; length: number } | undefined {
  const headEnd = buf.indexOf('\r\n\r\n');
  if (headEnd < 0) return undefined;
  const head = buf.toString('latin1', 0, headEnd);
  const status = Number(head.slice(9, 12));
  const bodyStart = headEnd + 4;
  const contentLength = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  if (contentLength) {
    const end = bodyStart + Number(contentLength[1]);
    if (buf.length < end) return undefined;
    return { response: { status, body: buf.subarray(bodyStart, end) }, length: end };
  }
  if (!/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
    throw new Error(`response without a length on a keep-alive connection: ${head}`);
  }
  const parts: Buffer[] = [];
  let at = bodyStart;
  for (;;) {
    const lineEnd = buf.indexOf('\r\n', at);
    if (lineEnd < 0) return undefined;
    const size = parseInt(buf.toString('latin1', at, lineEnd), 16);
    const dataStart = lineEnd + 2;
    if (buf.length < dataStart + size + 2) return undefined;
    if (size === 0) {
      return { response: { status, body: Buffer.concat(parts) }, length: dataStart + 2 };
    }
    parts.push(buf.subarray(dataStart, dataStart + size));
    at = dataStart + size + 2;
  }
}
