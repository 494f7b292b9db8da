import { Inject } from '@nestjs/common';
import { Command, CommandRunner } from 'nest-commander';
import { createApp, describeDemo, isHttpApp, migrate, seedDemo } from '@craftcert/bootstrap';
import { Runtime, RUNTIME } from '@craftcert/platform';

@Command({
  name: 'demo:seed',
  description:
    'Seed the demo (city scheme, a released edition with certificates, one in public notice); a second run changes nothing',
})
export class DemoSeedCommand extends CommandRunner {
  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {
    super();
  }

  async run(): Promise<void> {
    // The seed goes through the API in process, as a person would: the HTTP application is built
    // (not listening) for the length of the command, on a schema brought up to date first.
    await migrate(this.runtime);
    const app = await createApp(this.runtime);
    if (!isHttpApp(app)) {
      await app.close();
      throw new Error('demo:seed needs ROLE=all or ROLE=api');
    }
    try {
      await app.init();
      const result = await seedDemo(app);
      console.log(
        result.seeded
          ? describeDemo(result, this.runtime.config.PUBLIC_URL)
          : 'demo data already present; nothing changed',
      );
    } finally {
      await app.close();
    }
  }
}
