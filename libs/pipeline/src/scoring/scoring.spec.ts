import { loadShippedDefinition } from '../definition/shipped-definitions';
import type { ExpertScoringStage } from '../definition/definition.types';
import { aggregateScores, resolveArbitration } from './aggregate-scores';
import { rankScores } from './rank-scores';
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
      judged: { 'deeds-judged': 15 },
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

describe('aggregateScores: hand-worked examples', () => {
  it('drops one mark at each end for a trimmed mean of five', () => {
    // sorted 60 70 75 80 100 → drop 60 and 100 → (70 + 75 + 80) / 3 = 75.
    const [a] = aggregateScores(marks('a', [100, 60, 75, 80, 70]), {
      method: 'trimmedMean',
      trim: 1,
    });
    expect(a.score).toBe(75);
    expect(a.explanation.en).toBe(
      'trimmed mean (dropping 1 at each end) of raw marks 70, 75, 80 = 75',
    );
  });

  it('takes the median of an odd and an even panel', () => {
    // 60 70 95 → 70; 60 70 80 95 → (70 + 80) / 2 = 75.
    expect(aggregateScores(marks('a', [95, 60, 70]), { method: 'median' })[0].score).toBe(70);
    expect(aggregateScores(marks('a', [95, 60, 80, 70]), { method: 'median' })[0].score).toBe(75);
  });

  it('normalises per expert by z-scores and shows raw and normalised side by side', () => {
    // All four marks: mean 81, population sd √((21² + 11² + 14² + 18²) / 4) = √270.5 ≈ 16.4469.
    // strict (60, 70): mean 65, sd 5 → z −1, +1; lenient (95, 99): mean 97, sd 2 → z −1, +1.
    // normalised a = 81 − 16.4469 = 64.55 for both; b = 81 + 16.4469 = 97.45 for both.
    const m = [
      { expertId: 'strict', candidateId: 'a', score: 60 },
      { expertId: 'strict', candidateId: 'b', score: 70 },
      { expertId: 'lenient', candidateId: 'a', score: 95 },
      { expertId: 'lenient', candidateId: 'b', score: 99 },
    ];
    const [a, b] = aggregateScores(m, { method: 'mean', normalisePerExpert: true });
    expect(a).toMatchObject({ rawScore: 77.5, normalisedScore: 64.55, score: 64.55 });
    expect(b).toMatchObject({ rawScore: 84.5, normalisedScore: 97.45, score: 97.45 });
    expect(a.marks).toEqual([
      { expertId: 'lenient', raw: 95, normalised: 64.55 },
      { expertId: 'strict', raw: 60, normalised: 64.55 },
    ]);
    expect(a.explanation.zh).toBe(
      '原始分 60, 95 的平均分 = 77.5；标准化后 64.55, 64.55 的平均分 = 64.55（采用）',
    );
  });

  it('leaves an expert with a single mark or no spread as they are', () => {
    // e0 marks only a; e1 gives 80 to both: neither can be normalised, so the raw marks stand.
    const m = [
      { expertId: 'e0', candidateId: 'a', score: 50 },
      { expertId: 'e1', candidateId: 'a', score: 80 },
      { expertId: 'e1', candidateId: 'b', score: 80 },
    ];
    const [a, b] = aggregateScores(m, { method: 'mean', normalisePerExpert: true });
    expect([a.score, b.score]).toEqual([65, 80]);
  });

  it('flags only a spread strictly above the threshold', () => {
    // spreads 25 (> 20) and 20 (not above 20).
    const result = aggregateScores(
      [...marks('a', [60, 85]), ...marks('b', [60, 80])],
      { method: 'mean' },
      20,
    );
    expect(result.map((r) => r.needsArbitration)).toEqual([true, false]);
    expect(result[0].explanation.en).toContain('spread 25 exceeds 20: arbitration needed');
  });
});

describe('resolveArbitration', () => {
  it('replaces the panel score by default', () => {
    const stage = { arbitration: { spreadThreshold: 20, owner: 'arbitrationGroup' } };
    expect(resolveArbitration(stage, 72.5, 80)).toEqual({
      score: 80,
      explanation: {
        zh: '仲裁分 80 取代专家组分 72.5',
        en: "arbitrated 80 replaces the panel's 72.5",
      },
    });
  });

  it('averages with the panel score when the definition says so', () => {
    // (72.5 + 80) / 2 = 76.25.
    const stage = {
      arbitration: {
        spreadThreshold: 20,
        owner: 'arbitrationGroup',
        resolution: 'meanWithPanel' as const,
      },
    };
    expect(resolveArbitration(stage, 72.5, 80).score).toBe(76.25);
  });
});

describe('rankScores', () => {
  const def = loadShippedDefinition('hangzhou-city-craftsman');
  const panel = (candidateId: string, score: number, needsArbitration = false) =>
    aggregateScores(
      marks(candidateId, needsArbitration ? [score - 15, score + 15] : [score, score]),
      { method: 'mean' },
      20,
    )[0];

  it('ranks per group by the final score, arbitration first, ties by tie-breakers then id', () => {
    const candidates = [
      { id: 'c1', group: 'C', dossier: {} },
      { id: 'c2', group: 'C', dossier: {} },
      { id: 'c0', group: 'C', dossier: {} },
      { id: 'i1', group: 'I', dossier: {} },
      {
        id: 'i0',
        group: 'I',
        dossier: {},
        directRecognition: {
          ruleId: 'national-title',
          label: { zh: '国家级称号', en: 'national title' },
        },
      },
    ];
    const panels = [panel('c0', 80), panel('c1', 80), panel('c2', 70, true), panel('i1', 60)];
    // c2's panel says 70 (spread 30 > 20); the arbitration group's 90 replaces it → first.
    const arbitrations = new Map([
      ['c2', resolveArbitration({ arbitration: { spreadThreshold: 20, owner: 'a' } }, 70, 90)],
    ]);
    const ranked = rankScores(def, candidates, panels, arbitrations);
    expect(ranked.map((g) => [g.group, g.rows.map((r) => `${r.rank}:${r.id}:${r.score}`)])).toEqual(
      [
        ['C', ['1:c2:90', '2:c0:80', '3:c1:80']],
        ['I', ['1:i0:null', '2:i1:60']],
      ],
    );
    expect(ranked[0].rows[0].explanation.en).toBe(
      "mean of raw marks 55, 85 = 70; spread 30 exceeds 20: arbitration needed; arbitrated 90 replaces the panel's 70",
    );
    expect(ranked[1].rows[0].explanation.zh).toBe('直接认定（国家级称号），免于评分');
  });

  it('marks a wide spread without a result as awaiting arbitration', () => {
    const [group] = rankScores(def, [{ id: 'a', group: '', dossier: {} }], [panel('a', 70, true)]);
    expect(group.rows[0]).toMatchObject({ score: 70, awaitingArbitration: true });
  });
});
