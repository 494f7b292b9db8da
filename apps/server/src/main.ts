import { Logger } from '@nestjs/common';
import {
  ConfigError,
  loadConfig,
  nestLogLevels,
  prepareRuntime,
  Runtime,
} from '@craftcert/platform';
import { App, createApp, isHttpApp, migrate, shutdown } from './bootstrap';

/**
 * Process entry for every role. Configuration is validated before Nest starts; a bad value
 * exits with status 1 and a message naming the variable.
 */
export async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  Logger.overrideLogger(nestLogLevels(config.LOG_LEVEL));
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

if (require.main === module) void main();
