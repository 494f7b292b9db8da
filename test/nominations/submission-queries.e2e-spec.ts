import type { QueryRunner } from 'typeorm';
import { DataSource } from 'typeorm';
import { QueryCounter } from '@craftcert/platform';
import {
  attachRequiredEvidence,
  Cast,
  createCast,
  hangzhouDossier,
  openEdition,
  startTestApp,
  TestApp,
} from '@craftcert/testing';

/**
 * A submission is the hot write of nomination season: its transaction issues a fixed, small
 * number of statements (no re-select before the update, one look-up for evidence, prior awards
 * and duplicates, one statement for the history entry and the outbox event, one insert for the
 * audit record with no lock and no read of the chain).
 */
describe('SQL statements per submission', () => {
  let t: TestApp;
  let cast: Cast;
  let editionId: string;
  let counter: QueryCounter;
  const statements: { query: string; runner?: QueryRunner }[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
    ({ editionId } = await openEdition(t));
    counter = t.app.get(DataSource).logger as QueryCounter;
    // TypeORM passes each statement with the query runner that ran it: keep both.
    const count = counter.logQuery.bind(counter);
    const logger = counter as unknown as {
      logQuery(query: string, parameters?: unknown[], runner?: QueryRunner): void;
    };
    logger.logQuery = (query, _parameters, runner) => {
      statements.push({ query, runner });
      count();
    };
  });
  afterAll(() => t.close());

  const token = () => cast.staff.unitNominator.token;

  async function draft(idNumber: string): Promise<string> {
    const res = await t.request({
      method: 'POST',
      url: `/api/editions/${editionId}/nominations`,
      token: token(),
      payload: { channelId: 'unit-nomination', dossier: hangzhouDossier({ idNumber }) },
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    const id = res.json<{ id: string }>().id;
    await attachRequiredEvidence(t, token(), id);
    return id;
  }

  /** The statements of the transaction that submitted, from its start to its commit. */
  async function submissionStatements(nominationId: string): Promise<string[]> {
    statements.length = 0;
    const res = await t.request({
      method: 'POST',
      url: `/api/nominations/${nominationId}/submit`,
      token: token(),
    });
    expect(res.statusCode).toBe(200);
    const runner = statements.find(
      (s) => /FROM "nomination"/.test(s.query) && /FOR UPDATE/.test(s.query),
    )?.runner;
    const mine = statements.filter((s) => s.runner === runner).map((s) => s.query);
    const start = mine.indexOf('START TRANSACTION');
    // Each statement by its first words, so a failure shows which one came or went.
    return mine
      .slice(start, mine.indexOf('COMMIT', start) + 1)
      .map((q) => q.replace(/\s+/g, ' ').trim().split(' ').slice(0, 3).join(' '));
  }

  it('is seven statements, eight for a duplicate of an earlier one', async () => {
    const first = await submissionStatements(await draft('33010219800101123X'));
    expect(first).toEqual([
      'START TRANSACTION',
      'SELECT "n"."id" AS', // the nomination, locked, with the (edition, person) lock
      'SELECT "EditionEntity"."id" AS', // the edition, share-locked
      "SELECT (SELECT coalesce(json_agg(json_build_object('kind',", // evidence, awards, duplicates
      'WITH place AS', // the unit's place, the nomination, its history entry and outbox event
      'INSERT INTO audit_record', // the audit record, linked after commit
      'COMMIT',
    ]);
    // The same person again: the earlier nomination is flagged too, in one more statement.
    const duplicate = await submissionStatements(await draft('33010219800101123X'));
    expect(duplicate).toEqual([...first.slice(0, 4), 'UPDATE nomination SET', ...first.slice(4)]);
  });
});
