import { settleEscalation } from './escalation';

const stage = { label: { zh: '部门联审', en: 'departmental review' } };
const escalated = {
  status: 'inProgress' as const,
  escalated: true,
  explanation: {
    code: 'join.escalated',
    zh: '5 个部门中 3 个同意，逾期提交秘书处',
    en: '3 of 5 departments approved; referred to the secretariat',
  },
};

describe('the secretariat settles one escalated candidate', () => {
  it('passes or fails them with its reason, keeping the departments’ standing in the explanation', () => {
    const settled = settleEscalation(stage, escalated, { status: 'failed', reason: '纪委未复函' });
    expect(settled).toEqual({
      ok: true,
      outcome: {
        status: 'failed',
        escalated: false,
        explanation: {
          code: 'settlement.bySecretariat',
          zh: '逾期提交秘书处裁定：不通过（理由：纪委未复函）；5 个部门中 3 个同意，逾期提交秘书处',
          en: expect.stringContaining('which failed the candidate (reason: 纪委未复函); 3 of 5'),
        },
      },
    });
    expect(settleEscalation(stage, escalated, { status: 'passed', reason: '同意' })).toMatchObject({
      ok: true,
      outcome: { status: 'passed' },
    });
  });

  it('refuses a candidate the join rule did not refer to it, open or decided', () => {
    for (const status of ['inProgress', 'passed', 'failed'] as const) {
      const result = settleEscalation(
        stage,
        { ...escalated, status, escalated: false },
        { status: 'passed', reason: '同意' },
      );
      expect(result).toMatchObject({
        ok: false,
        explanation: { code: 'settlement.notEscalated' },
      });
    }
  });
});
