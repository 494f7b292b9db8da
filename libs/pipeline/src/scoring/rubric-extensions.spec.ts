// Hand-worked rubric examples: each expected number is worked out in the comment above it.
import type {
  PipelineDefinition,
  Rubric,
  RubricCriterion,
  RubricItem,
} from '../definition/definition.types';
import { validateDefinition } from '../definition/validate-definition';
import { fixtureDefinition, text } from '../testing/definition.fixture';
import { RubricMarkError, scoreRubric } from './rubric-score';
import { validateMarks } from './rubric-marks';

const criterion = (id: string, maxPoints: number, items: RubricItem[]): RubricCriterion => ({
  id,
  label: text(`准则${id}`, `criterion ${id}`),
  maxPoints,
  items,
});

/** The fixture definition with one scoring stage holding `rubric`, checked valid by the schema. */
function withRubric(rubric: Rubric): PipelineDefinition {
  const def = fixtureDefinition();
  def.stages.push({
    id: 'scoring',
    kind: 'expertScoring',
    label: text('专家评分', 'expert scoring'),
    owner: 'expertPanel',
    rubric,
    aggregation: { method: 'mean' },
  });
  const checked = validateDefinition(def);
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return checked.definition;
}

const oneCriterion = (items: RubricItem[], maxPoints = 100): Rubric => ({
  maxScore: maxPoints,
  criteria: [criterion('c', maxPoints, items)],
});

const contest = (level: string, rank = 1) => ({ level, rank, year: 2024 });

function score(rubric: Rubric, dossier: Record<string, unknown>, judged = {}) {
  return scoreRubric(withRubric(rubric), rubric, dossier, { judged, referenceDate: '2026-06-01' });
}

describe('rubric: tiered points for list items', () => {
  const rubric = oneCriterion([
    {
      id: 'contest-tiered',
      kind: 'perListItem',
      label: text('竞赛获奖', 'contest awards'),
      list: 'contests',
      where: { level: { min: 'provincial' } },
      tiered: [10, 5],
      cap: 18,
    },
  ]);

  it('counts the first entry 10 and each further one 5, capped at 18', () => {
    // national 10 + provincial 5 + provincial 5 = 20 (the city contest does not match) → cap 18.
    const dossier = {
      contests: [
        contest('national'),
        contest('provincial'),
        contest('city'),
        contest('provincial'),
      ],
    };
    const item = score(rubric, dossier).criteria[0].items[0];
    expect(item).toMatchObject({ points: 18, raw: 20, cap: 18, capped: true });
    expect(item.entries).toEqual([
      { index: 0, points: 10 },
      { index: 1, points: 5 },
      { index: 3, points: 5 },
    ]);
    expect(item.explanation.zh).toBe('竞赛获奖：3 项计分：10 + 5 + 5，上限 18 分 → 18 分');
    expect(item.explanation.en).toBe(
      'contest awards: 3 entries counted: 10 + 5 + 5, capped at 18 → 18',
    );
  });

  it('leaves the cap alone when it does not bite', () => {
    // 10 + 5 = 15 ≤ 18.
    const item = score(rubric, { contests: [contest('provincial'), contest('national')] })
      .criteria[0].items[0];
    expect(item).toMatchObject({ points: 15, capped: false });
  });
});

describe('rubric: a group of items with a shared cap', () => {
  const rubric = oneCriterion(
    [
      {
        id: 'record',
        kind: 'group',
        label: text('业绩', 'record'),
        cap: 12,
        items: [
          {
            id: 'per-contest',
            kind: 'perListItem',
            label: text('竞赛', 'contests'),
            list: 'contests',
            points: 4,
          },
          {
            id: 'member',
            kind: 'condition',
            label: text('工会会员', 'union member'),
            when: {
              id: 'is-member',
              kind: 'field',
              label: text('是工会会员', 'is a union member'),
              field: 'unionMember',
              equals: true,
            },
            points: 5,
          },
        ],
      },
      { id: 'craft', kind: 'judged', label: text('技艺', 'craft'), maxPoints: 8 },
    ],
    20,
  );

  it('caps the sub-items together at the group cap, inside the criterion', () => {
    // group: 2 contests × 4 = 8, member 5 → 13, shared cap 12 → 12; criterion 12 + craft 6 = 18 ≤ 20.
    const result = score(
      rubric,
      { contests: [contest('city'), contest('city')], unionMember: true },
      { craft: 6 },
    );
    const group = result.criteria[0].items[0];
    expect(group).toMatchObject({ points: 12, raw: 13, capped: true });
    expect(group.items!.map((i) => i.points)).toEqual([8, 5]);
    expect(group.explanation.en).toBe('record: sub-items 8 + 5, capped at 12 → 12');
    expect(result.criteria[0]).toMatchObject({ points: 18, capped: false });
    expect(result.total).toBe(18);
  });
});

describe('rubric: a condition item', () => {
  const rubric = oneCriterion([
    {
      id: 'young-talent',
      kind: 'condition',
      label: text('青年人才', 'young talent'),
      when: {
        id: 'under-36',
        kind: 'age',
        label: text('不满 36 周岁', 'under 36'),
        field: 'birthDate',
        max: 35,
      },
      points: 3,
    },
  ]);

  it('gives its points when the condition holds at the reference date', () => {
    // Born 1995-06-02: 30 on 2026-06-01 → holds → 3.
    const item = score(rubric, { birthDate: '1995-06-02' }).criteria[0].items[0];
    expect(item.points).toBe(3);
    expect(item.explanation.zh).toBe('青年人才：符合「不满 36 周岁」 → 3 分');
  });

  it('gives nothing when it does not', () => {
    // Born 1980-01-01: 46 → does not hold → 0.
    const item = score(rubric, { birthDate: '1980-01-01' }).criteria[0].items[0];
    expect(item.points).toBe(0);
    expect(item.explanation.en).toBe('young talent: "under 36" does not hold → 0');
  });
});

describe('rubric: level tables for ordered enums', () => {
  const rubric = oneCriterion([
    {
      id: 'level',
      kind: 'byLevel',
      label: text('等级', 'level'),
      field: 'skillLevel',
      table: { L3: 4, L1: 10, chief: 15 },
    },
  ]);
  const points = (skillLevel: string) => score(rubric, { skillLevel }).criteria[0].items[0].points;

  it('takes the listed level, or the nearest listed level below it', () => {
    // L1 listed → 10; L2 sits between L3 and L1 → L3's 4; principal → L1's 10; chief → 15;
    // L4 has no listed level at or below it → 0.
    expect(['L1', 'L2', 'principal', 'chief', 'L4'].map(points)).toEqual([10, 4, 10, 15, 0]);
  });

  it('scores each list entry by its own level', () => {
    // national 8; provincial falls back to city 2; city 2 → 12.
    const perEntry = oneCriterion([
      {
        id: 'by-contest-level',
        kind: 'perListItem',
        label: text('竞赛级别', 'contest level'),
        list: 'contests',
        levels: { field: 'level', table: { city: 2, national: 8 } },
      },
    ]);
    const dossier = { contests: [contest('national'), contest('provincial'), contest('city')] };
    expect(score(perEntry, dossier).criteria[0].items[0].points).toBe(12);
  });
});

describe('rubric: a criterion cap inside an overall cap', () => {
  const perContest = (id: string, points: number): RubricItem => ({
    id,
    kind: 'perListItem',
    label: text(id, id),
    list: 'contests',
    points,
  });
  const rubric: Rubric = {
    maxScore: 50,
    overallCap: 50,
    criteria: [
      criterion('a', 30, [perContest('a-item', 7)]),
      criterion('b', 30, [perContest('b-item', 5)]),
    ],
  };

  it('caps the criterion first, then the total', () => {
    // a: 5 × 7 = 35 → criterion cap 30; b: 5 × 5 = 25; 30 + 25 = 55 → overall cap 50.
    const dossier = { contests: Array.from({ length: 5 }, () => contest('city')) };
    const result = score(rubric, dossier);
    expect(result.criteria.map((c) => [c.points, c.raw, c.capped])).toEqual([
      [30, 35, true],
      [25, 25, false],
    ]);
    expect(result).toMatchObject({ total: 50, raw: 55, capped: true });
    expect(result.explanation.en).toBe('total: 30 + 25 = 55, capped at 50 → 50 (of 50)');
    expect(result.explanation.zh).toBe('总分：30 + 25 = 55，上限 50 分 → 50 分（满分 50）');
  });

  it('is refused when the overall cap differs from maxScore', () => {
    const def = fixtureDefinition();
    def.stages.push({
      id: 'scoring',
      kind: 'expertScoring',
      label: text('专家评分', 'expert scoring'),
      owner: 'expertPanel',
      rubric: { ...rubric, overallCap: 40 },
      aggregation: { method: 'mean' },
    });
    const checked = validateDefinition(def);
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.errors).toContainEqual({
      path: '/stages/1/rubric/overallCap',
      message: 'must equal maxScore',
    });
  });
});

describe('rubric: no double counting', () => {
  const items = (countOnce: boolean): RubricItem[] => [
    {
      id: 'high-level',
      kind: 'perListItem',
      label: text('省级以上竞赛', 'provincial or higher'),
      list: 'contests',
      where: { level: { min: 'provincial' } },
      points: 6,
      countOnce,
    },
    {
      id: 'winner',
      kind: 'perListItem',
      label: text('竞赛第一名', 'contest winner'),
      list: 'contests',
      where: { rank: { equals: 1 } },
      points: 3,
      countOnce,
    },
  ];
  const dossier = {
    contests: [contest('national', 1), contest('city', 1), contest('provincial', 2)],
  };

  it('counts an entry once when the definition says so', () => {
    // high-level: entries 0 and 2 → 12; winner: entries 0 and 1 match, 0 is already counted → 3.
    const [high, winner] = score(oneCriterion(items(true)), dossier).criteria[0].items;
    expect(high.points).toBe(12);
    expect(winner.points).toBe(3);
    expect(winner.entries).toEqual([
      { index: 0, points: 0, countedBy: 'high-level' },
      { index: 1, points: 3 },
    ]);
    expect(winner.explanation.en).toBe(
      'contest winner: 1 entries counted: 3 (1 more already counted by high-level, not counted twice) → 3',
    );
  });

  it('counts it under every matching item otherwise', () => {
    // winner: entries 0 and 1 → 6.
    const [, winner] = score(oneCriterion(items(false)), dossier).criteria[0].items;
    expect(winner.points).toBe(6);
  });
});

describe('rubric: judged marks', () => {
  const rubric = oneCriterion(
    [{ id: 'craft', kind: 'judged', label: text('技艺', 'craft'), maxPoints: 20 }],
    20,
  );

  it('refuses a mark above the range, naming the item, instead of clamping it', () => {
    let thrown: unknown;
    try {
      score(rubric, {}, { craft: 21 });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RubricMarkError);
    expect((thrown as RubricMarkError).errors).toEqual([
      { path: '/marks/craft', message: 'the mark 21 for "craft" is outside 0–20' },
    ]);
  });

  it('refuses negative marks, marks for unknown items and missing marks on submission', () => {
    expect(validateMarks(rubric, { craft: -1, style: 3 })).toEqual([
      { path: '/marks/craft', message: 'the mark -1 for "craft" is outside 0–20' },
      { path: '/marks/style', message: '"style" is not a judged item of the rubric' },
    ]);
    expect(validateMarks(rubric, {}, { complete: true })).toEqual([
      { path: '/marks/craft', message: '"craft" is not marked' },
    ]);
  });

  it('takes a mark within range as given', () => {
    expect(score(rubric, {}, { craft: 12.5 }).total).toBe(12.5);
  });
});

describe('rubric definitions are checked', () => {
  it('refuses a list item with both points and tiers, and duplicate item ids, with paths', () => {
    const def = fixtureDefinition();
    def.stages.push({
      id: 'scoring',
      kind: 'expertScoring',
      label: text('专家评分', 'expert scoring'),
      owner: 'expertPanel',
      rubric: oneCriterion([
        {
          id: 'x',
          kind: 'perListItem',
          label: text('x', 'x'),
          list: 'contests',
          points: 1,
          tiered: [2],
        },
        { id: 'x', kind: 'judged', label: text('x', 'x'), maxPoints: 99 },
      ]),
      aggregation: { method: 'mean' },
    });
    const checked = validateDefinition(def);
    expect(!checked.ok && checked.errors).toEqual([
      {
        path: '/stages/1/rubric/criteria/0/items/0',
        message: 'needs exactly one of points, tiered or levels',
      },
      {
        path: '/stages/1/rubric/criteria/0/items/1/id',
        message: 'duplicate item id "x" (first at /stages/1/rubric/criteria/0/items/0)',
      },
    ]);
  });
});
