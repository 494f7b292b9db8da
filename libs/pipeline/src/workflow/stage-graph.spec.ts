import * as fc from 'fast-check';
import { loadShippedDefinition } from '../definition/shipped-definitions';
import {
  advancePlan,
  buildStageGraph,
  checkTransition,
  type DoneTransition,
  stagePhases,
} from './stage-graph';

const graph = buildStageGraph(loadShippedDefinition('hangzhou-city-craftsman'));
const ids = graph.stages.map((s) => s.id);

describe('stage graph', () => {
  it('lists the shipped city definition’s stages in order', () => {
    expect(ids).toEqual([
      'qualification-check',
      'departmental-review',
      'expert-scoring',
      'leading-group-approval',
      'public-notice',
      'release',
    ]);
    expect(graph.next('departmental-review')?.id).toBe('expert-scoring');
    expect(graph.previous('qualification-check')).toBeNull();
    expect(graph.next('release')).toBeNull();
    expect(graph.next('no-such-stage')).toBeNull();
  });

  it('enters a stage only after the one before it closed', () => {
    const done: DoneTransition[] = [{ stageId: 'qualification-check', transition: 'enter' }];
    expect(checkTransition(graph, done, 'departmental-review', 'enter')).toMatchObject({
      ok: false,
      reason: 'previousNotClosed',
      explanation: { zh: '须先结束资格审查' },
    });
    done.push({ stageId: 'qualification-check', transition: 'close' });
    expect(checkTransition(graph, done, 'departmental-review', 'enter')).toEqual({ ok: true });
  });

  it('says a repeated transition was already done, and refuses closing a stage never entered', () => {
    const done: DoneTransition[] = [{ stageId: 'qualification-check', transition: 'enter' }];
    expect(checkTransition(graph, done, 'qualification-check', 'enter')).toMatchObject({
      reason: 'done',
    });
    expect(checkTransition(graph, done, 'expert-scoring', 'close')).toMatchObject({
      reason: 'notOpen',
    });
    expect(checkTransition(graph, done, 'unknown', 'close')).toMatchObject({
      reason: 'unknownStage',
    });
  });

  it('advancing from any reachable state visits every stage once, in order, and then stops', () => {
    fc.assert(
      fc.property(fc.nat({ max: ids.length * 2 }), (steps) => {
        const done: DoneTransition[] = [];
        for (let i = 0; i < steps; i++) {
          for (const t of advancePlan(graph, done)) {
            expect(checkTransition(graph, done, t.stageId, t.transition)).toEqual({ ok: true });
            done.push(t);
          }
        }
        const phases = stagePhases(graph, done);
        // Phases read along the stages are closed…closed, at most one open, then not entered.
        const sequence = ids.map((id) => phases.get(id)).join(' ');
        expect(sequence).toMatch(/^(closed ?)*(open ?)?(notEntered ?)*$/);
        expect(advancePlan(graph, done).length === 0).toBe(steps > ids.length);
      }),
    );
  });
});
