// What moving a running edition to another definition version would do to its stages. Stages
// not yet entered may change freely; an entered stage keeps its candidates, tasks and decisions,
// so a change that would orphan them (a removed stage or department, another kind) is blocking
// and must be reported in the dry run instead of happening silently.
import type { Stage } from '../definition/definition.types';
import type { StagePhase } from './stage-graph';
import type { Explanation } from './workflow.types';

export interface StageMigrationChange {
  stageId: string;
  /** The migration must not be applied while this holds. */
  blocking: boolean;
  explanation: Explanation;
}

const departmentsOf = (stage: Stage | undefined) =>
  stage?.kind === 'departmentalReview' ? stage.departments.map((d) => d.id) : [];

export function compareStagePlans(
  before: readonly Stage[],
  after: readonly Stage[],
  phases: ReadonlyMap<string, StagePhase>,
): StageMigrationChange[] {
  const changes: StageMigrationChange[] = [];
  const next = new Map(after.map((s, i) => [s.id, { stage: s, index: i }]));
  const entered = before.filter((s) => (phases.get(s.id) ?? 'notEntered') !== 'notEntered');
  const say = (stageId: string, blocking: boolean, code: string, zh: string, en: string) =>
    changes.push({ stageId, blocking, explanation: { code, zh, en } });

  entered.forEach((stage) => {
    const i = before.indexOf(stage);
    const found = next.get(stage.id);
    if (!found) {
      say(
        stage.id,
        true,
        'migration.stageRemoved',
        `已开始的${stage.label.zh}将被删除，其候选人状态将丢失`,
        `${stage.label.en} has been entered; removing it would lose its candidates' statuses`,
      );
      return;
    }
    if (found.stage.kind !== stage.kind) {
      say(
        stage.id,
        true,
        'migration.kindChanged',
        `已开始的${stage.label.zh}类型将改变`,
        `${stage.label.en} has been entered; its kind cannot change from ${stage.kind} to ${found.stage.kind}`,
      );
    }
    if (found.index !== i) {
      say(
        stage.id,
        true,
        'migration.orderChanged',
        `已开始的${stage.label.zh}位置将改变`,
        `${stage.label.en} has been entered; it must stay at position ${i + 1}`,
      );
    }
    const was = departmentsOf(stage);
    const now = departmentsOf(found.stage);
    for (const gone of was.filter((d) => !now.includes(d))) {
      say(
        stage.id,
        true,
        'migration.departmentRemoved',
        `${stage.label.zh}中部门 ${gone} 将被删除，其审查任务和决定将不再计入会签结果`,
        `department ${gone} would leave ${stage.label.en}: its tasks and decisions would silently drop out of the join`,
      );
    }
    for (const added of now.filter((d) => !was.includes(d))) {
      say(
        stage.id,
        true,
        'migration.departmentAdded',
        `${stage.label.zh}将新增部门 ${added}，已入阶段的候选人没有该部门的任务`,
        `department ${added} would join ${stage.label.en}, but candidates already in it have no task for it`,
      );
    }
    if (
      stage.kind === 'departmentalReview' &&
      found.stage.kind === 'departmentalReview' &&
      JSON.stringify(stage.join) !== JSON.stringify(found.stage.join)
    ) {
      const open = phases.get(stage.id) === 'open';
      say(
        stage.id,
        !open,
        'migration.joinChanged',
        open
          ? `${stage.label.zh}的会签规则将改变，候选人结果将按新规则重算`
          : `已结束的${stage.label.zh}的会签规则不能再改变`,
        open
          ? `${stage.label.en}'s join rule changes: outcomes are recomputed under the new rule`
          : `${stage.label.en} has closed; its join rule can no longer change`,
      );
    }
  });
  return changes;
}
