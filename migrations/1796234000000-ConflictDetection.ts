import { MigrationInterface, QueryRunner } from 'typeorm';

export class ConflictDetection1796234000000 implements MigrationInterface {
  name = 'ConflictDetection1796234000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "review_task" ADD "assignee_user_id" uuid, ADD "awaiting_assignment" boolean NOT NULL DEFAULT false',
    );
    await queryRunner.query(
      'ALTER TABLE "review_task" ADD CONSTRAINT "fk_review_task_assignee" FOREIGN KEY ("assignee_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      `CREATE TABLE "reviewer_relation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" character varying(32) NOT NULL, "organisation_id" uuid, "identity_hash" character(64), "note" character varying(500), "declared_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_reviewer_relation_kind" CHECK (kind IN ('employer', 'formerEmployer', 'relativeEmployer', 'mentoring')), CONSTRAINT "ck_reviewer_relation_target" CHECK ((kind = 'mentoring' AND identity_hash IS NOT NULL AND organisation_id IS NULL) OR (kind <> 'mentoring' AND organisation_id IS NOT NULL AND identity_hash IS NULL)), CONSTRAINT "pk_reviewer_relation" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      'CREATE INDEX "ix_reviewer_relation_user" ON "reviewer_relation" ("user_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "reviewer_relation" ADD CONSTRAINT "fk_reviewer_relation_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "reviewer_relation" ADD CONSTRAINT "fk_reviewer_relation_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      `CREATE TABLE "conflict_waiver" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "task_id" uuid NOT NULL, "user_id" uuid NOT NULL, "reason" character varying(1000) NOT NULL, "waived_by" uuid NOT NULL, "waived_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_conflict_waiver" UNIQUE ("task_id", "user_id"), CONSTRAINT "pk_conflict_waiver" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      'ALTER TABLE "conflict_waiver" ADD CONSTRAINT "fk_conflict_waiver_task" FOREIGN KEY ("task_id") REFERENCES "review_task"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "conflict_waiver" ADD CONSTRAINT "fk_conflict_waiver_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      `CREATE TABLE "task_assignment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "task_id" uuid NOT NULL, "user_id" uuid, "previous_user_id" uuid, "cause" character varying(16) NOT NULL, "actor_id" uuid, "assigned_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_task_assignment_cause" CHECK (cause IN ('assigned', 'recusal', 'flagged')), CONSTRAINT "pk_task_assignment" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      'CREATE INDEX "ix_task_assignment_task" ON "task_assignment" ("task_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "task_assignment" ADD CONSTRAINT "fk_task_assignment_task" FOREIGN KEY ("task_id") REFERENCES "review_task"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "task_assignment" DROP CONSTRAINT "fk_task_assignment_task"',
    );
    await queryRunner.query('DROP INDEX "public"."ix_task_assignment_task"');
    await queryRunner.query('DROP TABLE "task_assignment"');
    await queryRunner.query(
      'ALTER TABLE "conflict_waiver" DROP CONSTRAINT "fk_conflict_waiver_user"',
    );
    await queryRunner.query(
      'ALTER TABLE "conflict_waiver" DROP CONSTRAINT "fk_conflict_waiver_task"',
    );
    await queryRunner.query('DROP TABLE "conflict_waiver"');
    await queryRunner.query(
      'ALTER TABLE "reviewer_relation" DROP CONSTRAINT "fk_reviewer_relation_organisation"',
    );
    await queryRunner.query(
      'ALTER TABLE "reviewer_relation" DROP CONSTRAINT "fk_reviewer_relation_user"',
    );
    await queryRunner.query('DROP INDEX "public"."ix_reviewer_relation_user"');
    await queryRunner.query('DROP TABLE "reviewer_relation"');
    await queryRunner.query('ALTER TABLE "review_task" DROP CONSTRAINT "fk_review_task_assignee"');
    await queryRunner.query(
      'ALTER TABLE "review_task" DROP COLUMN "awaiting_assignment", DROP COLUMN "assignee_user_id"',
    );
  }
}
