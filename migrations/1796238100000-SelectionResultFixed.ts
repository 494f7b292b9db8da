import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An approved selection result is fixed in the database: its result rows and places can be neither
 * changed nor removed, nor places added, unless the transaction declares itself an amendment from
 * the public notice's objection outcomes (`SET LOCAL craftcert.selection_amendment = 'objection'`).
 */
export class SelectionResultFixed1796238100000 implements MigrationInterface {
  name = 'SelectionResultFixed1796238100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION selection_result_fixed() RETURNS trigger AS $$
DECLARE
  approved timestamptz;
  row_edition uuid;
  row_tier varchar;
BEGIN
  IF current_setting('craftcert.selection_amendment', true) = 'objection' THEN
    RETURN COALESCE(NEW, OLD);
  END IF;
  IF TG_OP = 'INSERT' THEN
    row_edition := NEW.edition_id; row_tier := NEW.tier_id;
  ELSE
    row_edition := OLD.edition_id; row_tier := OLD.tier_id;
  END IF;
  IF TG_TABLE_NAME = 'selection_result' THEN
    approved := OLD.approved_at;
  ELSE
    SELECT approved_at INTO approved FROM selection_result
     WHERE edition_id = row_edition AND tier_id = row_tier;
  END IF;
  IF approved IS NOT NULL THEN
    RAISE EXCEPTION 'selection result % / % was approved and is fixed', row_edition, row_tier
      USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_selection_result_fixed';
  END IF;
  RETURN COALESCE(NEW, OLD);
END;
$$ LANGUAGE plpgsql`);
    await queryRunner.query(
      'CREATE TRIGGER "tr_selection_result_fixed" BEFORE UPDATE OR DELETE ON "selection_result" FOR EACH ROW EXECUTE FUNCTION selection_result_fixed()',
    );
    await queryRunner.query(
      'CREATE TRIGGER "tr_selection_place_fixed" BEFORE INSERT OR UPDATE OR DELETE ON "selection_place" FOR EACH ROW EXECUTE FUNCTION selection_result_fixed()',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER "tr_selection_place_fixed" ON "selection_place"');
    await queryRunner.query('DROP TRIGGER "tr_selection_result_fixed" ON "selection_result"');
    await queryRunner.query('DROP FUNCTION selection_result_fixed()');
  }
}
