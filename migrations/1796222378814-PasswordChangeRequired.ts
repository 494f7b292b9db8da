import { MigrationInterface, QueryRunner } from 'typeorm';

/** A generated first password must be changed before the account can do anything else. */
export class PasswordChangeRequired1796222378814 implements MigrationInterface {
  name = 'PasswordChangeRequired1796222378814';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "app_user" ADD "password_change_required" boolean NOT NULL DEFAULT false',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "app_user" DROP COLUMN "password_change_required"');
  }
}
