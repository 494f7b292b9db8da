import { MigrationInterface, QueryRunner } from 'typeorm';

export class AnswerEvidence1796234000002 implements MigrationInterface {
  name = 'AnswerEvidence1796234000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "evidence_file" ADD "answers_request_id" uuid');
    await queryRunner.query(
      'CREATE INDEX "ix_evidence_file_answers_request" ON "evidence_file" ("answers_request_id") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_evidence_file_answers_request"');
    await queryRunner.query('ALTER TABLE "evidence_file" DROP COLUMN "answers_request_id"');
  }
}
