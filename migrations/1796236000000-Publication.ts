import { MigrationInterface, QueryRunner } from 'typeorm';

export class Publication1796236000000 implements MigrationInterface {
  name = 'Publication1796236000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "published_list" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "edition_id" uuid NOT NULL, "stage_id" character varying(64) NOT NULL, "kind" character varying(20) NOT NULL, "title" jsonb NOT NULL, "entries" jsonb NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_published_list_stage" UNIQUE ("edition_id", "stage_id"), CONSTRAINT "ck_published_list_kind" CHECK (kind IN ('notice', 'announcement')), CONSTRAINT "pk_published_list" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      'ALTER TABLE "published_list" ADD CONSTRAINT "fk_published_list_edition" FOREIGN KEY ("edition_id") REFERENCES "edition"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      `CREATE TABLE "certificate" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "certificate_no" character varying(32) NOT NULL, "edition_id" uuid NOT NULL, "nomination_id" uuid NOT NULL, "holder_name" character varying(100) NOT NULL, "public_fields" jsonb NOT NULL, "title" jsonb NOT NULL, "credential" text NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'valid', "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, "revocation_grounds" character varying(1000), "revoked_by" uuid, CONSTRAINT "uq_certificate_no" UNIQUE ("certificate_no"), CONSTRAINT "uq_certificate_nomination" UNIQUE ("edition_id", "nomination_id"), CONSTRAINT "ck_certificate_status" CHECK (status IN ('valid', 'revoked')), CONSTRAINT "ck_certificate_revocation" CHECK ((status = 'revoked') = (revoked_at IS NOT NULL)), CONSTRAINT "pk_certificate" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      'ALTER TABLE "certificate" ADD CONSTRAINT "fk_certificate_edition" FOREIGN KEY ("edition_id") REFERENCES "edition"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "certificate" ADD CONSTRAINT "fk_certificate_nomination" FOREIGN KEY ("nomination_id") REFERENCES "nomination"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "certificate" DROP CONSTRAINT "fk_certificate_nomination"',
    );
    await queryRunner.query('ALTER TABLE "certificate" DROP CONSTRAINT "fk_certificate_edition"');
    await queryRunner.query('DROP TABLE "certificate"');
    await queryRunner.query(
      'ALTER TABLE "published_list" DROP CONSTRAINT "fk_published_list_edition"',
    );
    await queryRunner.query('DROP TABLE "published_list"');
  }
}
