import { randomBytes } from 'node:crypto';
import type { TestApp } from './test-app';

export interface Staff {
  token: string;
  userId: string;
  organisationId: string;
  email: string;
  password: string;
}

async function ok<T>(
  promise: Promise<{ statusCode: number; body: string; json<U>(): U }>,
  what: string,
): Promise<T> {
  const res = await promise;
  if (res.statusCode >= 300) throw new Error(`${what} failed with ${res.statusCode}: ${res.body}`);
  return res.json<T>();
}

export async function createOrganisation(
  t: TestApp,
  body: {
    kind: string;
    name: string;
    parentId?: string;
    district?: string;
    industrySection?: string;
  },
): Promise<string> {
  const token = await t.adminToken();
  const created = await ok<{ id: string }>(
    t.request({ method: 'POST', url: '/api/organisations', payload: body, token }),
    `creating ${body.name}`,
  );
  return created.id;
}

/** A staff member created the way real ones are: invited by the admin, then accepting. */
export async function createStaff(
  t: TestApp,
  organisationId: string,
  roles: string[],
): Promise<Staff> {
  const adminToken = await t.adminToken();
  const email = `${roles[0].toLowerCase()}-${randomBytes(4).toString('hex')}@craftcert.test`;
  const password = `pw-${randomBytes(8).toString('hex')}`;
  const invitation = await ok<{ acceptUrl: string }>(
    t.request({
      method: 'POST',
      url: '/api/invitations',
      payload: { email, organisationId, roles },
      token: adminToken,
    }),
    `inviting ${email}`,
  );
  const invitationToken = new URL(invitation.acceptUrl).searchParams.get('token')!;
  const accepted = await ok<{ accessToken: string }>(
    t.request({
      method: 'POST',
      url: '/api/auth/invitations/accept',
      payload: { token: invitationToken, displayName: roles.join('+'), password },
      remoteAddress: `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
    }),
    `accepting ${email}`,
  );
  const me = await ok<{ id: string }>(
    t.request({ url: '/api/me', token: accepted.accessToken }),
    'reading /api/me',
  );
  return { token: accepted.accessToken, userId: me.id, organisationId, email, password };
}

export interface Cast {
  secretariatId: string;
  districtUnionId: string;
  enterpriseId: string;
  otherEnterpriseId: string;
  otherDistrictUnionId: string;
  farEnterpriseId: string;
  departmentId: string;
  expertPanelId: string;
  staff: {
    secretariatAdmin: Staff;
    auditor: Staff;
    unitNominator: Staff;
    unitApprover: Staff;
    departmentReviewer: Staff;
    expert: Staff;
    otherNominator: Staff;
  };
}

/**
 * A small world: two districts with enterprises, a department and an expert panel, and one
 * user per role (the nominator in enterprise A, the approver in A's district union).
 */
export async function createCast(t: TestApp): Promise<Cast> {
  const adminToken = await t.adminToken();
  const me = await ok<{ id: string; organisationId: string; email: string }>(
    t.request({ url: '/api/me', token: adminToken }),
    'reading admin',
  );
  const secretariatId = me.organisationId;
  const districtUnionId = await createOrganisation(t, {
    kind: 'districtUnion',
    name: '拱墅区总工会',
    parentId: secretariatId,
    district: '拱墅区',
  });
  const otherDistrictUnionId = await createOrganisation(t, {
    kind: 'districtUnion',
    name: '西湖区总工会',
    parentId: secretariatId,
    district: '西湖区',
  });
  const enterpriseId = await createOrganisation(t, {
    kind: 'enterprise',
    name: '杭州汽轮机股份有限公司',
    parentId: districtUnionId,
    industrySection: 'C',
  });
  const otherEnterpriseId = await createOrganisation(t, {
    kind: 'enterprise',
    name: '杭州锅炉集团',
    parentId: districtUnionId,
    industrySection: 'C',
  });
  const farEnterpriseId = await createOrganisation(t, {
    kind: 'enterprise',
    name: '西湖龙井茶业',
    parentId: otherDistrictUnionId,
    industrySection: 'A',
  });
  const departmentId = await createOrganisation(t, {
    kind: 'department',
    name: '市人力社保局',
    parentId: secretariatId,
  });
  const expertPanelId = await createOrganisation(t, {
    kind: 'expertPanel',
    name: '专家评审组',
    parentId: secretariatId,
  });
  const [auditor, unitNominator, unitApprover, departmentReviewer, expert, otherNominator] =
    await Promise.all([
      createStaff(t, secretariatId, ['auditor']),
      createStaff(t, enterpriseId, ['unitNominator']),
      createStaff(t, districtUnionId, ['unitApprover']),
      createStaff(t, departmentId, ['departmentReviewer']),
      createStaff(t, expertPanelId, ['expert']),
      createStaff(t, farEnterpriseId, ['unitNominator']),
    ]);
  return {
    secretariatId,
    districtUnionId,
    enterpriseId,
    otherEnterpriseId,
    otherDistrictUnionId,
    farEnterpriseId,
    departmentId,
    expertPanelId,
    staff: {
      secretariatAdmin: {
        token: adminToken,
        userId: me.id,
        organisationId: secretariatId,
        email: me.email,
        password: '',
      },
      auditor,
      unitNominator,
      unitApprover,
      departmentReviewer,
      expert,
      otherNominator,
    },
  };
}
