import { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditTrail1795602618119 implements MigrationInterface {
  name = 'AuditTrail1795602618119';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "audit_record" ("seq" bigint NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" uuid, "actor_organisation_id" uuid, "action" character varying(100) NOT NULL, "subject_type" character varying(100) NOT NULL, "subject_id" character varying(200), "summary" jsonb NOT NULL, "request_id" character varying(128), "prev_hash" character(64) NOT NULL, "hash" character(64) NOT NULL, CONSTRAINT "uq_audit_record_id" UNIQUE ("id"), CONSTRAINT "PK_e72da936653c69f545ad4b468d0" PRIMARY KEY ("seq"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_audit_record_occurred_at" ON "audit_record"  ("occurred_at") ',
    );
    await queryRunner.query('CREATE INDEX "ix_audit_record_action" ON "audit_record"  ("action") ');
    await queryRunner.query(
      'CREATE INDEX "ix_audit_record_actor" ON "audit_record"  ("actor_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_audit_record_subject" ON "audit_record"  ("subject_type", "subject_id") ',
    );
    // The trail is append-only: the database itself refuses UPDATE, DELETE and TRUNCATE, even
    // statements that would touch no row, whatever the application does. (Tampering by a
    // superuser who disables the trigger is what the hash chain is there to reveal.)
    await queryRunner.query(`
      CREATE FUNCTION audit_record_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_record is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'restrict_violation';
      END $$`);
    await queryRunner.query(
      'CREATE TRIGGER audit_record_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_record" FOR EACH STATEMENT EXECUTE FUNCTION audit_record_append_only()',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER audit_record_append_only ON "audit_record"');
    await queryRunner.query('DROP FUNCTION audit_record_append_only()');
    await queryRunner.query('DROP INDEX "public"."ix_audit_record_subject"');
    await queryRunner.query('DROP INDEX "public"."ix_audit_record_actor"');
    await queryRunner.query('DROP INDEX "public"."ix_audit_record_action"');
    await queryRunner.query('DROP INDEX "public"."ix_audit_record_occurred_at"');
    await queryRunner.query('DROP TABLE "audit_record"');
  }
}
