import { RouteCatalogue } from '@craftcert/identity';
import { Cast, createCast, startTestApp, TestApp } from '@craftcert/testing';

type Caller = 'anonymous' | keyof Cast['staff'];
type Expectation = 'public' | 'signedIn' | readonly Caller[];

const ADMIN = ['secretariatAdmin'] as const;
const NOMINATOR = ['unitNominator'] as const;
const APPROVER = ['unitApprover'] as const;
const NOMINATION_READERS = [
  'secretariatAdmin',
  'auditor',
  'unitNominator',
  'unitApprover',
] as const;

/**
 * Who may call what: the specification of every route. A route the application serves but
 * this table does not list fails the test, so no route ships without a decision.
 */
const EXPECTED: Record<string, Expectation> = {
  'GET /health': 'public',
  'GET /health/ready': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/refresh': 'public',
  'POST /api/auth/logout': 'signedIn',
  'POST /api/auth/invitations/accept': 'public',
  'POST /api/auth/password-reset': 'public',
  'POST /api/auth/password-reset/confirm': 'public',
  'GET /api/me': 'signedIn',
  'POST /api/me/password': 'signedIn',
  'POST /api/organisations': ADMIN,
  'GET /api/organisations': 'signedIn',
  'GET /api/organisations/:organisationId': 'signedIn',
  'GET /api/users': ['secretariatAdmin', 'auditor', 'unitApprover'],
  'POST /api/invitations': ADMIN,
  'POST /api/users/:userId/unlock': ADMIN,
  'GET /api/audit': ['secretariatAdmin', 'auditor'],
  'GET /api/schemas/pipeline-definition.json': 'public',
  'POST /api/programmes': ADMIN,
  'GET /api/programmes': 'signedIn',
  'GET /api/programmes/:programmeId': 'signedIn',
  'POST /api/programmes/:programmeId/editions': ADMIN,
  'GET /api/programmes/:programmeId/editions': 'signedIn',
  'GET /api/editions/:editionId': 'signedIn',
  'POST /api/programmes/:programmeId/definitions': ADMIN,
  'GET /api/programmes/:programmeId/definitions': 'signedIn',
  'GET /api/programmes/:programmeId/definitions/diff': 'signedIn',
  'GET /api/programmes/:programmeId/definitions/:version': 'signedIn',
  'PUT /api/programmes/:programmeId/definitions/:version': ADMIN,
  'POST /api/programmes/:programmeId/definitions/:version/publish': ADMIN,
  'POST /api/programmes/:programmeId/definitions/:version/evaluate': 'signedIn',
  'PUT /api/editions/:editionId/nomination-window': ADMIN,
  'POST /api/editions/:editionId/nominations': NOMINATOR,
  'GET /api/editions/:editionId/nominations': NOMINATION_READERS,
  'GET /api/nominations/:nominationId': NOMINATION_READERS,
  'PUT /api/nominations/:nominationId/dossier': NOMINATOR,
  'POST /api/nominations/:nominationId/submit': NOMINATOR,
  'POST /api/nominations/:nominationId/withdraw': NOMINATOR,
  'POST /api/nominations/:nominationId/forward': APPROVER,
  'POST /api/nominations/:nominationId/return': APPROVER,
  'PUT /api/editions/:editionId/rankings': APPROVER,
  'GET /api/nominations/:nominationId/personal-data': [
    'secretariatAdmin',
    'unitNominator',
    'unitApprover',
  ],
  'GET /api/nominations/:nominationId/timeline': NOMINATION_READERS,
  'POST /api/nominations/:nominationId/evidence': NOMINATOR,
  'GET /api/nominations/:nominationId/evidence': NOMINATION_READERS,
  'GET /api/nominations/:nominationId/evidence/:fileId': NOMINATION_READERS,
  'DELETE /api/nominations/:nominationId/evidence/:fileId': NOMINATOR,
  'GET /api/nominations/:nominationId/endorsements': NOMINATION_READERS,
  'PUT /api/nominations/:nominationId/endorsements/:endorsementId': NOMINATOR,
  'GET /api/editions/:editionId/nominations/template.xlsx': NOMINATION_READERS,
  'GET /api/editions/:editionId/nominations.xlsx': NOMINATION_READERS,
  'POST /api/editions/:editionId/nominations/import': NOMINATOR,
  'POST /api/awards': ADMIN,
  'POST /api/editions/:editionId/definition-migration': ADMIN,
  'POST /api/editions/:editionId/public-nominations': 'public',
  'POST /api/referee-confirmations': 'public',
  'POST /api/editions/:editionId/tip-offs': 'public',
  'GET /api/editions/:editionId/tip-offs': ADMIN,
  'GET /api/calendar': 'signedIn',
  'GET /api/calendar/years/:year': 'signedIn',
  'GET /api/calendar/period': 'signedIn',
  'PUT /api/calendar/overrides/:date': ADMIN,
  'DELETE /api/calendar/overrides/:date': ADMIN,
  'PUT /api/calendar/years/:year/declaration': ADMIN,
  'DELETE /api/calendar/years/:year/declaration': ADMIN,
  'GET /api/editions/:editionId/workflow': ['secretariatAdmin', 'auditor'],
  'GET /api/editions/:editionId/workflow/conflicts': ['secretariatAdmin', 'auditor'],
  'GET /api/editions/:editionId/workflow/conflict-register': ['secretariatAdmin', 'auditor'],
  'POST /api/editions/:editionId/workflow/advance': ADMIN,
  'POST /api/editions/:editionId/workflow/stages/:stageId/enter': ADMIN,
  'POST /api/editions/:editionId/workflow/stages/:stageId/close': ADMIN,
  'GET /api/editions/:editionId/workflow/stages/:stageId/candidates': [
    'secretariatAdmin',
    'auditor',
  ],
  'GET /api/editions/:editionId/workflow/stages/:stageId/progress': ['secretariatAdmin', 'auditor'],
  'PUT /api/editions/:editionId/workflow/departments': ADMIN,
  'GET /api/editions/:editionId/schedule': ['secretariatAdmin', 'auditor'],
  'PUT /api/editions/:editionId/schedule': ADMIN,
  'POST /api/editions/:editionId/schedule/:transitionId/shift': ADMIN,
  'GET /api/programmes/:programmeId/cycle': ['secretariatAdmin', 'auditor'],
  'PUT /api/programmes/:programmeId/cycle': ADMIN,
  'PUT /api/editions/:editionId/workflow/stages/:stageId/panels': ADMIN,
  'GET /api/editions/:editionId/workflow/stages/:stageId/assignment-plan': [
    'secretariatAdmin',
    'auditor',
  ],
  'GET /api/editions/:editionId/workflow/stages/:stageId/scores': ['secretariatAdmin', 'auditor'],
  'POST /api/editions/:editionId/workflow/stages/:stageId/arbitrations': ADMIN,
  'GET /api/editions/:editionId/workflow/stages/:stageId/selection': [
    'secretariatAdmin',
    'auditor',
  ],
  'POST /api/editions/:editionId/workflow/stages/:stageId/selection/what-if': ADMIN,
  'POST /api/editions/:editionId/workflow/stages/:stageId/selection/finalise': ADMIN,
  'POST /api/editions/:editionId/workflow/stages/:stageId/selection/approve': ADMIN,
  'GET /api/expert-assignments': ['expert'],
  'GET /api/expert-assignments/:assignmentId/dossier': ['expert'],
  'PUT /api/expert-assignments/:assignmentId/marks': ['expert'],
  'POST /api/expert-assignments/:assignmentId/submit': ['expert'],
  'POST /api/expert-assignments/:assignmentId/reopen': ADMIN,
  'POST /api/expert-assignments/:assignmentId/swap': ADMIN,
  'POST /api/editions/:editionId/workflow/stages/:stageId/candidates/:nominationId/settlement':
    ADMIN,
  'GET /api/review-tasks': ['departmentReviewer', 'secretariatAdmin'],
  'GET /api/review-tasks/:taskId': ['departmentReviewer', 'secretariatAdmin', 'auditor'],
  'GET /api/review-tasks/:taskId/dossier': ['departmentReviewer', 'secretariatAdmin', 'auditor'],
  'POST /api/review-tasks/:taskId/decisions': ['departmentReviewer', 'secretariatAdmin'],
  'POST /api/review-tasks/:taskId/declaration': ['departmentReviewer'],
  'PUT /api/review-tasks/:taskId/assignee': ADMIN,
  'PUT /api/review-tasks/:taskId/due-date': ADMIN,
  'POST /api/review-tasks/:taskId/conflict-waivers': ADMIN,
  'GET /api/reviewer-relations': ['departmentReviewer', 'expert'],
  'POST /api/reviewer-relations': ['departmentReviewer', 'expert'],
  'GET /api/information-requests': ['unitNominator', 'unitApprover'],
  'POST /api/information-requests/:requestId/answer': ['unitNominator', 'unitApprover'],
  'GET /api/me/notifications': 'signedIn',
  'GET /api/me/notifications/unread-count': 'signedIn',
  'POST /api/me/notifications/read-all': 'signedIn',
  'POST /api/me/notifications/:notificationId/read': 'signedIn',
  'GET /api/notifications/mail': ADMIN,
  'GET /api/notifications/mail/:fileName': ADMIN,
  'GET /api/notifications/dead-letters': ADMIN,
  'POST /api/notifications/deliveries/:deliveryId/retry': ADMIN,
  'GET /api/webhook-subscriptions': ADMIN,
  'POST /api/webhook-subscriptions': ADMIN,
  'POST /api/webhook-subscriptions/:subscriptionId/secret': ADMIN,
  'DELETE /api/webhook-subscriptions/:subscriptionId': ADMIN,
  'GET /api/webhook-subscriptions/:subscriptionId/deliveries': ADMIN,
  'POST /api/information-requests/:requestId/evidence': ['unitNominator', 'unitApprover'],
  'GET /': 'public',
  'GET /feed.atom': 'public',
  'GET /editions/:editionId': 'public',
  'GET /verify/:certificateNo': 'public',
  'GET /verify/:certificateNo/certificate.pdf': 'public',
  'GET /.well-known/jwks.json': 'public',
  'GET /api/public/certificates/:certificateNo': 'public',
  'POST /api/certificates/:certificateNo/revocation': ADMIN,
  'POST /api/editions/:editionId/certificates/revocation': ADMIN,
  'POST /editions/:editionId/objections': 'public',
  'POST /api/editions/:editionId/objections': ADMIN,
  'GET /api/editions/:editionId/objections': ADMIN,
  'GET /api/objections/:objectionId/contact': ADMIN,
  'POST /api/objections/:objectionId/triage': ADMIN,
};

const SAMPLE_PARAMS: Record<string, string> = {
  programmeId: '00000000-0000-4000-8000-000000000001',
  editionId: '00000000-0000-4000-8000-000000000002',
  organisationId: '00000000-0000-4000-8000-000000000003',
  nominationId: '00000000-0000-4000-8000-000000000004',
  fileId: '00000000-0000-4000-8000-000000000005',
  userId: '00000000-0000-4000-8000-000000000006',
  version: '1',
  date: '2026-03-02',
  year: '2027',
  stageId: 'departmental-review',
  taskId: '00000000-0000-4000-8000-000000000007',
  notificationId: '00000000-0000-4000-8000-000000000011',
  deliveryId: '00000000-0000-4000-8000-000000000012',
  subscriptionId: '00000000-0000-4000-8000-000000000013',
  fileName: '20261202T120000000Z-00000000-0000-4000-8000-000000000014.eml',
  requestId: '00000000-0000-4000-8000-000000000008',
  assignmentId: '00000000-0000-4000-8000-000000000009',
  certificateNo: '0123456789ABCDEFGHJKM',
  objectionId: '00000000-0000-4000-8000-000000000009',
};

describe('authorisation matrix: every route × every role', () => {
  let t: TestApp;
  let cast: Cast;
  let routes: { method: string; path: string }[];
  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
    routes = t.app.get(RouteCatalogue).routes();
  });
  afterAll(() => t.close());

  it('has an expectation for every registered route, and no stale ones', () => {
    const served = routes.map((r) => `${r.method} ${r.path}`).toSorted();
    expect(served).toEqual(Object.keys(EXPECTED).toSorted());
  });

  const callers: Caller[] = [
    'anonymous',
    'secretariatAdmin',
    'auditor',
    'unitNominator',
    'unitApprover',
    'departmentReviewer',
    'expert',
  ];

  it.each(callers)('gives %s exactly the access the table grants', async (caller) => {
    const problems: string[] = [];
    let n = 0;
    for (const [route, expectation] of Object.entries(EXPECTED)) {
      const [method, template] = route.split(' ');
      const url = template.replace(/:(\w+)/g, (_, name: string) => SAMPLE_PARAMS[name]);
      const res = await t.request({
        method: method as 'GET',
        url: url.endsWith('/diff') ? `${url}?from=1&to=2` : url,
        payload: method === 'GET' ? undefined : {},
        token: caller === 'anonymous' ? undefined : cast.staff[caller].token,
        remoteAddress: `10.77.${callers.indexOf(caller)}.${n++}`,
      });
      const allowed =
        expectation === 'public' ||
        (expectation === 'signedIn' && caller !== 'anonymous') ||
        (Array.isArray(expectation) && expectation.includes(caller));
      const expected = allowed ? 'allowed' : caller === 'anonymous' ? '401' : '403';
      const actual = res.statusCode === 401 ? '401' : res.statusCode === 403 ? '403' : 'allowed';
      if (res.statusCode >= 500) problems.push(`${route}: ${res.statusCode} ${res.body}`);
      else if (actual !== expected)
        problems.push(`${route}: expected ${expected}, got ${res.statusCode}`);
    }
    expect(problems).toEqual([]);
  });
});
