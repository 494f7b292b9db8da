import { Topic, type TopicPayloads } from '@craftcert/platform';

export type Language = 'zh' | 'en';

/** What a message says: a subject line and a plain-text body. */
export interface Rendered {
  subject: string;
  text: string;
}

/** Read at send time for messages carrying a single-use link; never stored in the outbox. */
export interface LinkContext {
  link: string;
  expiresAt?: Date;
  organisationName?: string | null;
  name?: string;
}

type Template<T extends Topic> = (payload: TopicPayloads[T], link: LinkContext | null) => Rendered;
export type Templates = { [T in Topic]: Record<Language, Template<T>> };

/** A local (Asia/Shanghai) date and time, as people read it. */
function localTime(at: Date | undefined): string {
  if (!at) return '';
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

const linkOf = (link: LinkContext | null): LinkContext => {
  if (!link) throw new Error('this message needs its link, read at send time');
  return link;
};

/** The message of every topic in Chinese and English (the recipient's language). */
export const TEMPLATES: Templates = {
  [Topic.InvitationCreated]: {
    zh: (_, l) => ({
      subject: `邀请您加入 craftcert${linkOf(l).organisationName ? `（${linkOf(l).organisationName}）` : ''}`,
      text: `您好！\n\n您被邀请加入 craftcert 工匠认定平台。请在 ${localTime(linkOf(l).expiresAt)}（北京时间）前打开以下链接设置密码：\n\n${linkOf(l).link}\n\n链接仅可使用一次。如非本人操作，请忽略本邮件。`,
    }),
    en: (_, l) => ({
      subject: `Your invitation to craftcert${linkOf(l).organisationName ? ` (${linkOf(l).organisationName})` : ''}`,
      text: `Hello,\n\nyou have been invited to craftcert. Open this link before ${localTime(linkOf(l).expiresAt)} (Beijing time) to set your password:\n\n${linkOf(l).link}\n\nThe link works once. If you did not expect this, ignore this message.`,
    }),
  },
  [Topic.PasswordResetRequested]: {
    zh: (_, l) => ({
      subject: 'craftcert 密码重置',
      text: `您好！\n\n请在一小时内打开以下链接重置密码：\n\n${linkOf(l).link}\n\n如非本人操作，请忽略本邮件，您的密码不会改变。`,
    }),
    en: (_, l) => ({
      subject: 'Reset your craftcert password',
      text: `Hello,\n\nopen this link within an hour to choose a new password:\n\n${linkOf(l).link}\n\nIf you did not ask for this, ignore this message: your password stays as it is.`,
    }),
  },
  [Topic.RefereeRequested]: {
    zh: (_, l) => ({
      subject: '请确认您的推荐',
      text: `${linkOf(l).name ?? ''}您好！\n\n有人在工匠认定中提名您为推荐人。如您同意推荐，请打开以下链接确认（14 天内有效）：\n\n${linkOf(l).link}`,
    }),
    en: (_, l) => ({
      subject: 'Please confirm your reference',
      text: `Dear ${linkOf(l).name ?? 'referee'},\n\nyou were named as a referee for a craftsman nomination. If you vouch for it, confirm through this link (valid for 14 days):\n\n${linkOf(l).link}`,
    }),
  },
  [Topic.NominationSubmitted]: {
    zh: (p) => ({
      subject: '提名已提交',
      text: `提名 ${p.nominationId} 已提交（${p.eligible ? '符合' : '不符合'}条件）。`,
    }),
    en: (p) => ({
      subject: 'Nomination submitted',
      text: `Nomination ${p.nominationId} was submitted (${p.eligible ? 'eligible' : 'not eligible'}).`,
    }),
  },
  [Topic.NominationForwarded]: {
    zh: (p) => ({ subject: '提名已报送', text: `提名 ${p.nominationId} 已报送，待审核。` }),
    en: (p) => ({
      subject: 'Nomination forwarded',
      text: `Nomination ${p.nominationId} was forwarded for review.`,
    }),
  },
  [Topic.NominationPassedOn]: {
    zh: (p) => ({ subject: '提名已逐级报送', text: `提名 ${p.nominationId} 已报送至上一级工会。` }),
    en: (p) => ({
      subject: 'Nomination passed on',
      text: `Nomination ${p.nominationId} was passed on to the union level above.`,
    }),
  },
  [Topic.NominationReturned]: {
    zh: (p) => ({ subject: '提名已退回', text: `提名 ${p.nominationId} 已退回。` }),
    en: (p) => ({
      subject: 'Nomination returned',
      text: `Nomination ${p.nominationId} was returned.`,
    }),
  },
  [Topic.NominationWithdrawn]: {
    zh: (p) => ({ subject: '提名已撤回', text: `提名 ${p.nominationId} 已撤回。` }),
    en: (p) => ({
      subject: 'Nomination withdrawn',
      text: `Nomination ${p.nominationId} was withdrawn.`,
    }),
  },
  [Topic.TipOffReceived]: {
    zh: (p) => ({ subject: '收到新的举报', text: `届次 ${p.editionId} 收到一条举报，请处理。` }),
    en: (p) => ({
      subject: 'A tip-off was received',
      text: `A tip-off about edition ${p.editionId} awaits triage.`,
    }),
  },
  [Topic.EditionDefinitionMigrated]: {
    zh: (p) => ({
      subject: '届次规则版本已变更',
      text: `届次 ${p.editionId} 由第 ${p.fromVersion} 版改为第 ${p.toVersion} 版，${p.changed} 项提名结果变化。`,
    }),
    en: (p) => ({
      subject: 'Edition moved to another definition version',
      text: `Edition ${p.editionId} moved from version ${p.fromVersion} to ${p.toVersion}; ${p.changed} nominations changed.`,
    }),
  },
  [Topic.StageEntered]: {
    zh: (p) => ({
      subject: `环节「${p.stageId}」已开始`,
      text: `环节「${p.stageId}」已开始${p.dueOn ? `，截止日期 ${p.dueOn}` : ''}。`,
    }),
    en: (p) => ({
      subject: `Stage "${p.stageId}" has begun`,
      text: `Stage "${p.stageId}" has begun${p.dueOn ? `; it is due on ${p.dueOn}` : ''}.`,
    }),
  },
  [Topic.StageClosed]: {
    zh: (p) => ({ subject: `环节「${p.stageId}」已结束`, text: `环节「${p.stageId}」已结束。` }),
    en: (p) => ({
      subject: `Stage "${p.stageId}" has closed`,
      text: `Stage "${p.stageId}" has closed.`,
    }),
  },
  [Topic.StageOverdue]: {
    zh: (p) => ({
      subject: `环节「${p.stageId}」已逾期`,
      text: `环节「${p.stageId}」已逾期：${p.openCandidates} 名候选人未完成，${p.escalated} 名已上报。`,
    }),
    en: (p) => ({
      subject: `Stage "${p.stageId}" is overdue`,
      text: `Stage "${p.stageId}" is overdue: ${p.openCandidates} candidates open, ${p.escalated} escalated.`,
    }),
  },
  [Topic.TaskDecided]: {
    zh: (p) => ({ subject: '审核任务已决定', text: `任务 ${p.taskId} 的决定：${p.decision}。` }),
    en: (p) => ({ subject: 'Review task decided', text: `Task ${p.taskId}: ${p.decision}.` }),
  },
  [Topic.InformationRequested]: {
    zh: (p) => ({
      subject: '需补充材料',
      text: `审核部门要求补充提名 ${p.nominationId} 的材料，请于 ${p.dueOn} 前答复。`,
    }),
    en: (p) => ({
      subject: 'More information requested',
      text: `A department asks for more information on nomination ${p.nominationId}; please answer by ${p.dueOn}.`,
    }),
  },
  [Topic.InformationAnswered]: {
    zh: (p) => ({
      subject: '补充材料已提交',
      text: `任务 ${p.taskId} 的补充材料已提交，审核继续。`,
    }),
    en: (p) => ({
      subject: 'Information provided',
      text: `The unit answered for task ${p.taskId}; the review continues.`,
    }),
  },
  [Topic.TasksDue]: {
    zh: (p) => ({
      subject: `审核任务今日截止（${p.openTasks + p.pausedTasks} 项未完成）`,
      text: `环节「${p.stageId}」今日截止：${p.openTasks} 项待办，${p.pausedTasks} 项暂停。`,
    }),
    en: (p) => ({
      subject: `Review tasks due today (${p.openTasks + p.pausedTasks} open)`,
      text: `Stage "${p.stageId}" ends today: ${p.openTasks} tasks open, ${p.pausedTasks} paused.`,
    }),
  },
  [Topic.ReviewerRecused]: {
    zh: (p) => ({
      subject: '审核人员回避',
      text: `任务 ${p.taskId} 的一名审核人员申报利益冲突并回避。`,
    }),
    en: (p) => ({
      subject: 'A reviewer recused themselves',
      text: `A reviewer declared a conflict of interest on task ${p.taskId} and was recused.`,
    }),
  },
  [Topic.ExpertMarksSubmitted]: {
    zh: (p) => ({ subject: '评分已提交', text: `评审任务 ${p.assignmentId} 的评分已提交。` }),
    en: (p) => ({
      subject: 'Marks submitted',
      text: `Marks for assignment ${p.assignmentId} were submitted.`,
    }),
  },
  [Topic.ExpertMarksReopened]: {
    zh: (p) => ({
      subject: '评分已退回修改',
      text: `秘书处退回了您对评审任务 ${p.assignmentId} 的评分，原因：${p.reason}。请修改后重新提交。`,
    }),
    en: (p) => ({
      subject: 'Your marks were reopened',
      text: `The secretariat reopened your marks for assignment ${p.assignmentId} (${p.reason}); please revise and submit them again.`,
    }),
  },
  [Topic.ExpertSwapped]: {
    zh: (p) => ({
      subject: '评审任务已调整',
      text: `评审任务 ${p.assignmentId} 已改派，原因：${p.reason}。`,
    }),
    en: (p) => ({
      subject: 'An assignment was moved',
      text: `Assignment ${p.assignmentId} was given to another expert (${p.reason}).`,
    }),
  },
  [Topic.TaskAssigned]: {
    zh: (p) => ({ subject: '新的审核任务', text: `审核任务 ${p.taskId} 已分配给您。` }),
    en: (p) => ({
      subject: 'A review task for you',
      text: `Review task ${p.taskId} was assigned to you.`,
    }),
  },
  [Topic.ConflictWaived]: {
    zh: (p) => ({
      subject: '利益冲突已豁免',
      text: `秘书处已豁免您在审核任务 ${p.taskId} 上的利益冲突，请继续审核。`,
    }),
    en: (p) => ({
      subject: 'Conflict of interest waived',
      text: `The secretariat waived your conflict of interest on task ${p.taskId}; please review it.`,
    }),
  },
  [Topic.CandidateSettled]: {
    zh: (p) => ({
      subject: '候选对象结果已裁定',
      text: `提名 ${p.nominationId} 在环节「${p.stageId}」的结果已由秘书处裁定。`,
    }),
    en: (p) => ({
      subject: 'Outcome settled',
      text: `The secretariat settled nomination ${p.nominationId} in stage "${p.stageId}".`,
    }),
  },
  [Topic.TaskExtended]: {
    zh: (p) => ({
      subject: '审核期限已延长',
      text: `审核任务 ${p.taskId} 的期限延长至 ${p.dueOn}。`,
    }),
    en: (p) => ({
      subject: 'Deadline extended',
      text: `Review task ${p.taskId} is now due on ${p.dueOn}.`,
    }),
  },
  [Topic.TaskDueSoon]: {
    zh: (p) => ({
      subject: `审核任务将于 ${p.dueOn} 截止`,
      text: `审核任务 ${p.taskId} 将于 ${p.dueOn} 截止，请及时处理。`,
    }),
    en: (p) => ({
      subject: `Review task due on ${p.dueOn}`,
      text: `Review task ${p.taskId} is due on ${p.dueOn}.`,
    }),
  },
  [Topic.TaskOverdue]: {
    zh: (p) => ({ subject: '审核任务已逾期', text: `审核任务 ${p.taskId} 已于 ${p.dueOn} 逾期。` }),
    en: (p) => ({
      subject: 'Review task overdue',
      text: `Review task ${p.taskId} was due on ${p.dueOn} and is overdue.`,
    }),
  },
  [Topic.NoticePublished]: {
    zh: (p) => ({ subject: '公示已发布', text: `公示期 ${p.opensOn} 至 ${p.closesOn}。` }),
    en: (p) => ({
      subject: 'Public notice published',
      text: `The notice runs from ${p.opensOn} to ${p.closesOn}.`,
    }),
  },
  [Topic.NoticeRepublished]: {
    zh: (p) => ({
      subject: '公示名单已更新',
      text: `提名 ${p.nominationId} 因异议成立已从公示名单中移除。`,
    }),
    en: (p) => ({
      subject: 'Public notice updated',
      text: `Nomination ${p.nominationId} was removed from the notice after an upheld objection.`,
    }),
  },
  [Topic.Released]: {
    zh: (p) => ({
      subject: '结果已发布',
      text: `评选结果已发布，共颁发证书 ${p.certificates} 份。`,
    }),
    en: (p) => ({
      subject: 'Results published',
      text: `The results are published; ${p.certificates} certificates issued.`,
    }),
  },
  [Topic.CertificateRevoked]: {
    zh: (p) => ({ subject: '证书已撤销', text: `证书 ${p.certificateNo} 已撤销。` }),
    en: (p) => ({
      subject: 'Certificate revoked',
      text: `Certificate ${p.certificateNo} was revoked.`,
    }),
  },
  [Topic.CertificatesRevoked]: {
    zh: (p) => ({ subject: '证书已批量撤销', text: `本届共撤销证书 ${p.count} 份。` }),
    en: (p) => ({
      subject: 'Certificates revoked',
      text: `${p.count} certificates of the edition were revoked.`,
    }),
  },
  [Topic.ScoreArbitrated]: {
    zh: (p) => ({
      subject: '评分已仲裁',
      text: `提名 ${p.nominationId} 的评分经仲裁为 ${p.score}。`,
    }),
    en: (p) => ({
      subject: 'Score arbitrated',
      text: `Nomination ${p.nominationId} was arbitrated to ${p.score}.`,
    }),
  },
  [Topic.SelectionFinalised]: {
    zh: () => ({ subject: '评选结果已定稿', text: '评选结果已定稿，等待审批。' }),
    en: () => ({
      subject: 'Selection finalised',
      text: 'The selection is finalised and awaits approval.',
    }),
  },
  [Topic.SelectionApproved]: {
    zh: () => ({ subject: '评选结果已审批', text: '评选结果已由审批人批准。' }),
    en: () => ({ subject: 'Selection approved', text: 'The selection was approved.' }),
  },
  [Topic.Announcement]: {
    zh: () => ({ subject: '通知', text: '您有一条新通知。' }),
    en: () => ({ subject: 'Announcement', text: 'You have a new announcement.' }),
  },
};

export function render<T extends Topic>(
  topic: T,
  language: Language,
  payload: TopicPayloads[T],
  link: LinkContext | null = null,
): Rendered {
  const template = TEMPLATES[topic][language] as Template<T>;
  return template(payload, link);
}
