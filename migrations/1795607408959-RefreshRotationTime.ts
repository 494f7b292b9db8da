import { MigrationInterface, QueryRunner } from 'typeorm';

export class RefreshRotationTime1795607408959 implements MigrationInterface {
  name = 'RefreshRotationTime1795607408959';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "auth_session" ADD "rotated_at" TIMESTAMP WITH TIME ZONE');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "auth_session" DROP COLUMN "rotated_at"');
  }
}
