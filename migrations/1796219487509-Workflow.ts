import { MigrationInterface, QueryRunner } from 'typeorm';

export class Workflow1796219487509 implements MigrationInterface {
  name = 'Workflow1796219487509';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "workflow_stage" ("edition_id" uuid NOT NULL, "stage_id" character varying(64) NOT NULL, "kind" character varying(32) NOT NULL, "phase" character varying(8) NOT NULL, "due_on" date, "entered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "closed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_workflow_stage_phase" CHECK (phase IN (\'open\', \'closed\')), CONSTRAINT "pk_workflow_stage" PRIMARY KEY ("edition_id", "stage_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "stage_transition" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "edition_id" uuid NOT NULL, "stage_id" character varying(64) NOT NULL, "transition" character varying(8) NOT NULL, "forced" boolean NOT NULL DEFAULT false, "reason" character varying(500), "scheduled" boolean NOT NULL DEFAULT false, "actor_id" uuid, "summary" jsonb NOT NULL DEFAULT \'{}\', "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_stage_transition" UNIQUE ("edition_id", "stage_id", "transition"), CONSTRAINT "ck_stage_transition_transition" CHECK (transition IN (\'enter\', \'close\')), CONSTRAINT "pk_stage_transition" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "workflow_department" ("edition_id" uuid NOT NULL, "department_id" character varying(64) NOT NULL, "organisation_id" uuid NOT NULL, "mapped_by" uuid, "mapped_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_workflow_department" PRIMARY KEY ("edition_id", "department_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "candidate_stage" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "edition_id" uuid NOT NULL, "stage_id" character varying(64) NOT NULL, "nomination_id" uuid NOT NULL, "nominating_organisation_id" uuid, "status" character varying(16) NOT NULL, "explanation" jsonb NOT NULL, "escalated" boolean NOT NULL DEFAULT false, "entered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_candidate_stage" UNIQUE ("edition_id", "stage_id", "nomination_id"), CONSTRAINT "ck_candidate_stage_status" CHECK (status IN (\'pending\', \'inProgress\', \'paused\', \'passed\', \'failed\', \'withdrawn\')), CONSTRAINT "pk_candidate_stage" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_candidate_stage_status" ON "candidate_stage"  ("edition_id", "stage_id", "status") ',
    );
    await queryRunner.query(
      'CREATE TABLE "review_task" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "candidate_stage_id" uuid NOT NULL, "edition_id" uuid NOT NULL, "stage_id" character varying(64) NOT NULL, "nomination_id" uuid NOT NULL, "task_key" character varying(64) NOT NULL, "assignee_kind" character varying(16) NOT NULL, "organisation_id" uuid, "label" jsonb NOT NULL, "checklist" jsonb NOT NULL, "status" character varying(8) NOT NULL, "decision" character varying(16), "current_decision_id" uuid, "due_on" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_review_task" UNIQUE ("candidate_stage_id", "task_key"), CONSTRAINT "ck_review_task_decision" CHECK (decision IS NULL OR decision IN (\'approve\', \'reject\', \'requestInfo\')), CONSTRAINT "ck_review_task_assignee" CHECK (assignee_kind IN (\'secretariat\', \'department\', \'approver\')), CONSTRAINT "ck_review_task_status" CHECK (status IN (\'open\', \'paused\', \'decided\')), CONSTRAINT "pk_review_task" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_review_task_stage" ON "review_task"  ("edition_id", "stage_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_review_task_owner" ON "review_task"  ("organisation_id", "status") ',
    );
    await queryRunner.query(
      'CREATE TABLE "review_decision" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "task_id" uuid NOT NULL, "decision" character varying(16) NOT NULL, "reason" character varying(2000) NOT NULL, "checklist" jsonb NOT NULL DEFAULT \'[]\', "supersedes_id" uuid, "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_review_decision_supersedes" UNIQUE ("supersedes_id"), CONSTRAINT "ck_review_decision_decision" CHECK (decision IN (\'approve\', \'reject\', \'requestInfo\')), CONSTRAINT "pk_review_decision" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_review_decision_task" ON "review_decision"  ("task_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "information_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "task_id" uuid NOT NULL, "decision_id" uuid NOT NULL, "organisation_id" uuid, "question" character varying(2000) NOT NULL, "due_on" date, "answer" character varying(5000), "answered_by" uuid, "answered_at" TIMESTAMP WITH TIME ZONE, "asked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_information_request_decision" UNIQUE ("decision_id"), CONSTRAINT "pk_information_request" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_information_request_task" ON "information_request"  ("task_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "workflow_stage" ADD CONSTRAINT "fk_workflow_stage_edition" FOREIGN KEY ("edition_id") REFERENCES "edition"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "stage_transition" ADD CONSTRAINT "fk_stage_transition_edition" FOREIGN KEY ("edition_id") REFERENCES "edition"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "workflow_department" ADD CONSTRAINT "fk_workflow_department_edition" FOREIGN KEY ("edition_id") REFERENCES "edition"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "workflow_department" ADD CONSTRAINT "fk_workflow_department_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "candidate_stage" ADD CONSTRAINT "fk_candidate_stage_nomination" FOREIGN KEY ("nomination_id") REFERENCES "nomination"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "review_task" ADD CONSTRAINT "fk_review_task_candidate_stage" FOREIGN KEY ("candidate_stage_id") REFERENCES "candidate_stage"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "review_decision" ADD CONSTRAINT "fk_review_decision_task" FOREIGN KEY ("task_id") REFERENCES "review_task"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "review_decision" ADD CONSTRAINT "fk_review_decision_supersedes" FOREIGN KEY ("supersedes_id") REFERENCES "review_decision"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "information_request" ADD CONSTRAINT "fk_information_request_task" FOREIGN KEY ("task_id") REFERENCES "review_task"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "information_request" ADD CONSTRAINT "fk_information_request_decision" FOREIGN KEY ("decision_id") REFERENCES "review_decision"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    // Decisions are immutable: an amendment is a new row that supersedes the old one.
    await queryRunner.query(`
      CREATE FUNCTION review_decision_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'review_decision rows are immutable; record an amendment instead';
      END $$`);
    await queryRunner.query(
      'CREATE TRIGGER review_decision_immutable BEFORE UPDATE OR DELETE ON "review_decision" FOR EACH ROW EXECUTE FUNCTION review_decision_immutable()',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER review_decision_immutable ON "review_decision"');
    await queryRunner.query('DROP FUNCTION review_decision_immutable()');
    await queryRunner.query(
      'ALTER TABLE "information_request" DROP CONSTRAINT "fk_information_request_decision"',
    );
    await queryRunner.query(
      'ALTER TABLE "information_request" DROP CONSTRAINT "fk_information_request_task"',
    );
    await queryRunner.query(
      'ALTER TABLE "review_decision" DROP CONSTRAINT "fk_review_decision_supersedes"',
    );
    await queryRunner.query(
      'ALTER TABLE "review_decision" DROP CONSTRAINT "fk_review_decision_task"',
    );
    await queryRunner.query(
      'ALTER TABLE "review_task" DROP CONSTRAINT "fk_review_task_candidate_stage"',
    );
    await queryRunner.query(
      'ALTER TABLE "candidate_stage" DROP CONSTRAINT "fk_candidate_stage_nomination"',
    );
    await queryRunner.query(
      'ALTER TABLE "workflow_department" DROP CONSTRAINT "fk_workflow_department_organisation"',
    );
    await queryRunner.query(
      'ALTER TABLE "workflow_department" DROP CONSTRAINT "fk_workflow_department_edition"',
    );
    await queryRunner.query(
      'ALTER TABLE "stage_transition" DROP CONSTRAINT "fk_stage_transition_edition"',
    );
    await queryRunner.query(
      'ALTER TABLE "workflow_stage" DROP CONSTRAINT "fk_workflow_stage_edition"',
    );
    await queryRunner.query('DROP INDEX "public"."ix_information_request_task"');
    await queryRunner.query('DROP TABLE "information_request"');
    await queryRunner.query('DROP INDEX "public"."ix_review_decision_task"');
    await queryRunner.query('DROP TABLE "review_decision"');
    await queryRunner.query('DROP INDEX "public"."ix_review_task_owner"');
    await queryRunner.query('DROP INDEX "public"."ix_review_task_stage"');
    await queryRunner.query('DROP TABLE "review_task"');
    await queryRunner.query('DROP INDEX "public"."ix_candidate_stage_status"');
    await queryRunner.query('DROP TABLE "candidate_stage"');
    await queryRunner.query('DROP TABLE "workflow_department"');
    await queryRunner.query('DROP TABLE "stage_transition"');
    await queryRunner.query('DROP TABLE "workflow_stage"');
  }
}
