import { Topic, TOPICS } from '@craftcert/platform';
import { TEMPLATES, render } from './templates';
import { checkTopicRules, TOPIC_RULES } from './topic-rules';

describe('the topic catalogue and its notification rules', () => {
  it('gives every topic a rule and a template in Chinese and English', () => {
    expect(checkTopicRules(TOPIC_RULES, TEMPLATES)).toEqual([]);
  });

  it('reports a topic without a rule or a template, and a rule for no topic', () => {
    const rules: Record<string, unknown> = { ...TOPIC_RULES, 'nomination.unknown': {} };
    delete rules[Topic.TasksDue];
    const templates: Record<string, unknown> = {
      ...TEMPLATES,
      [Topic.StageClosed]: { zh: TEMPLATES[Topic.StageClosed].zh },
    };
    expect(checkTopicRules(rules, templates as never)).toEqual([
      'topic workflow.stage-closed has no en template',
      'topic workflow.tasks-due has no notification rule',
      'rule for nomination.unknown, which is not in the topic catalogue',
    ]);
  });

  it('never offers personal messages (links, referees) to webhook subscribers', () => {
    for (const topic of [
      Topic.InvitationCreated,
      Topic.PasswordResetRequested,
      Topic.RefereeRequested,
    ]) {
      expect(TOPIC_RULES[topic].webhook).toBe(false);
    }
    expect(TOPICS.filter((t) => TOPIC_RULES[t].webhook).length).toBeGreaterThan(5);
  });

  it("writes in the recipient's language, with the link read at send time", () => {
    const link = { link: 'https://x.test/accept-invitation?token=abc', expiresAt: new Date(0) };
    const zh = render(Topic.InvitationCreated, 'zh', { invitationId: 'i' }, link);
    const en = render(Topic.InvitationCreated, 'en', { invitationId: 'i' }, link);
    expect(zh.subject).toBe('邀请您加入 craftcert');
    expect(en.subject).toBe('Your invitation to craftcert');
    expect(zh.text).toContain(link.link);
    expect(zh.text).toContain('1970-01-01 08:00');
    expect(() => render(Topic.InvitationCreated, 'zh', { invitationId: 'i' })).toThrow(/link/);
  });
});
