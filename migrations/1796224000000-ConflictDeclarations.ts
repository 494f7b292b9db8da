import { MigrationInterface, QueryRunner } from 'typeorm';

export class ConflictDeclarations1796224000000 implements MigrationInterface {
  name = 'ConflictDeclarations1796224000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "conflict_declaration" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "task_id" uuid NOT NULL, "user_id" uuid NOT NULL, "conflict" boolean NOT NULL, "kind" character varying(32), "reason" character varying(1000), "declared_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_conflict_declaration" UNIQUE ("task_id", "user_id"), CONSTRAINT "ck_conflict_declaration_kind" CHECK (kind IS NULL OR kind IN ('employer', 'nominatingUnit', 'relative', 'mentoring', 'formerEmployer', 'other')), CONSTRAINT "pk_conflict_declaration" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      'ALTER TABLE "conflict_declaration" ADD CONSTRAINT "fk_conflict_declaration_task" FOREIGN KEY ("task_id") REFERENCES "review_task"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "conflict_declaration" DROP CONSTRAINT "fk_conflict_declaration_task"',
    );
    await queryRunner.query('DROP TABLE "conflict_declaration"');
  }
}
