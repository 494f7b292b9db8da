import { MigrationInterface, QueryRunner } from 'typeorm';

export class Programmes1795602237810 implements MigrationInterface {
  name = 'Programmes1795602237810';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "programme" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(64) NOT NULL, "name_zh" character varying(200) NOT NULL, "name_en" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_programme_code" UNIQUE ("code"), CONSTRAINT "PK_76ff6b30b74f213944d1ac0a660" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "pipeline_definition" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "programme_id" uuid NOT NULL, "version" integer NOT NULL, "status" character varying(16) NOT NULL, "document" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "published_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_pipeline_definition_version" UNIQUE ("programme_id", "version"), CONSTRAINT "ck_pipeline_definition_status" CHECK (status IN (\'draft\', \'published\')), CONSTRAINT "PK_1a69196b154c41d113b18f5ddeb" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_pipeline_definition_one_draft" ON "pipeline_definition"  ("programme_id") WHERE status = \'draft\'',
    );
    await queryRunner.query(
      'CREATE TABLE "edition" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "programme_id" uuid NOT NULL, "code" character varying(32) NOT NULL, "title_zh" character varying(200) NOT NULL, "title_en" character varying(200) NOT NULL, "definition_id" uuid NOT NULL, "reference_date" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_edition_code" UNIQUE ("programme_id", "code"), CONSTRAINT "PK_059549460a1473d4477f2f041ff" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'ALTER TABLE "pipeline_definition" ADD CONSTRAINT "FK_5d010fd991f4877b22061413a4e" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "edition" ADD CONSTRAINT "FK_455fd45290010c7b05f37cadf1f" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "edition" ADD CONSTRAINT "FK_1951e160418eab30f4628b41427" FOREIGN KEY ("definition_id") REFERENCES "pipeline_definition"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    // Published definitions are the record of the rules an edition ran under: the database
    // itself refuses to change or delete one, whatever the application does.
    await queryRunner.query(`
      CREATE FUNCTION pipeline_definition_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'published' THEN
          RAISE EXCEPTION 'pipeline_definition % version % is published and immutable', OLD.programme_id, OLD.version
            USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await queryRunner.query(
      'CREATE TRIGGER pipeline_definition_immutable BEFORE UPDATE OR DELETE ON "pipeline_definition" FOR EACH ROW EXECUTE FUNCTION pipeline_definition_guard()',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER pipeline_definition_immutable ON "pipeline_definition"');
    await queryRunner.query('DROP FUNCTION pipeline_definition_guard()');
    await queryRunner.query(
      'ALTER TABLE "edition" DROP CONSTRAINT "FK_1951e160418eab30f4628b41427"',
    );
    await queryRunner.query(
      'ALTER TABLE "edition" DROP CONSTRAINT "FK_455fd45290010c7b05f37cadf1f"',
    );
    await queryRunner.query(
      'ALTER TABLE "pipeline_definition" DROP CONSTRAINT "FK_5d010fd991f4877b22061413a4e"',
    );
    await queryRunner.query('DROP TABLE "edition"');
    await queryRunner.query('DROP INDEX "public"."uq_pipeline_definition_one_draft"');
    await queryRunner.query('DROP TABLE "pipeline_definition"');
    await queryRunner.query('DROP TABLE "programme"');
  }
}
