import { MigrationInterface, QueryRunner } from 'typeorm';

export class CandidateSettlement1796234000001 implements MigrationInterface {
  name = 'CandidateSettlement1796234000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "candidate_stage" ADD "settled_at" TIMESTAMP WITH TIME ZONE, ADD "settled_by" uuid, ADD "settlement_reason" character varying(1000)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "candidate_stage" DROP COLUMN "settlement_reason", DROP COLUMN "settled_by", DROP COLUMN "settled_at"',
    );
  }
}
