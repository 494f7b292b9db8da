import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Schemes as configuration: street or town unions as an organisation kind, the routing hop a
 * nomination is at and each hop's ranking, and the endorsements a unit records before nominating.
 */
export class SchemesAsConfiguration1796233000000 implements MigrationInterface {
  name = 'SchemesAsConfiguration1796233000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "organisation" DROP CONSTRAINT "ck_organisation_kind"');
    await queryRunner.query(
      `ALTER TABLE "organisation" ADD CONSTRAINT "ck_organisation_kind" CHECK (kind IN ('secretariat', 'enterprise', 'districtUnion', 'streetUnion', 'industryUnion', 'association', 'department', 'expertPanel'))`,
    );
    await queryRunner.query(
      `CREATE TABLE "nomination_endorsement" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "nomination_id" uuid NOT NULL, "endorsement_id" character varying(64) NOT NULL, "kind" character varying(16) NOT NULL, "starts_on" date, "ends_on" date, "body" character varying(200), "meeting_on" date, "evidence_id" uuid, "recorded_by" uuid, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_nomination_endorsement" UNIQUE ("nomination_id", "endorsement_id"), CONSTRAINT "ck_nomination_endorsement_kind" CHECK (kind IN ('notice', 'approval', 'seal')), CONSTRAINT "pk_nomination_endorsement" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "nomination" ADD "routing_hop" integer NOT NULL DEFAULT '0'`,
    );
    await queryRunner.query(`ALTER TABLE "nomination" ADD "hop_ranks" jsonb NOT NULL DEFAULT '{}'`);
    await queryRunner.query(
      'ALTER TABLE "nomination_endorsement" ADD CONSTRAINT "fk_nomination_endorsement_nomination" FOREIGN KEY ("nomination_id") REFERENCES "nomination"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  /** Street unions must be removed (or re-kinded) first: the old constraint does not admit them. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "nomination_endorsement" DROP CONSTRAINT "fk_nomination_endorsement_nomination"',
    );
    await queryRunner.query('ALTER TABLE "nomination" DROP COLUMN "hop_ranks"');
    await queryRunner.query('ALTER TABLE "nomination" DROP COLUMN "routing_hop"');
    await queryRunner.query('DROP TABLE "nomination_endorsement"');
    await queryRunner.query('ALTER TABLE "organisation" DROP CONSTRAINT "ck_organisation_kind"');
    await queryRunner.query(
      `ALTER TABLE "organisation" ADD CONSTRAINT "ck_organisation_kind" CHECK (kind IN ('secretariat', 'enterprise', 'districtUnion', 'industryUnion', 'association', 'department', 'expertPanel'))`,
    );
  }
}
