import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '../config/app-config';

/**
 * A function run on a parse thread: `exportName` of the module at `modulePath` (found with
 * require.resolve, so it names the compiled file in dist/ and the source under the tests). The
 * module must import no framework: it is loaded on its own in the thread.
 */
export interface ParseTask<I, O> {
  modulePath: string;
  exportName: string;
  /** Only carries the types. */
  readonly types?: (input: I) => O;
}

export function parseTask<I, O>(modulePath: string, exportName: string): ParseTask<I, O> {
  return { modulePath, exportName };
}

/** A parse thread ran out of its heap or its time; the input needs more than the limits allow. */
export class ParseLimitError extends Error {
  constructor(
    readonly limit: 'memory' | 'time',
    readonly allowance: number,
  ) {
    super(
      limit === 'memory'
        ? `memory: reading it needs more than ${allowance} MB`
        : `time: reading it takes longer than ${allowance} ms`,
    );
    this.name = 'ParseLimitError';
  }
}

interface Job {
  task: ParseTask<unknown, unknown>;
  input: unknown;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface Thread {
  worker: Worker;
  job?: Job;
  timer?: NodeJS.Timeout;
}

// Runs in each thread: loads a task's module once, runs it per message. From the TypeScript
// sources (the test suite), the modules are compiled on load with the build's own swc settings.
const THREAD_MAIN = `
const { parentPort, workerData } = require('node:worker_threads');
if (workerData.sourceRoot) {
  const { readFileSync } = require('node:fs');
  const Module = require('node:module');
  const swc = require(workerData.swcPath);
  const swcrc = JSON.parse(readFileSync(workerData.sourceRoot + '/.swcrc', 'utf8'));
  delete swcrc.$schema;
  const options = { ...swcrc, swcrc: false, sourceMaps: false, jsc: { ...swcrc.jsc, baseUrl: workerData.sourceRoot } };
  Module._extensions['.ts'] = (module, filename) =>
    module._compile(swc.transformSync(readFileSync(filename, 'utf8'), { ...options, filename }).code, filename);
}
parentPort.on('message', ({ modulePath, exportName, input }) => {
  Promise.resolve()
    .then(() => require(modulePath)[exportName](input))
    .then(
      (value) => parentPort.postMessage({ ok: true, value }),
      (error) => parentPort.postMessage({ ok: false, message: String((error && error.message) || error) }),
    );
});
`;

/** The checkout's root when running from TypeScript sources, where .swcrc lies. */
function sourceRoot(): string | undefined {
  if (!__filename.endsWith('.ts')) return undefined;
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, '.swcrc'))) return dir;
  }
  return undefined;
}

/**
 * Parsing of uploads and definitions, off the event loop: a few threads (PARSE_WORKERS), each
 * with a capped heap (PARSE_MEMORY_MB) and a time limit per task (PARSE_TIMEOUT_MS). A thread
 * that runs out of either is ended and the task refused with ParseLimitError; a new thread takes
 * its place on demand. Tasks beyond the thread count wait their turn.
 */
@Injectable()
export class ParsePool implements OnModuleDestroy {
  private readonly threads = new Set<Thread>();
  private readonly waiting: Job[] = [];
  private readonly root = sourceRoot();
  private closed = false;

  constructor(private readonly config: AppConfig) {}

  /** How many tasks are running on a thread now. */
  get busy(): number {
    return [...this.threads].filter((t) => t.job).length;
  }

  run<I, O>(task: ParseTask<I, O>, input: I): Promise<O> {
    if (this.closed) return Promise.reject(new Error('the parse threads have stopped'));
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({
        task: task as ParseTask<unknown, unknown>,
        input,
        resolve: resolve as (value: unknown) => void,
        reject,
      });
      this.dispatch();
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    for (const job of this.waiting.splice(0)) job.reject(new Error('shutting down'));
    await Promise.all([...this.threads].map((thread) => this.end(thread)));
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      const thread = [...this.threads].find((t) => !t.job) ?? this.spawn();
      if (!thread) return;
      this.start(thread, this.waiting.shift()!);
    }
  }

  private spawn(): Thread | undefined {
    if (this.threads.size >= this.config.PARSE_WORKERS) return undefined;
    const worker = new Worker(THREAD_MAIN, {
      eval: true,
      workerData: {
        sourceRoot: this.root,
        swcPath: this.root ? require.resolve('@swc/core') : undefined,
      },
      resourceLimits: { maxOldGenerationSizeMb: this.config.PARSE_MEMORY_MB, stackSizeMb: 4 },
      stdout: false,
      stderr: false,
    });
    // An idle thread never keeps the process alive.
    worker.unref();
    const thread: Thread = { worker };
    worker.on('message', (message: { ok: boolean; value?: unknown; message?: string }) => {
      const job = this.finish(thread);
      if (!job) return;
      if (message.ok) job.resolve(message.value);
      else job.reject(new Error(message.message));
      this.dispatch();
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const job = this.finish(thread);
      this.threads.delete(thread);
      job?.reject(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new ParseLimitError('memory', this.config.PARSE_MEMORY_MB)
          : error,
      );
      this.dispatch();
    });
    worker.on('exit', () => {
      const job = this.finish(thread);
      this.threads.delete(thread);
      job?.reject(new Error('the parse thread stopped'));
      if (!this.closed) this.dispatch();
    });
    this.threads.add(thread);
    return thread;
  }

  private start(thread: Thread, job: Job): void {
    thread.job = job;
    thread.worker.ref();
    thread.timer = setTimeout(() => {
      const late = this.finish(thread);
      this.threads.delete(thread);
      void thread.worker.terminate();
      late?.reject(new ParseLimitError('time', this.config.PARSE_TIMEOUT_MS));
      this.dispatch();
    }, this.config.PARSE_TIMEOUT_MS);
    const { modulePath, exportName } = job.task;
    // A worker_threads port, not a window: there is no target origin.
    // oxlint-disable-next-line unicorn/require-post-message-target-origin
    thread.worker.postMessage({ modulePath, exportName, input: job.input });
  }

  /** Frees the thread of its job (if any) and returns that job. */
  private finish(thread: Thread): Job | undefined {
    const job = thread.job;
    clearTimeout(thread.timer);
    thread.job = undefined;
    thread.timer = undefined;
    thread.worker.unref();
    return job;
  }

  private async end(thread: Thread): Promise<void> {
    this.threads.delete(thread);
    await thread.worker.terminate();
  }
}
