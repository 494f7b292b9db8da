import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Selection runs (what a selection or shortlist stage selected on closing) and finalised results:
 * one per edition and tier, never more places than the quota, approved by a different person.
 */
export class SelectionResults1796238000000 implements MigrationInterface {
  name = 'SelectionResults1796238000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "selection_run" ("edition_id" uuid NOT NULL, "stage_id" character varying(64) NOT NULL, "kind" character varying(16) NOT NULL, "outcome" jsonb NOT NULL, "ran_by" uuid, "ran_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_selection_run" PRIMARY KEY ("edition_id", "stage_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "selection_result" ("edition_id" uuid NOT NULL, "tier_id" character varying(64) NOT NULL, "stage_id" character varying(64) NOT NULL, "quota" integer NOT NULL, "filled" integer NOT NULL, "finalised_by" uuid NOT NULL, "finalised_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "approved_by" uuid, "approved_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_selection_result_quota" UNIQUE ("edition_id", "tier_id", "quota"), CONSTRAINT "ck_selection_result_approver" CHECK ("approved_by" IS NULL OR ("approved_by" <> "finalised_by" AND "approved_at" IS NOT NULL)), CONSTRAINT "ck_selection_result_filled" CHECK ("filled" >= 0 AND "filled" <= "quota"), CONSTRAINT "pk_selection_result" PRIMARY KEY ("edition_id", "tier_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "selection_place" ("edition_id" uuid NOT NULL, "tier_id" character varying(64) NOT NULL, "position" integer NOT NULL, "quota" integer NOT NULL, "nomination_id" uuid NOT NULL, "reason" jsonb NOT NULL, CONSTRAINT "uq_selection_place_nomination" UNIQUE ("edition_id", "nomination_id"), CONSTRAINT "ck_selection_place_position" CHECK ("position" >= 1 AND "position" <= "quota"), CONSTRAINT "pk_selection_place" PRIMARY KEY ("edition_id", "tier_id", "position"))',
    );
    await queryRunner.query(
      'ALTER TABLE "selection_run" ADD CONSTRAINT "fk_selection_run_edition" FOREIGN KEY ("edition_id") REFERENCES "edition"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "selection_result" ADD CONSTRAINT "fk_selection_result_edition" FOREIGN KEY ("edition_id") REFERENCES "edition"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "selection_place" ADD CONSTRAINT "fk_selection_place_result" FOREIGN KEY ("edition_id", "tier_id", "quota") REFERENCES "selection_result"("edition_id","tier_id","quota") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "selection_place" DROP CONSTRAINT "fk_selection_place_result"',
    );
    await queryRunner.query(
      'ALTER TABLE "selection_result" DROP CONSTRAINT "fk_selection_result_edition"',
    );
    await queryRunner.query(
      'ALTER TABLE "selection_run" DROP CONSTRAINT "fk_selection_run_edition"',
    );
    await queryRunner.query('DROP TABLE "selection_place"');
    await queryRunner.query('DROP TABLE "selection_result"');
    await queryRunner.query('DROP TABLE "selection_run"');
  }
}
