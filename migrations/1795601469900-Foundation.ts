import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795601469900 implements MigrationInterface {
  name = 'Foundation1795601469900';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "system_ping" ("job_id" character varying(200) NOT NULL, "runs" integer NOT NULL DEFAULT \'1\', "processed_by" character varying(200) NOT NULL, "processed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e202a093d0d3b90001b3a4a936c" PRIMARY KEY ("job_id"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "system_ping"');
  }
}
