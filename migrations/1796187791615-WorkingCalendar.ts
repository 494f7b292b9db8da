import { MigrationInterface, QueryRunner } from 'typeorm';

export class WorkingCalendar1796187791615 implements MigrationInterface {
  name = 'WorkingCalendar1796187791615';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "calendar_override" ("date" date NOT NULL, "kind" character varying(16) NOT NULL, "reason" character varying(500) NOT NULL, "set_by" uuid, "set_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_calendar_override_kind" CHECK (kind IN (\'workingDay\', \'dayOff\')), CONSTRAINT "pk_calendar_override" PRIMARY KEY ("date"))',
    );
    await queryRunner.query(
      'CREATE TABLE "calendar_year_declaration" ("year" integer NOT NULL, "reason" character varying(500) NOT NULL, "declared_by" uuid, "declared_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_calendar_year_declaration_year" CHECK (year BETWEEN 1000 AND 9999), CONSTRAINT "pk_calendar_year_declaration" PRIMARY KEY ("year"))',
    );
    await queryRunner.query(
      'CREATE TABLE "calendar_revision" ("id" smallint NOT NULL, "revision" bigint NOT NULL, CONSTRAINT "ck_calendar_revision_single_row" CHECK (id = 1), CONSTRAINT "pk_calendar_revision" PRIMARY KEY ("id"))',
    );
    // The single row every process compares its cached revision with.
    await queryRunner.query('INSERT INTO "calendar_revision" ("id", "revision") VALUES (1, 0)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "calendar_revision"');
    await queryRunner.query('DROP TABLE "calendar_year_declaration"');
    await queryRunner.query('DROP TABLE "calendar_override"');
  }
}
