import { Logger } from '@nestjs/common';
import { CommandFactory } from 'nest-commander';
import { loadConfigOrExit } from '@craftcert/bootstrap/core';
import { prepareRuntime, Runtime } from '@craftcert/platform';
import { CliModule } from './cli.module';

const OFFLINE_PREFIX = 'pipeline:';
/** Commands that run on the server application (built in process, not listening). */
const APPLICATION_COMMANDS = new Set(['demo:seed']);

/**
 * `npm run cli -- <command>`: the same configuration and modules as the server, without HTTP.
 * In embedded mode it shares the database of a running server, or starts it for the command;
 * file-only commands (pipeline:*) start nothing.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  // Commands print their own results; only problems should interleave with them.
  Logger.overrideLogger(['fatal', 'error', 'warn']);
  const offline = process.argv[2]?.startsWith(OFFLINE_PREFIX) ?? false;
  let runtime: Runtime | undefined;
  let failed = false;
  try {
    runtime = offline ? undefined : await prepareRuntime(config);
    const module = !runtime
      ? CliModule.offline()
      : APPLICATION_COMMANDS.has(process.argv[2] ?? '')
        ? CliModule.withApplication(runtime)
        : CliModule.forRoot(runtime);
    await CommandFactory.run(module, {
      logger: ['warn', 'error'],
      errorHandler: (error) => {
        // Unknown command or bad arguments: commander already printed why.
        const { exitCode, code } = error as Error & { exitCode?: number; code?: string };
        failed = exitCode !== 0 && code !== 'commander.helpDisplayed';
      },
      serviceErrorHandler: (error) => {
        process.stderr.write(`${error.message}\n`);
        failed = true;
      },
    });
  } finally {
    await runtime?.release();
  }
  // A command may set its own non-zero code (pipeline:select exits 2 when no list can be made).
  process.exit(failed ? 1 : Number(process.exitCode ?? 0));
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
