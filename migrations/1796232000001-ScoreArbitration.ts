import { MigrationInterface, QueryRunner } from 'typeorm';

export class ScoreArbitration1796232000001 implements MigrationInterface {
  name = 'ScoreArbitration1796232000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "score_arbitration" ("edition_id" uuid NOT NULL, "stage_id" character varying(64) NOT NULL, "nomination_id" uuid NOT NULL, "score" double precision NOT NULL, "reason" character varying(1000) NOT NULL, "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_score_arbitration" PRIMARY KEY ("edition_id", "stage_id", "nomination_id"))',
    );
    await queryRunner.query(
      'ALTER TABLE "score_arbitration" ADD CONSTRAINT "fk_score_arbitration_edition" FOREIGN KEY ("edition_id") REFERENCES "edition"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "score_arbitration" DROP CONSTRAINT "fk_score_arbitration_edition"',
    );
    await queryRunner.query('DROP TABLE "score_arbitration"');
  }
}
