import { randomBytes } from 'node:crypto';
import {
  attachRequiredEvidence,
  Cast,
  createOrganisation,
  createStaff,
  hangzhouDossier,
  residentIdNumber,
  type Staff,
  TestApp,
} from '@craftcert/testing';

/** The shipped Hangzhou definition's departments, in its order. */
export const DEPARTMENTS = [
  'organisation',
  'publicity',
  'hrss',
  'economy-it',
  'discipline',
] as const;
export type DepartmentKey = (typeof DEPARTMENTS)[number];

export interface DepartmentDesk {
  organisationId: string;
  reviewer: Staff;
}

async function call<T>(
  t: TestApp,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  token: string,
  payload?: unknown,
) {
  const res = await t.request({ method, url, token, payload });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return (res.body ? res.json<T>() : undefined) as T;
}

/** Five department organisations with one reviewer each. */
export async function createDepartments(
  t: TestApp,
  cast: Cast,
): Promise<Record<DepartmentKey, DepartmentDesk>> {
  const names: Record<DepartmentKey, string> = {
    organisation: '市委组织部',
    publicity: '市委宣传部',
    hrss: '市人力社保局',
    'economy-it': '市经信局',
    discipline: '市纪委监委',
  };
  const desks = await Promise.all(
    DEPARTMENTS.map(async (key) => {
      const organisationId = await createOrganisation(t, {
        kind: 'department',
        name: `${names[key]}-${randomBytes(2).toString('hex')}`,
        parentId: cast.secretariatId,
      });
      return [
        key,
        { organisationId, reviewer: await createStaff(t, organisationId, ['departmentReviewer']) },
      ] as const;
    }),
  );
  return Object.fromEntries(desks) as Record<DepartmentKey, DepartmentDesk>;
}

export async function mapDepartments(
  t: TestApp,
  token: string,
  editionId: string,
  desks: Record<DepartmentKey, DepartmentDesk>,
): Promise<void> {
  await call(t, 'PUT', `/api/editions/${editionId}/workflow/departments`, token, {
    departments: DEPARTMENTS.map((departmentId) => ({
      departmentId,
      organisationId: desks[departmentId].organisationId,
    })),
  });
}

/** Nominators of enterprises under the cast's district union, two places each (the channel's cap). */
const nominators = new WeakMap<Cast, Staff[]>();

/**
 * Submits `count` nominations through the unit channel (two per enterprise, the cap), plus
 * `ineligible` that the rules refuse, then has the district union rank and forward them all.
 * Returns the ids of the eligible ones, in submission order.
 */
export async function forwardNominations(
  t: TestApp,
  cast: Cast,
  editionId: string,
  count: number,
  ineligible = 0,
): Promise<{ eligible: string[]; ineligible: string[]; nominatorOf: Map<string, Staff> }> {
  const pool = nominators.get(cast) ?? [cast.staff.unitNominator];
  nominators.set(cast, pool);
  const total = count + ineligible;
  while (pool.length * 2 < total) {
    const enterpriseId = await createOrganisation(t, {
      kind: 'enterprise',
      name: `企业-${randomBytes(3).toString('hex')}`,
      parentId: cast.districtUnionId,
      industrySection: 'C',
    });
    pool.push(await createStaff(t, enterpriseId, ['unitNominator']));
  }
  const ids: string[] = [];
  const nominatorOf = new Map<string, Staff>();
  for (let i = 0; i < total; i++) {
    const nominator = pool[Math.floor(i / 2)];
    const serial = 1000 + i + Math.floor(Math.random() * 8000);
    const dossier = hangzhouDossier({
      name: `王建${'一二三四五六七八九十'[i % 10]}`,
      idNumber: residentIdNumber(serial),
      ...(i >= count ? { skillStartDate: '2024-01-01', contests: [] } : {}),
    });
    const draft = await call<{ id: string }>(
      t,
      'POST',
      `/api/editions/${editionId}/nominations`,
      nominator.token,
      {
        channelId: 'unit-nomination',
        dossier,
      },
    );
    await attachRequiredEvidence(t, nominator.token, draft.id);
    await call(t, 'POST', `/api/nominations/${draft.id}/submit`, nominator.token);
    ids.push(draft.id);
    nominatorOf.set(draft.id, nominator);
  }
  const approver = cast.staff.unitApprover.token;
  await call(t, 'PUT', `/api/editions/${editionId}/rankings`, approver, {
    channelId: 'unit-nomination',
    order: ids,
  });
  for (const id of ids) await call(t, 'POST', `/api/nominations/${id}/forward`, approver);
  return { eligible: ids.slice(0, count), ineligible: ids.slice(count), nominatorOf };
}

export interface TaskView {
  id: string;
  nominationId: string;
  taskKey: string;
  status: string;
  decision: string | null;
  dueOn: string | null;
  checklist?: { id: string }[];
}

/** The reviewer's inbox for one edition and stage. */
export async function inbox(
  t: TestApp,
  token: string,
  editionId: string,
  stageId: string,
): Promise<TaskView[]> {
  return call<TaskView[]>(
    t,
    'GET',
    `/api/review-tasks?editionId=${editionId}&stageId=${stageId}&limit=200`,
    token,
  );
}

/** Answers every checklist item as met. */
export function answers(checklist: readonly { id: string }[] = []) {
  return checklist.map((c) => ({ itemId: c.id, met: true }));
}

export async function decide(
  t: TestApp,
  token: string,
  taskId: string,
  decision: 'approve' | 'reject' | 'requestInfo',
  body: { reason?: string; amends?: string; checklist?: { itemId: string; met: boolean }[] } = {},
) {
  // A task the caller may not see is still posted to, so the refusal itself can be asserted.
  const read = await t.request({ url: `/api/review-tasks/${taskId}`, token });
  const task =
    read.statusCode === 200
      ? read.json<{ checklist: { id: string }[]; task: { assigneeKind: string } }>()
      : { checklist: [], task: { assigneeKind: 'unknown' } };
  if (task.task.assigneeKind === 'department') await declareNoConflict(t, token, taskId);
  return t.request({
    method: 'POST',
    url: `/api/review-tasks/${taskId}/decisions`,
    token,
    payload: {
      decision,
      reason: body.reason ?? `理由：${decision}`,
      checklist: body.checklist ?? answers(task.checklist),
      ...(body.amends ? { amends: body.amends } : {}),
    },
  });
}

export async function candidates(t: TestApp, token: string, editionId: string, stageId: string) {
  return call<
    {
      nominationId: string;
      status: string;
      escalated: boolean;
      explanation: { zh: string; en: string; code: string };
    }[]
  >(t, 'GET', `/api/editions/${editionId}/workflow/stages/${stageId}/candidates`, token);
}

export function transition(
  t: TestApp,
  token: string,
  editionId: string,
  path: string,
  payload: unknown = {},
) {
  return t.request({
    method: 'POST',
    url: `/api/editions/${editionId}/workflow/${path}`,
    token,
    payload,
  });
}

/**
 * The shipped city definition with the departmental review as its first stage (the qualification
 * check removed), a given join rule and, optionally, a calendar whose last day has passed.
 */
export function reviewFirstSource(
  source: string,
  join: string,
  options: { overdue?: boolean } = {},
): string {
  let out = source.replace(
    / {2}- id: qualification-check\n[\s\S]*?(?= {2}- id: departmental-review)/,
    '',
  );
  out = out.replace('join: { policy: anyVetoRejects }', `join: ${join}`);
  if (options.overdue) {
    out = out.replace(
      /(id: departmental-review[\s\S]*?)calendar: \{ duration: \{ days: 10, dayKind: working \} \}/,
      "$1calendar: { due: '2025-01-06' }",
    );
  }
  if (out === source || !out.includes(`join: ${join}`))
    throw new Error('the definition did not change as expected');
  return out;
}

/**
 * Stage deadlines are counted on the working-day calendar, which refuses years without holiday
 * data. So that these tests do not start failing late in the last year the package covers, the
 * year after it is declared complete (weekdays and New Year's Day off) when the package lacks it.
 */
export async function coverNextYear(t: TestApp, token: string): Promise<void> {
  const next = new Date().getUTCFullYear() + 1;
  const coverage = await call<{ packageYears: number[]; declarations: { year: number }[] }>(
    t,
    'GET',
    '/api/calendar',
    token,
  );
  if (coverage.packageYears.includes(next) || coverage.declarations.some((d) => d.year === next))
    return;
  await call(t, 'PUT', `/api/calendar/overrides/${next}-01-01`, token, {
    kind: 'dayOff',
    reason: '测试：元旦',
  });
  await call(t, 'PUT', `/api/calendar/years/${next}/declaration`, token, {
    reason: '测试：下一年按周一至周五计',
  });
}

/** A department reviewer's "no conflict of interest" on a task (a repeat is refused and ignored). */
export async function declareNoConflict(t: TestApp, token: string, taskId: string): Promise<void> {
  const res = await t.request({
    method: 'POST',
    url: `/api/review-tasks/${taskId}/declaration`,
    token,
    payload: { conflict: false },
  });
  // 409: already declared; 403/404: not this caller's to declare (the decision will say so).
  if (![201, 409, 403, 404].includes(res.statusCode)) {
    throw new Error(`declaring on ${taskId}: ${res.statusCode} ${res.body}`);
  }
}
