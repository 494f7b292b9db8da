import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Takes the hashing off the writers' commit path. A record is written unlinked (its `seq` from a
 * sequence, so concurrent writers never wait for each other) and linked right after commit by a
 * single chainer, which gives it the next chain `position` and its `prev_hash`/`hash`.
 * The append-only trigger now allows exactly that one change: filling in the link columns of an
 * unlinked record, leaving everything else as it was.
 */
export class AuditChainLinking1796218671049 implements MigrationInterface {
  name = 'AuditChainLinking1796218671049';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER audit_record_append_only ON "audit_record"');
    await queryRunner.query('DROP FUNCTION audit_record_append_only()');

    await queryRunner.query('CREATE SEQUENCE "audit_record_seq_seq" OWNED BY "audit_record"."seq"');
    await queryRunner.query(
      `SELECT setval('"audit_record_seq_seq"', COALESCE((SELECT max(seq) FROM "audit_record"), 0) + 1, false)`,
    );
    await queryRunner.query(
      `ALTER TABLE "audit_record" ALTER COLUMN "seq" SET DEFAULT nextval('"audit_record_seq_seq"')`,
    );
    await queryRunner.query('ALTER TABLE "audit_record" ADD "position" bigint');
    // Records written so far were chained in seq order with no gaps: their position is their seq.
    await queryRunner.query('UPDATE "audit_record" SET "position" = "seq"');
    await queryRunner.query(
      'ALTER TABLE "audit_record" ALTER COLUMN "prev_hash" DROP NOT NULL, ALTER COLUMN "hash" DROP NOT NULL',
    );
    await queryRunner.query(
      'ALTER TABLE "audit_record" ADD CONSTRAINT "uq_audit_record_position" UNIQUE ("position")',
    );
    await queryRunner.query(
      `ALTER TABLE "audit_record" ADD CONSTRAINT "ck_audit_record_link"
         CHECK (("position" IS NULL) = ("hash" IS NULL) AND ("hash" IS NULL) = ("prev_hash" IS NULL))`,
    );
    // The chainer's work list stays small, whatever the size of the trail.
    await queryRunner.query(
      'CREATE INDEX "ix_audit_record_unlinked" ON "audit_record" ("seq") WHERE "position" IS NULL',
    );

    // DELETE and TRUNCATE are refused for the whole statement, as before.
    await queryRunner.query(`
      CREATE FUNCTION audit_record_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_record is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'restrict_violation';
      END $$`);
    await queryRunner.query(
      'CREATE TRIGGER audit_record_append_only BEFORE DELETE OR TRUNCATE ON "audit_record" FOR EACH STATEMENT EXECUTE FUNCTION audit_record_append_only()',
    );
    // Per row: a record is written unlinked, and the only change ever allowed is linking it once.
    await queryRunner.query(`
      CREATE FUNCTION audit_record_link_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          IF NEW.position IS NOT NULL OR NEW.prev_hash IS NOT NULL OR NEW.hash IS NOT NULL THEN
            RAISE EXCEPTION 'audit_record is written unlinked: the chainer links it'
              USING ERRCODE = 'restrict_violation';
          END IF;
          RETURN NEW;
        END IF;
        IF OLD.position IS NULL AND NEW.position IS NOT NULL
           AND to_jsonb(NEW) - '{position,prev_hash,hash}'::text[]
             = to_jsonb(OLD) - '{position,prev_hash,hash}'::text[] THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_record is append-only: UPDATE is not allowed'
          USING ERRCODE = 'restrict_violation';
      END $$`);
    await queryRunner.query(
      'CREATE TRIGGER audit_record_link_once BEFORE INSERT OR UPDATE ON "audit_record" FOR EACH ROW EXECUTE FUNCTION audit_record_link_once()',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER audit_record_link_once ON "audit_record"');
    await queryRunner.query('DROP FUNCTION audit_record_link_once()');
    await queryRunner.query('DROP TRIGGER audit_record_append_only ON "audit_record"');
    // Unlinked records cannot be expressed in the old shape: they must be linked first.
    await queryRunner.query(`
      DO $$ BEGIN
        IF EXISTS (SELECT 1 FROM "audit_record" WHERE "position" IS NULL OR "position" <> "seq") THEN
          RAISE EXCEPTION 'audit_record has unlinked records or gaps in seq: link them before reverting';
        END IF;
      END $$`);
    await queryRunner.query('DROP INDEX "public"."ix_audit_record_unlinked"');
    await queryRunner.query('ALTER TABLE "audit_record" DROP CONSTRAINT "ck_audit_record_link"');
    await queryRunner.query(
      'ALTER TABLE "audit_record" DROP CONSTRAINT "uq_audit_record_position"',
    );
    await queryRunner.query(
      'ALTER TABLE "audit_record" ALTER COLUMN "prev_hash" SET NOT NULL, ALTER COLUMN "hash" SET NOT NULL',
    );
    await queryRunner.query('ALTER TABLE "audit_record" DROP COLUMN "position"');
    await queryRunner.query('ALTER TABLE "audit_record" ALTER COLUMN "seq" DROP DEFAULT');
    await queryRunner.query('DROP SEQUENCE "audit_record_seq_seq"');
    await queryRunner.query(
      'CREATE TRIGGER audit_record_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_record" FOR EACH STATEMENT EXECUTE FUNCTION audit_record_append_only()',
    );
  }
}
