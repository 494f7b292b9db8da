import type { DepartmentalReviewStage, Stage } from '../definition/definition.types';
import { loadShippedDefinition } from '../definition/shipped-definitions';
import type { StagePhase } from './stage-graph';
import { compareStagePlans } from './stage-migration';

const stages = loadShippedDefinition('hangzhou-city-craftsman').stages;
const phases = (entries: Record<string, StagePhase>) => new Map(Object.entries(entries));
const review = () => structuredClone(stages[1]) as DepartmentalReviewStage;

describe('compareStagePlans', () => {
  it('lets stages that have not been entered change freely', () => {
    const after = stages.filter((s) => s.id !== 'expert-scoring');
    expect(compareStagePlans(stages, after, phases({ 'qualification-check': 'open' }))).toEqual([]);
  });

  it('blocks dropping a department from a review under way: its decisions would leave the join silently', () => {
    const changed = review();
    changed.departments = changed.departments.filter((d) => d.id !== 'discipline');
    const after: Stage[] = [stages[0], changed, ...stages.slice(2)];
    const result = compareStagePlans(
      stages,
      after,
      phases({ 'qualification-check': 'closed', 'departmental-review': 'open' }),
    );
    expect(result).toEqual([
      expect.objectContaining({
        stageId: 'departmental-review',
        blocking: true,
        explanation: expect.objectContaining({ code: 'migration.departmentRemoved' }),
      }),
    ]);
  });

  it('reports a changed join rule of an open review as a recomputation, and of a closed one as blocking', () => {
    const changed = review();
    changed.join = { policy: 'atLeast', k: 3 };
    const after: Stage[] = [stages[0], changed, ...stages.slice(2)];
    expect(compareStagePlans(stages, after, phases({ 'departmental-review': 'open' }))).toEqual([
      expect.objectContaining({
        blocking: false,
        explanation: expect.objectContaining({ code: 'migration.joinChanged' }),
      }),
    ]);
    expect(
      compareStagePlans(stages, after, phases({ 'departmental-review': 'closed' }))[0].blocking,
    ).toBe(true);
  });

  it('blocks removing or re-kinding an entered stage', () => {
    const removed = compareStagePlans(
      stages,
      stages.slice(1),
      phases({ 'qualification-check': 'closed' }),
    );
    expect(removed.map((c) => c.explanation.code)).toContain('migration.stageRemoved');
    const rekinded = [
      { ...stages[0], kind: 'approval', approver: 'leadingGroup' } as Stage,
      ...stages.slice(1),
    ];
    expect(
      compareStagePlans(stages, rekinded, phases({ 'qualification-check': 'open' })).map(
        (c) => c.explanation.code,
      ),
    ).toEqual(['migration.kindChanged']);
  });
});
