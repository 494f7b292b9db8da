import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The generated token signing key no longer lives in the database (anyone who could read the
 * database could forge sessions with it): it is JWT_SECRET or a key file under DATA_DIR. The
 * old key is dropped with its table, so tokens it signed stop working; sessions refresh.
 */
export class SigningKeyOutsideDatabase1796219323148 implements MigrationInterface {
  name = 'SigningKeyOutsideDatabase1796219323148';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "platform_secret"');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "platform_secret" ("name" character varying(50) NOT NULL, "value" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4f6ca63de798a7ffc7bb7149de2" PRIMARY KEY ("name"))',
    );
  }
}
