import { Logger } from '@nestjs/common';
import { NestPinoLogger, processLogger, prepareRuntime, Runtime } from '@craftcert/platform';
import { App, createApp, isHttpApp, shutdown } from './application';
import { serveWorkerHealth } from './worker-health';
import { loadConfigOrExit, migrate } from './core';
import { describeDemo, seedDemo } from './demo/demo-seed';

export interface MainOptions {
  /**
   * The entry point's own stop handler, installed before the framework loaded so that a signal
   * arriving meanwhile still ends the process with status 0; main() replaces it with its own.
   */
  stopBeforeStart?: () => void;
}

/** How long a stop requested during start-up waits for the start to finish. */
const START_SETTLE_MS = 60000;

/** Process entry for every role: the server's and the worker's `main.js` call it. */
export async function main(options: MainOptions = {}): Promise<void> {
  const config = loadConfigOrExit();
  // Every line the process writes, Nest's included, is JSON from one logger (see logging).
  Logger.overrideLogger(new NestPinoLogger(processLogger(config)));
  const logger = new Logger('Main');
  let runtime: Runtime | undefined;
  let app: App | undefined;
  let stopping = false;

  const start = async () => {
    runtime = await prepareRuntime(config);
    // A stop requested while the database was starting ends here; stop() releases it.
    if (stopping) return;
    await migrate(runtime);
    if (stopping) return;
    app = await createApp(runtime);
    if (isHttpApp(app)) {
      await app.listen(config.PORT, config.HOST);
      logger.log(`craftcert (${config.ROLE}) listening on http://localhost:${config.PORT}`);
      // A newcomer's `npm start` shows a living site: the embedded database's first start seeds it.
      if (config.SEED_DEMO && runtime.database.kind === 'embedded-postgres') {
        // A failed seed leaves a working, if emptier, platform: said, not fatal.
        try {
          const seeded = await seedDemo(app, { onlyIfEmpty: true });
          if (seeded.seeded) printDemo(describeDemo(seeded, config.PUBLIC_URL));
        } catch (error) {
          logger.error(`demo data not seeded: ${String(error)}`);
        }
      }
    } else {
      await app.init();
      const port = await serveWorkerHealth(app, config.HEALTH_PORT, config.HOST);
      logger.log(`craftcert worker started; health checks on port ${port}`);
    }
    logger.log(`database: ${runtime.database.kind}, queues: ${runtime.queues.kind}`);
  };

  const stop = async (signal: string) => {
    if (stopping) return logger.log(`${signal} received again; already shutting down`);
    stopping = true;
    logger.log(`${signal} received, shutting down`);
    // A signal during start-up lets it settle first (within a limit: a start that hangs, e.g.
    // on an unreachable queue backend, must not keep the process from stopping), so that an
    // embedded database being started is stopped in order rather than left without its parent.
    const settled = await Promise.race([
      started.then(
        () => 'started' as const,
        () => 'failed' as const,
      ),
      new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), START_SETTLE_MS).unref()),
    ]);
    // Ref'd on purpose: it also keeps the event loop alive while queue clients close.
    setTimeout(() => process.exit(1), config.SHUTDOWN_TIMEOUT_MS + 5000);
    if (settled === 'hung') {
      logger.error('start-up did not finish; stopping the database and exiting');
      await runtime?.release().catch(() => undefined);
      process.exit(1);
    }
    try {
      if (app && runtime) await shutdown(app, runtime);
      else await runtime?.release();
      process.exit(settled === 'failed' ? 1 : 0);
    } catch (error) {
      logger.error(error);
      process.exit(1);
    }
  };
  if (options.stopBeforeStart) {
    process.removeListener('SIGTERM', options.stopBeforeStart);
    process.removeListener('SIGINT', options.stopBeforeStart);
  }
  // SIGHUP too: a closed terminal must not leave the embedded database (in its own process
  // group, so it does not get the hang-up itself) running without the application.
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    process.on(signal, () => void stop(signal));
  }
  // stop() runs on a signal, so never before this line has run.
  const started = start();

  try {
    await started;
  } catch (error) {
    logger.error(error instanceof Error ? error.stack : error);
    if (stopping) return; // stop() releases what started and exits
    await runtime?.release().catch(() => undefined);
    process.exit(1);
  }
}

/**
 * Where to look, printed once on the start that seeded: directly, whatever LOG_LEVEL says, and
 * as a JSON line like every other line of output unless a person is reading the terminal.
 */
function printDemo(text: string): void {
  process.stdout.write(
    process.stdout.isTTY
      ? `\n${text}\n`
      : `${JSON.stringify({ level: 30, time: Date.now(), context: 'DemoSeed', msg: text })}\n`,
  );
}
