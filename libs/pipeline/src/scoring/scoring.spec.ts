import { loadShippedDefinition } from '../definition/shipped-definitions';
import type { ExpertScoringStage } from '../definition/definition.types';
import { aggregateScores } from './aggregate-scores';
import { scoreRubric } from './rubric-score';

describe('scoreRubric on the district 100-point rubric', () => {
  const def = loadShippedDefinition('district-craftsman-triennial');
  const rubric = (def.stages.find((s) => s.kind === 'expertScoring') as ExpertScoringStage).rubric;

  it('scores items, caps per-apprentice points and caps each criterion at its maximum', () => {
    const dossier = {
      skillLevel: 'L2',
      contests: [
        { level: 'national', rank: 2, year: 2022 },
        { level: 'provincial', rank: 1, year: 2021 },
        { level: 'city', rank: 1, year: 2020 },
        { level: 'city', rank: 2, year: 2019 },
      ],
      apprentices: Array.from({ length: 7 }, (_, i) => ({ name: `徒${i}` })),
    };
    const score = scoreRubric(def, rubric, dossier, {
      judged: { 'deeds-judged': 99 },
      evidenceCounts: { patent: 1 },
    });
    const points = Object.fromEntries(score.criteria.map((c) => [c.id, c.points]));
    expect(points).toEqual({
      contests: 20,
      'master-titles': 0,
      'skill-certificate': 10,
      mentoring: 15,
      innovation: 5,
      deeds: 15,
    });
    expect(score.criteria.find((c) => c.id === 'contests')).toMatchObject({ capped: true });
    expect(score.total).toBe(65);
  });

  it('never exceeds the rubric maximum', () => {
    const rich = {
      skillLevel: 'chief',
      contests: Array.from({ length: 5 }, () => ({ level: 'national', rank: 1, year: 2023 })),
      masterTitles: [
        { level: 'national', awardedOn: '2020-01-01' },
        { level: 'provincial', awardedOn: '2018-01-01' },
      ],
      apprentices: Array.from({ length: 20 }, () => ({ name: 'x' })),
    };
    const score = scoreRubric(def, rubric, rich, {
      judged: { 'deeds-judged': 15 },
      evidenceCounts: { patent: 9 },
    });
    expect(score.total).toBe(rubric.maxScore);
  });
});

const marks = (candidateId: string, scores: number[]) =>
  scores.map((score, i) => ({ expertId: `e${i}`, candidateId, score }));

describe('aggregateScores', () => {
  it('aggregates by mean, median and trimmed mean', () => {
    const m = marks('a', [60, 70, 80, 100]);
    expect(aggregateScores(m, { method: 'mean' })[0].score).toBe(77.5);
    expect(aggregateScores(m, { method: 'median' })[0].score).toBe(75);
    expect(aggregateScores(m, { method: 'trimmedMean', trim: 1 })[0].score).toBe(75);
  });

  it('flags candidates whose marks spread beyond the arbitration threshold', () => {
    const result = aggregateScores(
      [...marks('a', [60, 85]), ...marks('b', [70, 75])],
      { method: 'mean' },
      20,
    );
    expect(result.map((r) => [r.candidateId, r.spread, r.needsArbitration])).toEqual([
      ['a', 25, true],
      ['b', 5, false],
    ]);
  });

  it('normalises a lenient expert so that ranking follows the consensus', () => {
    const m = [
      { expertId: 'strict', candidateId: 'a', score: 60 },
      { expertId: 'strict', candidateId: 'b', score: 70 },
      { expertId: 'lenient', candidateId: 'a', score: 95 },
      { expertId: 'lenient', candidateId: 'b', score: 99 },
    ];
    const [a, b] = aggregateScores(m, { method: 'mean', normalisePerExpert: true });
    expect(b.score - a.score).toBeGreaterThan(
      aggregateScores(m, { method: 'mean' })[1].score -
        aggregateScores(m, { method: 'mean' })[0].score,
    );
  });
});
