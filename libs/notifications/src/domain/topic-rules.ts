import { type AnnouncementAudience, Topic, type TopicPayloads, TOPICS } from '@craftcert/platform';

/** The roles a notification can address within an organisation (identity's role names). */
type RoleName =
  | 'secretariatAdmin'
  | 'unitNominator'
  | 'unitApprover'
  | 'departmentReviewer'
  | 'expert'
  | 'auditor';

/**
 * Who receives an event. Users, roles within an organisation, everyone assigned to a stage, the
 * secretariat, or a person behind a single-use link (invitation, reset, referee) whose address
 * is read only when the message is sent.
 */
export type Audience =
  | { kind: 'users'; userIds: string[] }
  | { kind: 'role'; organisationIds: string[]; roles: RoleName[] }
  | { kind: 'stage'; editionId: string; stageId: string }
  | { kind: 'secretariat' }
  | { kind: 'link'; link: 'invitation' | 'passwordReset' | 'referee'; id: string };

export type Channel = 'email' | 'inbox';

export interface TopicRule<T extends Topic> {
  /** Who receives it; an empty list sends nothing (webhooks still fire). */
  audience(payload: TopicPayloads[T]): Audience[];
  /** Channels for user recipients; link recipients are always e-mailed. */
  channels: readonly Channel[];
  /** Whether partner systems may subscribe to it (never for personal messages). */
  webhook: boolean;
  /** The organisation the event concerns, for webhook subscriptions; null: edition-wide. */
  organisationOf(payload: TopicPayloads[T]): string | null;
}

export type TopicRules = { [T in Topic]: TopicRule<T> };

/** A task's own reviewer when it has one, else the reviewers of its department. */
function deadlineAudience(p: TopicPayloads[Topic.TaskDueSoon]): Audience[] {
  if (p.assigneeUserId) return [{ kind: 'users', userIds: [p.assigneeUserId] }];
  return p.organisationId
    ? [{ kind: 'role', organisationIds: [p.organisationId], roles: ['departmentReviewer'] }]
    : [];
}

const REVIEWERS: RoleName[] = ['departmentReviewer', 'secretariatAdmin', 'expert'];
const UNIT: RoleName[] = ['unitNominator', 'unitApprover'];
const none = () => null;

function audienceOf(a: AnnouncementAudience): Audience {
  if (a.kind === 'users') return { kind: 'users', userIds: a.userIds };
  if (a.kind === 'stage') return a;
  return { kind: 'role', organisationIds: [a.organisationId], roles: [a.role as RoleName] };
}

/** Every topic's rule: a topic without one does not compile, and is refused at start. */
export const TOPIC_RULES: TopicRules = {
  [Topic.InvitationCreated]: {
    audience: (p) => [{ kind: 'link', link: 'invitation', id: p.invitationId }],
    channels: ['email'],
    webhook: false,
    organisationOf: none,
  },
  [Topic.PasswordResetRequested]: {
    audience: (p) => [{ kind: 'link', link: 'passwordReset', id: p.resetId }],
    channels: ['email'],
    webhook: false,
    organisationOf: none,
  },
  [Topic.RefereeRequested]: {
    audience: (p) => [{ kind: 'link', link: 'referee', id: p.refereeId }],
    channels: ['email'],
    webhook: false,
    organisationOf: none,
  },
  [Topic.NominationSubmitted]: {
    audience: (p) =>
      p.organisationId ? [{ kind: 'role', organisationIds: [p.organisationId], roles: UNIT }] : [],
    channels: ['inbox'],
    webhook: true,
    organisationOf: (p) => p.organisationId,
  },
  [Topic.NominationForwarded]: {
    audience: () => [{ kind: 'secretariat' }],
    channels: ['inbox'],
    webhook: true,
    organisationOf: none,
  },
  [Topic.NominationPassedOn]: {
    audience: () => [],
    channels: [],
    webhook: true,
    organisationOf: none,
  },
  [Topic.NominationReturned]: {
    audience: () => [],
    channels: [],
    webhook: true,
    organisationOf: none,
  },
  [Topic.NominationWithdrawn]: {
    audience: () => [{ kind: 'secretariat' }],
    channels: ['inbox'],
    webhook: true,
    organisationOf: none,
  },
  [Topic.TipOffReceived]: {
    audience: () => [{ kind: 'secretariat' }],
    channels: ['inbox'],
    webhook: false,
    organisationOf: none,
  },
  [Topic.EditionDefinitionMigrated]: {
    audience: () => [{ kind: 'secretariat' }],
    channels: ['inbox'],
    webhook: true,
    organisationOf: none,
  },
  [Topic.StageEntered]: {
    audience: (p) => [{ kind: 'stage', editionId: p.editionId, stageId: p.stageId }],
    channels: ['inbox'],
    webhook: true,
    organisationOf: none,
  },
  [Topic.StageClosed]: {
    audience: () => [{ kind: 'secretariat' }],
    channels: ['inbox'],
    webhook: true,
    organisationOf: none,
  },
  [Topic.StageOverdue]: {
    audience: () => [{ kind: 'secretariat' }],
    channels: ['inbox', 'email'],
    webhook: true,
    organisationOf: none,
  },
  [Topic.TaskDecided]: { audience: () => [], channels: [], webhook: true, organisationOf: none },
  [Topic.InformationRequested]: {
    audience: (p) =>
      p.organisationId ? [{ kind: 'role', organisationIds: [p.organisationId], roles: UNIT }] : [],
    channels: ['inbox', 'email'],
    webhook: true,
    organisationOf: (p) => p.organisationId,
  },
  [Topic.InformationAnswered]: {
    audience: (p) =>
      p.organisationId
        ? [{ kind: 'role', organisationIds: [p.organisationId], roles: REVIEWERS }]
        : [],
    channels: ['inbox'],
    webhook: true,
    organisationOf: (p) => p.organisationId,
  },
  [Topic.TasksDue]: {
    audience: (p) =>
      p.organisationId
        ? [{ kind: 'role', organisationIds: [p.organisationId], roles: REVIEWERS }]
        : [],
    channels: ['inbox', 'email'],
    webhook: true,
    organisationOf: (p) => p.organisationId,
  },
  [Topic.ReviewerRecused]: {
    audience: () => [{ kind: 'secretariat' }],
    channels: ['inbox'],
    webhook: false,
    organisationOf: (p) => p.organisationId,
  },
  [Topic.ExpertMarksSubmitted]: {
    audience: () => [],
    channels: [],
    webhook: false,
    organisationOf: none,
  },
  [Topic.ExpertMarksReopened]: {
    audience: (p) => [{ kind: 'users', userIds: [p.expertId] }],
    channels: ['inbox', 'email'],
    webhook: false,
    organisationOf: none,
  },
  [Topic.ExpertSwapped]: {
    audience: (p) => [{ kind: 'users', userIds: [p.from, p.to] }],
    channels: ['inbox'],
    webhook: false,
    organisationOf: none,
  },
  [Topic.TaskAssigned]: {
    audience: (p) => [{ kind: 'users', userIds: [p.userId] }],
    channels: ['inbox', 'email'],
    webhook: false,
    organisationOf: none,
  },
  [Topic.ConflictWaived]: {
    audience: (p) => [{ kind: 'users', userIds: [p.userId] }],
    channels: ['inbox'],
    webhook: false,
    organisationOf: none,
  },
  [Topic.CandidateSettled]: {
    audience: () => [],
    channels: [],
    webhook: true,
    organisationOf: none,
  },
  [Topic.TaskExtended]: { audience: () => [], channels: [], webhook: true, organisationOf: none },
  [Topic.TaskDueSoon]: {
    audience: (p) => deadlineAudience(p),
    channels: ['inbox', 'email'],
    webhook: false,
    organisationOf: (p) => p.organisationId,
  },
  [Topic.TaskOverdue]: {
    audience: (p) => [...deadlineAudience(p), { kind: 'secretariat' }],
    channels: ['inbox', 'email'],
    webhook: false,
    organisationOf: (p) => p.organisationId,
  },
  [Topic.NoticePublished]: {
    audience: () => [],
    channels: [],
    webhook: true,
    organisationOf: none,
  },
  [Topic.NoticeRepublished]: {
    audience: () => [],
    channels: [],
    webhook: true,
    organisationOf: none,
  },
  [Topic.Released]: { audience: () => [], channels: [], webhook: true, organisationOf: none },
  [Topic.CertificateRevoked]: {
    audience: () => [],
    channels: [],
    webhook: true,
    organisationOf: none,
  },
  [Topic.CertificatesRevoked]: {
    audience: () => [],
    channels: [],
    webhook: true,
    organisationOf: none,
  },
  [Topic.ScoreArbitrated]: {
    audience: () => [],
    channels: [],
    webhook: false,
    organisationOf: none,
  },
  [Topic.SelectionFinalised]: {
    audience: () => [{ kind: 'secretariat' }],
    channels: ['inbox'],
    webhook: true,
    organisationOf: none,
  },
  [Topic.SelectionApproved]: {
    audience: () => [{ kind: 'secretariat' }],
    channels: ['inbox'],
    webhook: true,
    organisationOf: none,
  },
  [Topic.Announcement]: {
    audience: (p) => [audienceOf(p.audience)],
    channels: ['inbox'],
    webhook: false,
    organisationOf: none,
  },
};

/**
 * Every topic of the catalogue needs a rule and a template in each language. Returns the
 * problems found; an empty list means the wiring is complete.
 */
export function checkTopicRules(
  rules: Partial<Record<string, unknown>>,
  templates: Partial<Record<string, Partial<Record<'zh' | 'en', unknown>>>>,
): string[] {
  const problems: string[] = [];
  for (const topic of TOPICS) {
    if (!rules[topic]) problems.push(`topic ${topic} has no notification rule`);
    for (const language of ['zh', 'en'] as const) {
      if (!templates[topic]?.[language])
        problems.push(`topic ${topic} has no ${language} template`);
    }
  }
  for (const topic of Object.keys(rules)) {
    if (!(TOPICS as readonly string[]).includes(topic)) {
      problems.push(`rule for ${topic}, which is not in the topic catalogue`);
    }
  }
  return problems;
}
