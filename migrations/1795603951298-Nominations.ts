import { MigrationInterface, QueryRunner } from 'typeorm';

export class Nominations1795603951298 implements MigrationInterface {
  name = 'Nominations1795603951298';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "edition_window_change" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "edition_id" uuid NOT NULL, "previous_closes_at" TIMESTAMP WITH TIME ZONE NOT NULL, "new_closes_at" TIMESTAMP WITH TIME ZONE NOT NULL, "reason" character varying(500) NOT NULL, "changed_by" uuid, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_adb0dd5bf6e07caf938e3c383d3" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "nomination" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "edition_id" uuid NOT NULL, "channel_id" character varying(64) NOT NULL, "nominating_organisation_id" uuid, "status" character varying(20) NOT NULL, "masked_name" character varying(100) NOT NULL, "dossier" jsonb NOT NULL, "pii_ciphertext" text NOT NULL, "identity_hash" character(64), "unit_rank" integer, "eligibility" jsonb, "eligible" boolean, "flags" jsonb NOT NULL DEFAULT \'{}\', "created_by" uuid, "submitted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revision" integer NOT NULL, CONSTRAINT "ck_nomination_status" CHECK (status IN (\'draft\', \'submitted\', \'awaitingReferees\', \'forwarded\', \'returned\', \'withdrawn\')), CONSTRAINT "PK_52e10255e966818cbebfc0f1144" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_nomination_identity" ON "nomination"  ("edition_id", "identity_hash") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_nomination_organisation" ON "nomination"  ("nominating_organisation_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_nomination_edition_status" ON "nomination"  ("edition_id", "status") ',
    );
    await queryRunner.query(
      'CREATE TABLE "nomination_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "nomination_id" uuid NOT NULL, "kind" character varying(40) NOT NULL, "from_status" character varying(20), "to_status" character varying(20) NOT NULL, "note" character varying(500), "actor_id" uuid, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2327783152c3855eeceff212f9b" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_nomination_event_nomination" ON "nomination_event"  ("nomination_id", "occurred_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "nomination_quota_usage" ("edition_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "channel_id" character varying(64) NOT NULL, "used" integer NOT NULL, CONSTRAINT "PK_f82020fbe0ab70c7882ab4e718c" PRIMARY KEY ("edition_id", "organisation_id", "channel_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "award" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "identity_hash" character(64) NOT NULL, "programme_code" character varying(64) NOT NULL, "year" integer NOT NULL, "tier" character varying(64), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e887e4e69663925ebb60d3a7775" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_award_identity" ON "award"  ("identity_hash") ');
    await queryRunner.query(
      'CREATE TABLE "evidence_file" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "nomination_id" uuid NOT NULL, "kind" character varying(64) NOT NULL, "file_name" character varying(255) NOT NULL, "content_type" character varying(100) NOT NULL, "size_bytes" integer NOT NULL, "sha256" character(64) NOT NULL, "storage_key" character varying(255) NOT NULL, "uploaded_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f54e0261bc7f0350c7eae30736a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_evidence_file_nomination" ON "evidence_file"  ("nomination_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "nomination_referee" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "nomination_id" uuid NOT NULL, "pii_ciphertext" text NOT NULL, "token_hash" character(64) NOT NULL, "confirmed_at" TIMESTAMP WITH TIME ZONE, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_1f83277b081f2f63eab2f63f863" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_nomination_referee_token" ON "nomination_referee"  ("token_hash") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_nomination_referee_nomination" ON "nomination_referee"  ("nomination_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "tip_off" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "edition_id" uuid NOT NULL, "candidate_name" character varying(100) NOT NULL, "employer" character varying(200) NOT NULL, "reason" text NOT NULL, "contact_ciphertext" text NOT NULL, "followed_up_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_15bb4d64f5c97b8e6ae8526d3e1" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_tip_off_edition" ON "tip_off"  ("edition_id", "created_at") ',
    );
    // Editions opened before windows existed get an empty (already closed) window.
    await queryRunner.query(
      'ALTER TABLE "edition" ADD "nomination_opens_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()',
    );
    await queryRunner.query(
      'ALTER TABLE "edition" ADD "nomination_closes_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()',
    );
    await queryRunner.query(
      'UPDATE "edition" SET "nomination_opens_at" = "created_at", "nomination_closes_at" = "created_at"',
    );
    await queryRunner.query(
      'ALTER TABLE "edition" ALTER COLUMN "nomination_opens_at" DROP DEFAULT',
    );
    await queryRunner.query(
      'ALTER TABLE "edition" ALTER COLUMN "nomination_closes_at" DROP DEFAULT',
    );
    await queryRunner.query(
      'ALTER TABLE "edition_window_change" ADD CONSTRAINT "FK_8a84b83806fbe2a884f407fd95a" FOREIGN KEY ("edition_id") REFERENCES "edition"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "nomination" ADD CONSTRAINT "FK_327cf144fc644899695c6ab0181" FOREIGN KEY ("edition_id") REFERENCES "edition"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "nomination" ADD CONSTRAINT "FK_9433109662bdc7e55527bb890ef" FOREIGN KEY ("nominating_organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "nomination_event" ADD CONSTRAINT "FK_3c56c0cbec50742e6bb2e400954" FOREIGN KEY ("nomination_id") REFERENCES "nomination"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "evidence_file" ADD CONSTRAINT "FK_9b63442b838dfce428bbfcabab7" FOREIGN KEY ("nomination_id") REFERENCES "nomination"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "nomination_referee" ADD CONSTRAINT "FK_082acfb40eefdd13599b6ec0a86" FOREIGN KEY ("nomination_id") REFERENCES "nomination"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "nomination_referee" DROP CONSTRAINT "FK_082acfb40eefdd13599b6ec0a86"',
    );
    await queryRunner.query(
      'ALTER TABLE "evidence_file" DROP CONSTRAINT "FK_9b63442b838dfce428bbfcabab7"',
    );
    await queryRunner.query(
      'ALTER TABLE "nomination_event" DROP CONSTRAINT "FK_3c56c0cbec50742e6bb2e400954"',
    );
    await queryRunner.query(
      'ALTER TABLE "nomination" DROP CONSTRAINT "FK_9433109662bdc7e55527bb890ef"',
    );
    await queryRunner.query(
      'ALTER TABLE "nomination" DROP CONSTRAINT "FK_327cf144fc644899695c6ab0181"',
    );
    await queryRunner.query(
      'ALTER TABLE "edition_window_change" DROP CONSTRAINT "FK_8a84b83806fbe2a884f407fd95a"',
    );
    await queryRunner.query('ALTER TABLE "edition" DROP COLUMN "nomination_closes_at"');
    await queryRunner.query('ALTER TABLE "edition" DROP COLUMN "nomination_opens_at"');
    await queryRunner.query('DROP INDEX "public"."ix_tip_off_edition"');
    await queryRunner.query('DROP TABLE "tip_off"');
    await queryRunner.query('DROP INDEX "public"."ix_nomination_referee_nomination"');
    await queryRunner.query('DROP INDEX "public"."uq_nomination_referee_token"');
    await queryRunner.query('DROP TABLE "nomination_referee"');
    await queryRunner.query('DROP INDEX "public"."ix_evidence_file_nomination"');
    await queryRunner.query('DROP TABLE "evidence_file"');
    await queryRunner.query('DROP INDEX "public"."ix_award_identity"');
    await queryRunner.query('DROP TABLE "award"');
    await queryRunner.query('DROP TABLE "nomination_quota_usage"');
    await queryRunner.query('DROP INDEX "public"."ix_nomination_event_nomination"');
    await queryRunner.query('DROP TABLE "nomination_event"');
    await queryRunner.query('DROP INDEX "public"."ix_nomination_edition_status"');
    await queryRunner.query('DROP INDEX "public"."ix_nomination_organisation"');
    await queryRunner.query('DROP INDEX "public"."ix_nomination_identity"');
    await queryRunner.query('DROP TABLE "nomination"');
    await queryRunner.query('DROP TABLE "edition_window_change"');
  }
}
