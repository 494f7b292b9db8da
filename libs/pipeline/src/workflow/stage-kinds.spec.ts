import type {
  DepartmentalReviewStage,
  QualificationCheckStage,
  Stage,
} from '../definition/definition.types';
import { loadShippedDefinition } from '../definition/shipped-definitions';
import { STAGE_KINDS, stageKindOf } from './stage-kinds';

const stages = loadShippedDefinition('hangzhou-city-craftsman').stages;
const byKind = <K extends Stage['kind']>(kind: K) =>
  stages.find((s) => s.kind === kind) as Extract<Stage, { kind: K }>;
const open = { timedOut: false };

describe('stage kinds', () => {
  it('a departmental review creates one task per department with that department’s checklist', () => {
    const review = byKind('departmentalReview') as DepartmentalReviewStage;
    const tasks = STAGE_KINDS.departmentalReview.tasksOnEnter(review);
    expect(tasks.map((t) => t.key)).toEqual([
      'organisation',
      'publicity',
      'hrss',
      'economy-it',
      'discipline',
    ]);
    expect(tasks[2]).toMatchObject({
      assignee: { kind: 'department', departmentId: 'hrss' },
      checklist: [{ id: 'skill-certificate' }],
    });
  });

  it('a departmental review names departments in the definition’s order, whatever order tasks come in', () => {
    const review = byKind('departmentalReview') as DepartmentalReviewStage;
    const tasks = STAGE_KINDS.departmentalReview
      .tasksOnEnter(review)
      .map((t) => ({ key: t.key, label: t.label, decision: 'reject' as const }))
      .toReversed();
    expect(STAGE_KINDS.departmentalReview.outcome(review, tasks, open).explanation.zh).toBe(
      '5 个部门中 0 个同意，市委组织部、市委宣传部、市人力社保局、市经信局、市纪委监委否决；一票否决，未通过',
    );
  });

  it('a qualification check is one secretariat task with the definition’s checklist; its decision is the outcome', () => {
    const check = byKind('qualificationCheck') as QualificationCheckStage;
    const kind = STAGE_KINDS.qualificationCheck;
    expect(kind.tasksOnEnter(check)).toEqual([
      expect.objectContaining({ assignee: { kind: 'secretariat' }, checklist: check.checklist }),
    ]);
    const task = { key: 'qualification', label: check.label };
    expect(
      kind.outcome(check, [{ ...task, decision: 'reject', reason: '材料不全' }], open),
    ).toMatchObject({
      status: 'failed',
      explanation: { zh: '资格审查：秘书处不同意（理由：材料不全）' },
    });
    expect(kind.outcome(check, [{ ...task, decision: 'requestInfo' }], open).status).toBe('paused');
    expect(kind.outcome(check, [{ ...task, decision: null }], open).status).toBe('pending');
  });

  it('a stage with tasks closes only when every candidate has an outcome; a forced close fails the open ones', () => {
    const check = byKind('qualificationCheck');
    const kind = stageKindOf(check);
    expect(kind.mayClose(check, ['passed', 'failed', 'withdrawn'])).toEqual({ ok: true });
    expect(kind.mayClose(check, ['passed', 'paused', 'pending'])).toMatchObject({
      ok: false,
      openCandidates: 2,
      explanation: { zh: '资格审查尚有 2 名候选人未决定' },
    });
    const pending = kind.outcome(check, [], open);
    expect(kind.onClose(check, pending, { forced: true, reason: '逾期' })).toMatchObject({
      status: 'failed',
      explanation: { code: 'stage.closedUndecided', zh: '资格审查在未作决定时被强制结束：逾期' },
    });
  });

  it('placeholder kinds create no work and pass everyone in them when the secretariat closes them', () => {
    for (const kind of ['expertScoring', 'publicNotice', 'release'] as const) {
      const stage = byKind(kind);
      const plugin = stageKindOf(stage);
      expect(plugin.mode).toBe('closedByAdmin');
      expect(plugin.tasksOnEnter(stage)).toEqual([]);
      expect(plugin.mayClose(stage, ['pending'])).toEqual({ ok: true });
      expect(plugin.onClose(stage, plugin.outcome(stage, [], open), { forced: false }).status).toBe(
        'passed',
      );
    }
  });
});
