import { MigrationInterface, QueryRunner } from 'typeorm';

export class TaskDeadlineNotices1796234000003 implements MigrationInterface {
  name = 'TaskDeadlineNotices1796234000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "task_deadline_notice" ("task_id" uuid NOT NULL, "notice" character varying(16) NOT NULL, "due_on" date NOT NULL, "noticed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_task_deadline_notice_notice" CHECK (notice IN ('reminder-3', 'reminder-1', 'overdue')), CONSTRAINT "pk_task_deadline_notice" PRIMARY KEY ("task_id", "notice", "due_on"))`,
    );
    await queryRunner.query(
      'ALTER TABLE "task_deadline_notice" ADD CONSTRAINT "fk_task_deadline_notice_task" FOREIGN KEY ("task_id") REFERENCES "review_task"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "task_deadline_notice" DROP CONSTRAINT "fk_task_deadline_notice_task"',
    );
    await queryRunner.query('DROP TABLE "task_deadline_notice"');
  }
}
