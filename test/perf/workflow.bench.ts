import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { shippedDefinitionPath } from '@craftcert/pipeline';
import { DecideTaskUseCase, DeclareConflictUseCase, EnterStageUseCase } from '@craftcert/workflow';
import { ADMIN } from './api-fixture';
import { Benchmark, compare } from './harness';
import { openInProcessApp } from './in-process-app';

const CANDIDATES = 2000;
const DEPARTMENTS = ['organisation', 'publicity', 'hrss', 'economy-it', 'discipline'];
const STAGE = 'departmental-review';
const ROUNDS = 5;
const DECISIONS_PER_ROUND = 100;

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

/**
 * Entering a departmental review for 2,000 candidates × 5 departments (10,000 tasks: the whole
 * use case — entrants, mapping, due date, outcomes, transition, outbox, audit, one transaction)
 * against a raw multi-row INSERT of the same candidate and task rows; and recording one decision
 * with its join recomputation at that size against a plain single-row UPDATE. Subject and
 * baseline alternate in rounds; medians.
 */
export const benchmark: Benchmark = {
  name: 'workflow',
  async run() {
    const { app, close } = await openInProcessApp();
    try {
      const sql = app.get(DataSource);
      const template = await prepare(app, sql);
      const enter = app.get(EnterStageUseCase);
      const decide = app.get(DecideTaskUseCase);
      const declare = app.get(DeclareConflictUseCase);

      const entries: number[] = [];
      const inserts: number[] = [];
      const decisions: number[] = [];
      const updates: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        // Subject: a fresh edition with the same 2,000 nominations and department mapping.
        const editionId = await cloneEdition(sql, template, round);
        let started = process.hrtime.bigint();
        const entered = await enter.execute({ editionId, stageId: STAGE, actorId: null });
        entries.push(1 / seconds(started));
        if (entered.summary.tasks !== CANDIDATES * DEPARTMENTS.length)
          throw new Error(`entered ${JSON.stringify(entered.summary)}`);

        // Baseline: the same rows, two raw multi-row INSERTs in one transaction.
        started = process.hrtime.bigint();
        await rawInsert(sql, template.editionId, `baseline-${round}`, template.departmentOrgs);
        inserts.push(1 / seconds(started));

        // Decisions on this round's stage: each department approves some candidates.
        const tasks: { id: string; organisation_id: string }[] = await sql.query(
          `SELECT id, organisation_id FROM review_task WHERE edition_id = $1 ORDER BY nomination_id, task_key LIMIT $2`,
          [editionId, DECISIONS_PER_ROUND],
        );
        const reviewer = (task: { organisation_id: string }) => ({
          userId: template.reviewerId,
          organisationId: task.organisation_id,
          roles: ['departmentReviewer'],
        });
        // Setup, not timed: the reviewer declares no conflict before deciding.
        for (const task of tasks) {
          await declare.execute(reviewer(task), { taskId: task.id, conflict: false });
        }
        started = process.hrtime.bigint();
        for (const task of tasks) {
          await decide.execute(reviewer(task), {
            taskId: task.id,
            decision: 'approve',
            reason: '核验通过',
            checklist: answersFor(template, task.organisation_id),
          });
        }
        decisions.push(tasks.length / seconds(started));

        const baselineTasks: { id: string }[] = await sql.query(
          `SELECT id FROM review_task WHERE edition_id = $1 AND stage_id = $2 LIMIT $3`,
          [template.editionId, `baseline-${round}`, DECISIONS_PER_ROUND],
        );
        started = process.hrtime.bigint();
        for (const task of baselineTasks) {
          await sql.query(
            `UPDATE review_task SET decision = 'approve', status = 'decided' WHERE id = $1`,
            [task.id],
          );
        }
        updates.push(baselineTasks.length / seconds(started));
      }
      return [
        compare({
          name: 'workflow.enter-review',
          description: `enter a review of ${CANDIDATES} candidates × ${DEPARTMENTS.length} departments (${CANDIDATES * DEPARTMENTS.length} tasks) vs a raw multi-row INSERT of the same rows`,
          unit: 'stages/s',
          subject: entries,
          baseline: inserts,
          goal: { ratio: { atLeast: 0.5 } },
        }),
        compare({
          name: 'workflow.decision',
          description:
            'one decision with its join recomputation at that size vs a single-row UPDATE',
          unit: 'ops/s',
          subject: decisions,
          baseline: updates,
          goal: { ratio: { atLeast: 0.3 } },
        }),
      ];
    } finally {
      await close();
    }
  },
};

interface Template {
  editionId: string;
  reviewerId: string;
  departmentOrgs: Map<string, string>;
  checklistOf: Map<string, string>;
}

function answersFor(template: Template, organisationId: string) {
  return [{ itemId: template.checklistOf.get(organisationId)!, met: true }];
}

async function call(
  app: NestFastifyApplication,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  token?: string,
  payload?: unknown,
) {
  const res = await app.inject({
    method,
    url,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    payload: payload === undefined ? undefined : JSON.stringify(payload),
  });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.body ? res.json() : undefined;
}

/**
 * An edition of the city definition whose first stage is the departmental review, five mapped
 * department organisations, and 2,000 eligible nominations at the secretariat (written directly:
 * the bench measures the workflow, not submission).
 */
async function prepare(app: NestFastifyApplication, sql: DataSource): Promise<Template> {
  const admin = (await call(app, 'POST', '/api/auth/login', undefined, ADMIN)).accessToken;
  const source = readFileSync(shippedDefinitionPath('hangzhou-city-craftsman'), 'utf8')
    .replace(/ {2}- id: qualification-check\n[\s\S]*?(?= {2}- id: departmental-review)/, '')
    .replace(
      /(id: departmental-review[\s\S]*?)calendar: \{ duration: \{ days: 10, dayKind: working \} \}/,
      "$1calendar: { due: '2099-12-31' }",
    );
  const programme = await call(app, 'POST', '/api/programmes', admin, {
    code: 'hangzhou-city-craftsman',
    name: { zh: '杭州工匠', en: 'Hangzhou Craftsman' },
  });
  await call(app, 'POST', `/api/programmes/${programme.id}/definitions`, admin, { source });
  await call(app, 'POST', `/api/programmes/${programme.id}/definitions/1/publish`, admin, {});
  const edition = await call(app, 'POST', `/api/programmes/${programme.id}/editions`, admin, {
    code: 'bench',
    title: { zh: '基准', en: 'bench' },
    definitionVersion: 1,
    referenceDate: '2026-06-01',
    nominationWindow: { opensAt: '2020-01-01T00:00:00Z', closesAt: '2099-01-01T00:00:00Z' },
  });
  const me = await call(app, 'GET', '/api/me', admin);
  const departmentOrgs = new Map<string, string>();
  for (const id of DEPARTMENTS) {
    const org = await call(app, 'POST', '/api/organisations', admin, {
      kind: 'department',
      name: `部门-${id}`,
      parentId: me.organisationId,
    });
    departmentOrgs.set(id, org.id);
  }
  await call(app, 'PUT', `/api/editions/${edition.id}/workflow/departments`, admin, {
    departments: DEPARTMENTS.map((departmentId) => ({
      departmentId,
      organisationId: departmentOrgs.get(departmentId),
    })),
  });
  await sql.query(
    `INSERT INTO nomination (edition_id, channel_id, status, masked_name, dossier, pii_ciphertext, eligible, revision)
     SELECT $1, 'unit-nomination', 'forwarded', '王*' || i, '{}'::jsonb, 'bench', true, 1 FROM generate_series(1, $2) AS i`,
    [edition.id, CANDIDATES],
  );
  const checklistOf = new Map<string, string>([
    [departmentOrgs.get('organisation')!, 'political-record'],
    [departmentOrgs.get('publicity')!, 'public-image'],
    [departmentOrgs.get('hrss')!, 'skill-certificate'],
    [departmentOrgs.get('economy-it')!, 'enterprise-standing'],
    [departmentOrgs.get('discipline')!, 'integrity'],
  ]);
  return { editionId: edition.id, reviewerId: randomUUID(), departmentOrgs, checklistOf };
}

/** A copy of the template edition with its nominations and department mapping (setup, not timed). */
async function cloneEdition(sql: DataSource, template: Template, round: number): Promise<string> {
  const [{ id }] = await sql.query(
    `INSERT INTO edition SELECT (jsonb_populate_record(NULL::edition, to_jsonb(e)
       || jsonb_build_object('id', gen_random_uuid(), 'code', 'bench-' || $2::text))).* FROM edition e WHERE e.id = $1 RETURNING id`,
    [template.editionId, round],
  );
  await sql.query(
    `INSERT INTO nomination SELECT (jsonb_populate_record(NULL::nomination, to_jsonb(n)
       || jsonb_build_object('id', gen_random_uuid(), 'edition_id', $2::uuid))).* FROM nomination n WHERE n.edition_id = $1`,
    [template.editionId, id],
  );
  await sql.query(
    `INSERT INTO workflow_department (edition_id, department_id, organisation_id)
     SELECT $2, department_id, organisation_id FROM workflow_department WHERE edition_id = $1`,
    [template.editionId, id],
  );
  return id;
}

/** The baseline: the same 2,000 candidate rows and 10,000 task rows, two raw INSERTs, one transaction. */
async function rawInsert(
  sql: DataSource,
  editionId: string,
  stageId: string,
  orgs: Map<string, string>,
) {
  await sql.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO candidate_stage (edition_id, stage_id, nomination_id, status, explanation)
       SELECT edition_id, $2, id, 'pending', '{"code":"x","zh":"x","en":"x"}'::jsonb FROM nomination WHERE edition_id = $1`,
      [editionId, stageId],
    );
    await tx.query(
      `INSERT INTO review_task (candidate_stage_id, edition_id, stage_id, nomination_id, task_key, assignee_kind,
         organisation_id, label, checklist, status)
       SELECT c.id, c.edition_id, c.stage_id, c.nomination_id, d.key, 'department', d.org,
              '{"zh":"x","en":"x"}'::jsonb, '[]'::jsonb, 'open'
         FROM candidate_stage c CROSS JOIN unnest($3::varchar[], $4::uuid[]) AS d(key, org)
        WHERE c.edition_id = $1 AND c.stage_id = $2`,
      [editionId, stageId, [...orgs.keys()], [...orgs.values()]],
    );
  });
}
