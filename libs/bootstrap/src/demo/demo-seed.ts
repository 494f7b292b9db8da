import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { AccessTokens, firstAdministrator } from '@craftcert/identity';
import { shippedDefinitionPath } from '@craftcert/pipeline';
import {
  DEMO_DEPARTMENTS,
  DEMO_FORM,
  DEMO_PASSWORD,
  DEMO_PEOPLE,
  DEMO_PHOTO,
  DEMO_PROGRAMME_CODE,
  DEMO_UNIONS,
  demoIdNumber,
} from './demo-data';

export interface DemoLogin {
  email: string;
  role: string;
  organisation: string;
}

export interface DemoSeedResult {
  /** False when the marker programme already existed: nothing was changed. */
  seeded: boolean;
  pastEditionId?: string;
  currentEditionId?: string;
  logins: DemoLogin[];
}

interface Response {
  statusCode: number;
  body: string;
  json<T>(): T;
}

/** The shipped city definition with the public notice and the release as its only stages. */
export function demoDefinitionSource(): string {
  const source = readFileSync(shippedDefinitionPath('hangzhou-city-craftsman'), 'utf8');
  const out = source.replace(/\nstages:\n[\s\S]*?(?= {2}- id: public-notice\n)/, '\nstages:\n');
  if (out === source) throw new Error('the shipped definition no longer has a public-notice stage');
  return out;
}

/**
 * Fills an empty platform with a living demo, through the application's own API in process
 * (every step is a real request: validation, authorisation, audit and events as for a person):
 * the city scheme, its organisations and staff, a past edition released with certificates and a
 * current edition in public notice. Seeding again finds the programme and changes nothing.
 */
export async function seedDemo(
  app: NestFastifyApplication,
  options: { onlyIfEmpty?: boolean } = {},
): Promise<DemoSeedResult> {
  const admin = await firstAdministrator(app.get(DataSource).manager);
  if (!admin) throw new Error('no administrator yet: start the platform once before seeding');
  // The first administrator's authority for this process only; no session or password involved.
  const adminToken = app.get(AccessTokens).sign({ ...admin, sessionId: randomUUID() });
  let address = 0;
  const call = async <T>(
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    token: string | undefined,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> => {
    const res = (await app.inject({
      method,
      url,
      payload: payload as never,
      remoteAddress: `127.0.42.${(++address % 250) + 1}`,
      headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    })) as unknown as Response;
    if (res.statusCode >= 300)
      throw new Error(`demo seed: ${method} ${url}: ${res.statusCode} ${res.body}`);
    return (res.body ? res.json<T>() : undefined) as T;
  };

  const programmes = await call<{ code: string }[]>('GET', '/api/programmes', adminToken);
  // On its own the seed never touches a platform that already has a scheme of its own.
  if (programmes.some((p) => p.code === DEMO_PROGRAMME_CODE)) return { seeded: false, logins: [] };
  if (options.onlyIfEmpty && programmes.length > 0) return { seeded: false, logins: [] };

  const secretariatId = admin.organisationId;
  const logins: DemoLogin[] = [];
  const organisation = async (body: Record<string, unknown>) =>
    (await call<{ id: string }>('POST', '/api/organisations', adminToken, body)).id;
  const staff = async (
    organisationId: string,
    organisationName: string,
    key: string,
    role: string,
  ) => {
    const email = `${key}@demo.craftcert.local`;
    const { acceptUrl } = await call<{ acceptUrl: string }>(
      'POST',
      '/api/invitations',
      adminToken,
      {
        email,
        organisationId,
        roles: [role],
      },
    );
    const token = new URL(acceptUrl).searchParams.get('token');
    const accepted = await call<{ accessToken: string }>(
      'POST',
      '/api/auth/invitations/accept',
      undefined,
      {
        token,
        displayName: `${organisationName}（演示）`,
        password: DEMO_PASSWORD,
      },
    );
    logins.push({ email, role, organisation: organisationName });
    return accepted.accessToken;
  };

  // Organisations and staff: two district unions with two enterprises each, the five departments,
  // an expert panel; a nominator per enterprise, an approver per union, a reviewer, an expert.
  const nominators: {
    token: string;
    union: number;
    industrySection: string;
    enterprise: string;
  }[] = [];
  const approvers: string[] = [];
  for (const [u, union] of DEMO_UNIONS.entries()) {
    const unionId = await organisation({
      kind: 'districtUnion',
      name: union.name,
      parentId: secretariatId,
      district: union.district,
    });
    approvers.push(await staff(unionId, union.name, `approver-${union.key}`, 'unitApprover'));
    for (const [e, enterprise] of union.enterprises.entries()) {
      const id = await organisation({ kind: 'enterprise', parentId: unionId, ...enterprise });
      const token = await staff(
        id,
        enterprise.name,
        `nominator-${union.key}-${e + 1}`,
        'unitNominator',
      );
      nominators.push({
        token,
        union: u,
        industrySection: enterprise.industrySection,
        enterprise: enterprise.name,
      });
    }
  }
  const departmentIds: string[] = [];
  for (const name of DEMO_DEPARTMENTS) {
    departmentIds.push(await organisation({ kind: 'department', name, parentId: secretariatId }));
  }
  await staff(departmentIds[2], DEMO_DEPARTMENTS[2], 'reviewer', 'departmentReviewer');
  const panelId = await organisation({
    kind: 'expertPanel',
    name: '杭州工匠专家评审组',
    parentId: secretariatId,
  });
  await staff(panelId, '杭州工匠专家评审组', 'expert', 'expert');

  // The scheme: the shipped city definition, trimmed to public notice and release for the demo.
  const programme = await call<{ id: string }>('POST', '/api/programmes', adminToken, {
    code: DEMO_PROGRAMME_CODE,
    name: { zh: '杭州工匠', en: 'Hangzhou Craftsman' },
  });
  await call('POST', `/api/programmes/${programme.id}/definitions`, adminToken, {
    source: demoDefinitionSource(),
  });
  await call('POST', `/api/programmes/${programme.id}/definitions/1/publish`, adminToken);
  await coverNextYear(call, adminToken);

  const edition = async (code: string, zh: string, en: string, referenceDate: string) =>
    (
      await call<{ id: string }>('POST', `/api/programmes/${programme.id}/editions`, adminToken, {
        code,
        title: { zh, en },
        definitionVersion: 1,
        referenceDate,
        nominationWindow: {
          opensAt: new Date(Date.now() - 86_400_000).toISOString(),
          closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        },
      })
    ).id;
  const nominate = async (editionId: string, people: typeof DEMO_PEOPLE, offset: number) => {
    const byUnion: string[][] = DEMO_UNIONS.map(() => []);
    for (const [i, person] of people.entries()) {
      const nominator = nominators[Math.floor(i / 2) % nominators.length];
      const union = DEMO_UNIONS[nominator.union];
      const draft = await call<{ id: string }>(
        'POST',
        `/api/editions/${editionId}/nominations`,
        nominator.token,
        {
          channelId: 'unit-nomination',
          dossier: {
            name: person.name,
            idNumber: demoIdNumber(union.divisionCode, person.birthDate, offset + i),
            birthDate: person.birthDate,
            phone: '13800000000',
            employer: nominator.enterprise,
            district: union.district,
            industrySection: nominator.industrySection,
            occupation: person.occupation,
            skillLevel: person.skillLevel,
            employmentCategory: 'worker',
            unionMember: true,
            inService: true,
            frontLine: true,
            skillStartDate: '2005-03-01',
            cityStartDate: '2005-03-01',
            willingToMentor: true,
            uniqueSkill: false,
            contests: [{ name: person.contest, level: 'provincial', rank: 1, year: 2023 }],
            innovations: [],
            apprentices: [],
            narrative: person.narrative,
          },
        },
      );
      for (const [kind, bytes, fileName] of [
        ['photo', DEMO_PHOTO, '照片.png'],
        ['approvalForm', DEMO_FORM, '推荐审批表.pdf'],
      ] as const) {
        await call(
          'POST',
          `/api/nominations/${draft.id}/evidence?kind=${kind}&fileName=${encodeURIComponent(fileName)}`,
          nominator.token,
          bytes,
          { 'content-type': 'application/octet-stream' },
        );
      }
      await endorse(call, nominator.token, draft.id);
      await call('POST', `/api/nominations/${draft.id}/submit`, nominator.token);
      byUnion[nominator.union].push(draft.id);
    }
    for (const [u, ids] of byUnion.entries()) {
      if (ids.length === 0) continue;
      await call('PUT', `/api/editions/${editionId}/rankings`, approvers[u], {
        channelId: 'unit-nomination',
        order: ids,
      });
      for (const id of ids) await call('POST', `/api/nominations/${id}/forward`, approvers[u]);
    }
  };
  const stage = (editionId: string, id: string) =>
    call('POST', `/api/editions/${editionId}/workflow/stages/${id}/enter`, adminToken, {});

  const year = new Date().getUTCFullYear();
  const pastEditionId = await edition(
    `hz-${year - 1}`,
    `${year - 1}年度杭州工匠`,
    `Hangzhou Craftsman ${year - 1}`,
    `${year - 1}-06-01`,
  );
  await nominate(pastEditionId, DEMO_PEOPLE.slice(0, 8), 0);
  await stage(pastEditionId, 'public-notice');
  // The past edition's notice period is history: it is closed early, with the reason on record.
  await call(
    'POST',
    `/api/editions/${pastEditionId}/workflow/stages/public-notice/close`,
    adminToken,
    {
      force: true,
      reason: '演示数据：往届公示期已满，无异议',
    },
  );
  await stage(pastEditionId, 'release');
  const currentEditionId = await edition(
    `hz-${year}`,
    `${year}年度杭州工匠`,
    `Hangzhou Craftsman ${year}`,
    `${year}-06-01`,
  );
  await nominate(currentEditionId, DEMO_PEOPLE.slice(8), 8);
  await stage(currentEditionId, 'public-notice');
  return { seeded: true, pastEditionId, currentEditionId, logins };
}

type Call = <T>(
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  token: string | undefined,
  payload?: unknown,
) => Promise<T>;

/** Each endorsement the channel asks for, complete: an in-unit notice, an approval, a seal. */
async function endorse(call: Call, token: string, nominationId: string): Promise<void> {
  const { items } = await call<{ items: { endorsementId: string; kind: string }[] }>(
    'GET',
    `/api/nominations/${nominationId}/endorsements`,
    token,
  );
  const bodies: Record<string, Record<string, string>> = {
    notice: { startsOn: '2025-09-26' },
    approval: { body: '党政联席会议', meetingOn: '2025-09-20' },
    seal: {},
  };
  for (const item of items) {
    await call(
      'PUT',
      `/api/nominations/${nominationId}/endorsements/${item.endorsementId}`,
      token,
      bodies[item.kind],
    );
  }
}

/** A notice period may run into next year: the working-day calendar must cover it. */
async function coverNextYear(call: Call, token: string): Promise<void> {
  const next = new Date().getUTCFullYear() + 1;
  const coverage = await call<{ packageYears: number[]; declarations: { year: number }[] }>(
    'GET',
    '/api/calendar',
    token,
  );
  if (coverage.packageYears.includes(next) || coverage.declarations.some((d) => d.year === next))
    return;
  await call('PUT', `/api/calendar/overrides/${next}-01-01`, token, {
    kind: 'dayOff',
    reason: '元旦',
  });
  await call('PUT', `/api/calendar/years/${next}/declaration`, token, {
    reason: '演示数据：下一年按周一至周五计，待发布正式安排后更新',
  });
}

/** What to tell a newcomer once, after seeding: where to look and how to sign in. */
export function describeDemo(result: DemoSeedResult, publicUrl: string): string {
  const base = publicUrl.replace(/\/$/, '');
  return [
    'Demo data seeded (city scheme 杭州工匠):',
    `  public site:          ${base}/`,
    `  released edition:     ${base}/editions/${result.pastEditionId}`,
    `  edition in notice:    ${base}/editions/${result.currentEditionId}`,
    `  API and its docs:     ${base}/api/docs`,
    `  demo logins (password ${DEMO_PASSWORD}):`,
    ...result.logins.map((l) => `    ${l.email.padEnd(40)} ${l.role} — ${l.organisation}`),
    '',
  ].join('\n');
}
