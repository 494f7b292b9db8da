import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { DayOverride, OverrideKind } from '../domain/calendar-rules';

export interface OverrideRow {
  date: string;
  kind: OverrideKind;
  reason: string;
  setBy: string | null;
  setAt: Date;
}

export interface DeclarationRow {
  year: number;
  reason: string;
  declaredBy: string | null;
  declaredAt: Date;
}

export interface CalendarRows {
  overrides: DayOverride[];
  declaredYears: number[];
}

const OVERRIDE_COLUMNS = `date::text AS date, kind, reason, set_by AS "setBy", set_at AS "setAt"`;
const DECLARATION_COLUMNS = `year, reason, declared_by AS "declaredBy", declared_at AS "declaredAt"`;

/** All SQL on the calendar tables. Dates travel as `YYYY-MM-DD` text, never as JS Dates. */
@Injectable()
export class CalendarRepository {
  constructor(private readonly dataSource: DataSource) {}

  async revision(manager: EntityManager = this.dataSource.manager): Promise<string> {
    const [row] = (await manager.query('SELECT revision FROM calendar_revision WHERE id = 1')) as {
      revision: string;
    }[];
    return row.revision;
  }

  async calendarRows(manager: EntityManager = this.dataSource.manager): Promise<CalendarRows> {
    const overrides = (await manager.query(
      'SELECT date::text AS date, kind FROM calendar_override',
    )) as DayOverride[];
    const years = (await manager.query('SELECT year FROM calendar_year_declaration')) as {
      year: number;
    }[];
    return { overrides, declaredYears: years.map((y) => y.year) };
  }

  async overridesIn(year: number): Promise<OverrideRow[]> {
    return (await this.dataSource.query(
      `SELECT ${OVERRIDE_COLUMNS} FROM calendar_override
        WHERE date BETWEEN make_date($1, 1, 1) AND make_date($1, 12, 31) ORDER BY date`,
      [year],
    )) as OverrideRow[];
  }

  async declarations(manager: EntityManager = this.dataSource.manager): Promise<DeclarationRow[]> {
    return (await manager.query(
      `SELECT ${DECLARATION_COLUMNS} FROM calendar_year_declaration ORDER BY year`,
    )) as DeclarationRow[];
  }

  /**
   * Bumps the revision, the first step of every calendar change: other processes see the change
   * on their next call, and the row lock serialises concurrent changes.
   */
  async bumpRevision(tx: EntityManager): Promise<string> {
    // UPDATE answers [rows, rowCount] through TypeORM's query().
    const [rows] = (await tx.query(
      'UPDATE calendar_revision SET revision = revision + 1 WHERE id = 1 RETURNING revision',
    )) as [{ revision: string }[], number];
    return rows[0].revision;
  }

  async override(tx: EntityManager, date: string): Promise<OverrideRow | undefined> {
    const [row] = (await tx.query(
      `SELECT ${OVERRIDE_COLUMNS} FROM calendar_override WHERE date = $1`,
      [date],
    )) as OverrideRow[];
    return row;
  }

  async saveOverride(
    tx: EntityManager,
    override: { date: string; kind: OverrideKind; reason: string; setBy: string | null },
  ): Promise<OverrideRow> {
    const [row] = (await tx.query(
      `INSERT INTO calendar_override (date, kind, reason, set_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (date) DO UPDATE
         SET kind = EXCLUDED.kind, reason = EXCLUDED.reason, set_by = EXCLUDED.set_by, set_at = now()
       RETURNING ${OVERRIDE_COLUMNS}`,
      [override.date, override.kind, override.reason, override.setBy],
    )) as OverrideRow[];
    return row;
  }

  async deleteOverride(tx: EntityManager, date: string): Promise<OverrideRow | undefined> {
    const [rows] = (await tx.query(
      `DELETE FROM calendar_override WHERE date = $1 RETURNING ${OVERRIDE_COLUMNS}`,
      [date],
    )) as [OverrideRow[], number];
    return rows[0];
  }

  async countOverridesIn(tx: EntityManager, year: number): Promise<number> {
    const [row] = (await tx.query(
      `SELECT count(*)::int AS n FROM calendar_override
        WHERE date BETWEEN make_date($1, 1, 1) AND make_date($1, 12, 31)`,
      [year],
    )) as { n: number }[];
    return row.n;
  }

  async declaration(tx: EntityManager, year: number): Promise<DeclarationRow | undefined> {
    const [row] = (await tx.query(
      `SELECT ${DECLARATION_COLUMNS} FROM calendar_year_declaration WHERE year = $1`,
      [year],
    )) as DeclarationRow[];
    return row;
  }

  async saveDeclaration(
    tx: EntityManager,
    declaration: { year: number; reason: string; declaredBy: string | null },
  ): Promise<DeclarationRow> {
    const [row] = (await tx.query(
      `INSERT INTO calendar_year_declaration (year, reason, declared_by) VALUES ($1, $2, $3)
       ON CONFLICT (year) DO UPDATE
         SET reason = EXCLUDED.reason, declared_by = EXCLUDED.declared_by, declared_at = now()
       RETURNING ${DECLARATION_COLUMNS}`,
      [declaration.year, declaration.reason, declaration.declaredBy],
    )) as DeclarationRow[];
    return row;
  }

  async deleteDeclaration(tx: EntityManager, year: number): Promise<DeclarationRow | undefined> {
    const [rows] = (await tx.query(
      `DELETE FROM calendar_year_declaration WHERE year = $1 RETURNING ${DECLARATION_COLUMNS}`,
      [year],
    )) as [DeclarationRow[], number];
    return rows[0];
  }
}
