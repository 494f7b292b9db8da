import { MigrationInterface, QueryRunner } from 'typeorm';

export class ExpertScoring1796232000000 implements MigrationInterface {
  name = 'ExpertScoring1796232000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "expert_panel" ("edition_id" uuid NOT NULL, "stage_id" character varying(64) NOT NULL, "panel_group" character varying(64) NOT NULL, "organisation_id" uuid NOT NULL, "mapped_by" uuid, CONSTRAINT "pk_expert_panel" PRIMARY KEY ("edition_id", "stage_id", "panel_group", "organisation_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "expert_assignment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "candidate_stage_id" uuid NOT NULL, "edition_id" uuid NOT NULL, "stage_id" character varying(64) NOT NULL, "nomination_id" uuid NOT NULL, "expert_id" uuid NOT NULL, "panel_group" character varying(64) NOT NULL, "status" character varying(16) NOT NULL, "marks" jsonb NOT NULL DEFAULT \'{}\', "total" double precision, "breakdown" jsonb, "submitted_at" TIMESTAMP WITH TIME ZONE, "assigned_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_expert_assignment" UNIQUE ("candidate_stage_id", "expert_id"), CONSTRAINT "ck_expert_assignment_status" CHECK (status IN (\'assigned\', \'draft\', \'submitted\')), CONSTRAINT "pk_expert_assignment" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_expert_assignment_expert" ON "expert_assignment"  ("expert_id", "edition_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "expert_panel" ADD CONSTRAINT "fk_expert_panel_edition" FOREIGN KEY ("edition_id") REFERENCES "edition"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "expert_panel" ADD CONSTRAINT "fk_expert_panel_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "expert_assignment" ADD CONSTRAINT "fk_expert_assignment_candidate_stage" FOREIGN KEY ("candidate_stage_id") REFERENCES "candidate_stage"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "expert_assignment" DROP CONSTRAINT "fk_expert_assignment_candidate_stage"',
    );
    await queryRunner.query(
      'ALTER TABLE "expert_panel" DROP CONSTRAINT "fk_expert_panel_organisation"',
    );
    await queryRunner.query('ALTER TABLE "expert_panel" DROP CONSTRAINT "fk_expert_panel_edition"');
    await queryRunner.query('DROP INDEX "public"."ix_expert_assignment_expert"');
    await queryRunner.query('DROP TABLE "expert_assignment"');
    await queryRunner.query('DROP TABLE "expert_panel"');
  }
}
