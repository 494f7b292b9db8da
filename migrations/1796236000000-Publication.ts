import { MigrationInterface, QueryRunner } from 'typeorm';

export class Publication1796236000000 implements MigrationInterface {
  name = 'Publication1796236000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "published_list" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "edition_id" uuid NOT NULL, "stage_id" character varying(64) NOT NULL, "kind" character varying(20) NOT NULL, "title" jsonb NOT NULL, "entries" jsonb NOT NULL, "opens_on" date, "closes_on" date, "changes" jsonb NOT NULL DEFAULT '[]', "published_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_published_list_stage" UNIQUE ("edition_id", "stage_id"), CONSTRAINT "ck_published_list_kind" CHECK (kind IN ('notice', 'announcement')), CONSTRAINT "pk_published_list" PRIMARY KEY ("id"))`,
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
    await queryRunner.query(
      `CREATE TABLE "objection" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "receipt_no" character varying(20) NOT NULL, "edition_id" uuid NOT NULL, "stage_id" character varying(64) NOT NULL, "nomination_id" uuid NOT NULL, "objector_kind" character varying(16) NOT NULL, "objector_masked" character varying(100) NOT NULL, "contact_ciphertext" text NOT NULL, "facts" character varying(2000) NOT NULL, "channel" character varying(10) NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'received', "findings" character varying(2000), "recorded_by" uuid, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "decided_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_objection_receipt" UNIQUE ("receipt_no"), CONSTRAINT "ck_objection_kind" CHECK (objector_kind IN ('individual', 'organisation')), CONSTRAINT "ck_objection_channel" CHECK (channel IN ('web', 'letter', 'phone', 'visit')), CONSTRAINT "ck_objection_status" CHECK (status IN ('received', 'investigating', 'upheld', 'dismissed')), CONSTRAINT "pk_objection" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      'CREATE INDEX "ix_objection_edition" ON "objection" ("edition_id", "received_at") ',
    );
    await queryRunner.query(
      'ALTER TABLE "objection" ADD CONSTRAINT "fk_objection_edition" FOREIGN KEY ("edition_id") REFERENCES "edition"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "objection" ADD CONSTRAINT "fk_objection_nomination" FOREIGN KEY ("nomination_id") REFERENCES "nomination"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "objection" DROP CONSTRAINT "fk_objection_nomination"');
    await queryRunner.query('ALTER TABLE "objection" DROP CONSTRAINT "fk_objection_edition"');
    await queryRunner.query('DROP INDEX "ix_objection_edition"');
    await queryRunner.query('DROP TABLE "objection"');
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
