import { MigrationInterface, QueryRunner } from 'typeorm';

export class AnnualCycle1796237000000 implements MigrationInterface {
  name = 'AnnualCycle1796237000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "programme_cycle" ("programme_id" uuid NOT NULL, "opens_on" character varying(5) NOT NULL, "nomination_days" integer NOT NULL, "first_year" integer NOT NULL, "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_programme_cycle" PRIMARY KEY ("programme_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "scheduled_transition" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "key" character varying(200) NOT NULL, "programme_id" uuid NOT NULL, "edition_id" uuid, "action" character varying(16) NOT NULL, "stage_id" character varying(64), "year" integer, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" character varying(16) NOT NULL DEFAULT \'pending\', "attempts" integer NOT NULL DEFAULT \'0\', "last_error" character varying(1000), "shift_reason" character varying(500), "ran_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_scheduled_transition_status" CHECK (status IN (\'pending\', \'done\')), CONSTRAINT "ck_scheduled_transition_action" CHECK (action IN (\'editionOpen\', \'stageClose\', \'stageEnter\')), CONSTRAINT "pk_scheduled_transition" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_scheduled_transition_due" ON "scheduled_transition"  ("status", "due_at") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_scheduled_transition_key" ON "scheduled_transition"  ("key") ',
    );
    await queryRunner.query(
      'ALTER TABLE "programme_cycle" ADD CONSTRAINT "fk_programme_cycle_programme" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "scheduled_transition" ADD CONSTRAINT "fk_scheduled_transition_edition" FOREIGN KEY ("edition_id") REFERENCES "edition"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "scheduled_transition" ADD CONSTRAINT "fk_scheduled_transition_programme" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "scheduled_transition" DROP CONSTRAINT "fk_scheduled_transition_programme"',
    );
    await queryRunner.query(
      'ALTER TABLE "scheduled_transition" DROP CONSTRAINT "fk_scheduled_transition_edition"',
    );
    await queryRunner.query(
      'ALTER TABLE "programme_cycle" DROP CONSTRAINT "fk_programme_cycle_programme"',
    );
    await queryRunner.query('DROP INDEX "public"."uq_scheduled_transition_key"');
    await queryRunner.query('DROP INDEX "public"."ix_scheduled_transition_due"');
    await queryRunner.query('DROP TABLE "scheduled_transition"');
    await queryRunner.query('DROP TABLE "programme_cycle"');
  }
}
