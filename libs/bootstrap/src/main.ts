import { Logger } from '@nestjs/common';
import { NestPinoLogger, processLogger, prepareRuntime, Runtime } from '@craftcert/platform';
import { App, createApp, isHttpApp, shutdown } from './application';
import { loadConfigOrExit, migrate } from './core';

/** Process entry for every role: the server's and the worker's `main.js` call it. */
export async function main(): Promise<void> {
  const config = loadConfigOrExit();
  // Every line the process writes, Nest's included, is JSON from one logger (see logging).
  Logger.overrideLogger(new NestPinoLogger(processLogger(config)));
  const logger = new Logger('Main');
  let runtime: Runtime | undefined;
  let app: App | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received, shutting down`);
    // Ref'd on purpose: it also keeps the event loop alive while queue clients close.
    setTimeout(() => process.exit(1), config.SHUTDOWN_TIMEOUT_MS + 5000);
    try {
      if (app && runtime) await shutdown(app, runtime);
      else await runtime?.release();
      process.exit(0);
    } catch (error) {
      logger.error(error);
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));

  try {
    runtime = await prepareRuntime(config);
    await migrate(runtime);
    app = await createApp(runtime);
    if (isHttpApp(app)) {
      await app.listen(config.PORT, config.HOST);
      logger.log(`craftcert (${config.ROLE}) listening on http://localhost:${config.PORT}`);
    } else {
      await app.init();
      logger.log(`craftcert worker started`);
    }
    logger.log(`database: ${runtime.database.kind}, queues: ${runtime.queues.kind}`);
  } catch (error) {
    logger.error(error instanceof Error ? error.stack : error);
    await runtime?.release().catch(() => undefined);
    process.exit(1);
  }
}
