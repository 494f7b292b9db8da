import { MigrationInterface, QueryRunner } from 'typeorm';

export class IdentityAndOutbox1795602769702 implements MigrationInterface {
  name = 'IdentityAndOutbox1795602769702';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "outbox_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "topic" character varying(100) NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "dispatched_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_cc0c9e40998e45ecfc5e313429d" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_outbox_event_pending" ON "outbox_event"  ("created_at") WHERE dispatched_at IS NULL',
    );
    await queryRunner.query(
      'CREATE TABLE "one_time_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(20) NOT NULL, "token_hash" character(64) NOT NULL, "email" character varying(254) NOT NULL, "user_id" uuid, "organisation_id" uuid, "roles" character varying(32) array, "created_by" uuid, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_one_time_token_hash" UNIQUE ("token_hash"), CONSTRAINT "ck_one_time_token_kind" CHECK (kind IN (\'invitation\', \'passwordReset\')), CONSTRAINT "PK_956e3dd6580e4829e05ab460808" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "organisation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(32) NOT NULL, "name" character varying(200) NOT NULL, "parent_id" uuid, "path" character varying(1000) NOT NULL, "district" character varying(50), "industry_section" character(1), "enterprise_type" character varying(50), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_organisation_kind" CHECK (kind IN (\'secretariat\', \'enterprise\', \'districtUnion\', \'industryUnion\', \'association\', \'department\', \'expertPanel\')), CONSTRAINT "PK_c725ae234ef1b74cce43d2d00c1" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_organisation_path" ON "organisation"  ("path") ');
    await queryRunner.query(
      'CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "display_name" character varying(100) NOT NULL, "password_hash" character varying(200) NOT NULL, "organisation_id" uuid NOT NULL, "roles" character varying(32) array NOT NULL, "failed_logins" integer NOT NULL DEFAULT \'0\', "locked_until" TIMESTAMP WITH TIME ZONE, "disabled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_app_user_email" UNIQUE ("email"), CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_app_user_organisation" ON "app_user"  ("organisation_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "auth_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "refresh_hash" character(64) NOT NULL, "previous_refresh_hash" character(64), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_19354ed146424a728c1112a8cbf" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_auth_session_user" ON "auth_session"  ("user_id") ');
    await queryRunner.query(
      'CREATE INDEX "ix_auth_session_refresh_hash" ON "auth_session"  ("refresh_hash") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_auth_session_previous_refresh_hash" ON "auth_session"  ("previous_refresh_hash") ',
    );
    await queryRunner.query(
      'CREATE TABLE "platform_secret" ("name" character varying(50) NOT NULL, "value" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4f6ca63de798a7ffc7bb7149de2" PRIMARY KEY ("name"))',
    );
    await queryRunner.query(
      'ALTER TABLE "organisation" ADD CONSTRAINT "FK_c4ba39f5697ec0cd6e03314b616" FOREIGN KEY ("parent_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "app_user" ADD CONSTRAINT "FK_6fa42e978fa7d7adc32736e26fd" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "auth_session" ADD CONSTRAINT "FK_b8783d517fab10672700a39cb49" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "auth_session" DROP CONSTRAINT "FK_b8783d517fab10672700a39cb49"',
    );
    await queryRunner.query(
      'ALTER TABLE "app_user" DROP CONSTRAINT "FK_6fa42e978fa7d7adc32736e26fd"',
    );
    await queryRunner.query(
      'ALTER TABLE "organisation" DROP CONSTRAINT "FK_c4ba39f5697ec0cd6e03314b616"',
    );
    await queryRunner.query('DROP TABLE "platform_secret"');
    await queryRunner.query('DROP INDEX "public"."ix_auth_session_previous_refresh_hash"');
    await queryRunner.query('DROP INDEX "public"."ix_auth_session_refresh_hash"');
    await queryRunner.query('DROP INDEX "public"."ix_auth_session_user"');
    await queryRunner.query('DROP TABLE "auth_session"');
    await queryRunner.query('DROP INDEX "public"."ix_app_user_organisation"');
    await queryRunner.query('DROP TABLE "app_user"');
    await queryRunner.query('DROP INDEX "public"."ix_organisation_path"');
    await queryRunner.query('DROP TABLE "organisation"');
    await queryRunner.query('DROP TABLE "one_time_token"');
    await queryRunner.query('DROP INDEX "public"."ix_outbox_event_pending"');
    await queryRunner.query('DROP TABLE "outbox_event"');
  }
}
