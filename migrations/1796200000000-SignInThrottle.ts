import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in throttling by account and address replaces the per-account lockout: the lockout
 * columns go (a lock in force is dropped with them; the new counters start empty).
 */
export class SignInThrottle1796200000000 implements MigrationInterface {
  name = 'SignInThrottle1796200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "sign_in_attempt" ("key" character varying(200) NOT NULL, "account_hash" character(64), "failures" integer NOT NULL, "blocked_until" TIMESTAMP WITH TIME ZONE, "last_failure_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_sign_in_attempt" PRIMARY KEY ("key"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_sign_in_attempt_account" ON "sign_in_attempt" ("account_hash") ',
    );
    await queryRunner.query('ALTER TABLE "app_user" DROP COLUMN "failed_logins"');
    await queryRunner.query('ALTER TABLE "app_user" DROP COLUMN "locked_until"');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "app_user" ADD "locked_until" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query(
      'ALTER TABLE "app_user" ADD "failed_logins" integer NOT NULL DEFAULT \'0\'',
    );
    await queryRunner.query('DROP INDEX "public"."ix_sign_in_attempt_account"');
    await queryRunner.query('DROP TABLE "sign_in_attempt"');
  }
}
