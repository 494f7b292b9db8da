import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject } from '@nestjs/common';
import { Command, CommandRunner } from 'nest-commander';
import { withMigrationDataSource } from '@craftcert/bootstrap/core';
import {
  pendingSchemaChanges,
  revertLastMigrationLocked,
  RUNTIME,
  runMigrationsLocked,
  type Runtime,
} from '@craftcert/platform';

// Schema commands connect as the migrations do (the embedded cluster's superuser), not as the
// application's role, which may only read and write rows.

@Command({ name: 'db:migrate', description: 'Apply pending migrations (under the advisory lock)' })
export class DbMigrateCommand extends CommandRunner {
  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {
    super();
  }

  async run(): Promise<void> {
    const applied = await withMigrationDataSource(this.runtime, runMigrationsLocked);
    console.log(
      applied.length === 0
        ? 'Database is up to date.'
        : `Applied ${applied.length} migration(s):\n${applied.map((m) => `  ${m.name}`).join('\n')}`,
    );
  }
}

@Command({ name: 'db:revert', description: 'Revert the most recently applied migration' })
export class DbRevertCommand extends CommandRunner {
  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {
    super();
  }

  async run(): Promise<void> {
    await withMigrationDataSource(this.runtime, revertLastMigrationLocked);
    console.log('Reverted the last migration.');
  }
}

@Command({
  name: 'db:generate',
  arguments: '<name>',
  description:
    'Write migrations/<timestamp>-<Name>.ts from the difference between entities and the database',
})
export class DbGenerateCommand extends CommandRunner {
  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {
    super();
  }

  async run([name]: string[]): Promise<void> {
    if (!/^[A-Z][A-Za-z0-9]+$/.test(name)) {
      throw new Error('name must be PascalCase letters and digits, e.g. AddNominations');
    }
    const { up, down } = await withMigrationDataSource(this.runtime, pendingSchemaChanges);
    if (up.length === 0) {
      console.log('Entities and database agree: nothing to generate.');
      return;
    }
    const timestamp = Date.now();
    const file = join(process.cwd(), 'migrations', `${timestamp}-${name}.ts`);
    await writeFile(file, renderMigration(`${name}${timestamp}`, up, down.toReversed()));
    console.log(`Wrote ${file}; review it, then add it to migrations/index.ts.`);
  }
}

const queryLines = (queries: string[]) =>
  queries.map((q) => `    await queryRunner.query(${JSON.stringify(q)});`).join('\n');

function renderMigration(className: string, up: string[], down: string[]): string {
  return `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${queryLines(up)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${queryLines(down)}
  }
}
`;
}
