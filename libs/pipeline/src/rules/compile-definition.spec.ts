import type { Eligibility, Rule } from '../definition/definition.types';
import { loadShippedDefinition } from '../definition/shipped-definitions';
import { boolRule, fixtureDefinition, text } from '../testing/definition.fixture';
import { compileDefinition, evaluateEligibility } from './compile-definition';
import type { Dossier, EvaluationContext, RuleOutcome } from './evaluation.types';

const ctx: EvaluationContext = { referenceDate: '2024-06-30' };

function evaluate(eligibility: Eligibility, dossier: Dossier, context: EvaluationContext = ctx) {
  return evaluateEligibility(fixtureDefinition({ eligibility }), dossier, context);
}

function outcomeOf(result: { outcomes: RuleOutcome[] }, ruleId: string): RuleOutcome {
  const o = result.outcomes.find((x) => x.ruleId === ruleId);
  if (!o) throw new Error(`no outcome for ${ruleId}`);
  return o;
}

const yearsInSkill: Rule = {
  id: 'years',
  kind: 'yearsSince',
  label: text('从事本技能年限', 'years in the skill'),
  field: 'skillStartDate',
  min: 10,
};
const nationalTop3: Rule = {
  id: 'national-top3',
  kind: 'count',
  label: text('全国技能大赛前三名', 'a national contest top-3 ranking'),
  list: 'contests',
  where: { level: { equals: 'national' }, rank: { max: 3 } },
  min: 1,
};

describe('field rules', () => {
  const levelRule: Rule = {
    id: 'level',
    kind: 'field',
    label: text('技能等级', 'skill level'),
    field: 'skillLevel',
    min: 'L2',
  };

  it('passes a skill level at or above the minimum on the national ladder', () => {
    const o = outcomeOf(evaluate({ rules: [levelRule] }, { skillLevel: 'L1' }), 'level');
    expect(o).toMatchObject({ outcome: 'pass', inputs: { field: 'skillLevel', value: 'L1' } });
    expect(o.reason).toEqual({
      zh: '技能等级 一级/高级技师，达到要求的 二级/技师',
      en: 'skill level: Level 1 / Senior technician, meets the required Level 2 / Technician',
    });
  });

  it('fails a skill level below the minimum, naming both levels', () => {
    const o = outcomeOf(evaluate({ rules: [levelRule] }, { skillLevel: 'L3' }), 'level');
    expect(o.outcome).toBe('fail');
    expect(o.reason.zh).toBe('技能等级 三级/高级工，低于要求的 二级/技师');
  });

  it('fails a missing value and says it is missing', () => {
    const o = outcomeOf(evaluate({ rules: [levelRule] }, {}), 'level');
    expect(o).toMatchObject({
      outcome: 'fail',
      reason: { zh: '技能等级（未填写或无法识别）', en: 'skill level (missing or unreadable)' },
    });
  });

  it('checks in / notIn / max against the value', () => {
    const rules: Rule[] = [
      {
        id: 'in',
        kind: 'field',
        label: text('行业门类', 'industry section'),
        field: 'industrySection',
        in: ['C', 'D'],
      },
      {
        id: 'not-in',
        kind: 'field',
        label: text('行业门类', 'industry section'),
        field: 'industrySection',
        notIn: ['S'],
      },
      {
        id: 'max',
        kind: 'field',
        label: text('专利数', 'patents'),
        field: 'patents',
        max: 3,
        unit: text('项', 'patents'),
      },
    ];
    const ok = evaluate({ rules }, { industrySection: 'C', patents: 3 });
    expect(ok.outcomes.map((o) => o.outcome)).toEqual(['pass', 'pass', 'pass']);
    const bad = evaluate({ rules }, { industrySection: 'S', patents: 4 });
    expect(bad.outcomes.map((o) => o.outcome)).toEqual(['fail', 'fail', 'fail']);
    expect(outcomeOf(bad, 'not-in').reason.en).toBe(
      'industry section: Public administration, social security and social organisations, which is among the excluded Public administration, social security and social organisations',
    );
    expect(outcomeOf(bad, 'max').reason.zh).toBe('专利数 4 项，超过上限 3 项');
  });
});

describe('derived values', () => {
  const age: Rule = {
    id: 'age',
    kind: 'age',
    label: text('年龄', 'age'),
    field: 'birthDate',
    max: 40,
  };

  it('computes age in completed years at the reference date', () => {
    expect(outcomeOf(evaluate({ rules: [age] }, { birthDate: '1984-07-01' }), 'age')).toMatchObject(
      { outcome: 'pass', inputs: { years: 39 } },
    );
    expect(outcomeOf(evaluate({ rules: [age] }, { birthDate: '1983-07-01' }), 'age')).toMatchObject(
      { outcome: 'pass', inputs: { years: 40 } },
    );
    expect(
      outcomeOf(evaluate({ rules: [age] }, { birthDate: '1983-06-30' }), 'age').reason.zh,
    ).toBe('年龄 41 岁，超过上限 40 岁');
  });

  it('computes years since a date and fails below the minimum', () => {
    const o = outcomeOf(
      evaluate({ rules: [yearsInSkill] }, { skillStartDate: '2016-05-01' }),
      'years',
    );
    expect(o).toMatchObject({ outcome: 'fail', inputs: { years: 8, referenceDate: '2024-06-30' } });
    expect(o.reason).toEqual({
      zh: '从事本技能年限 8 年，低于要求的 10 年',
      en: 'years in the skill: 8 years, below the required 10 years',
    });
  });

  it('counts list items matching a filter within the last N years', () => {
    const recent: Rule = {
      ...nationalTop3,
      id: 'recent',
      withinYears: 5,
      yearField: 'year',
    } as Rule;
    const contests = [
      { level: 'national', rank: 2, year: 2019 }, // 5 years back: outside a 5-year window
      { level: 'national', rank: 4, year: 2023 }, // rank too low
      { level: 'provincial', rank: 1, year: 2022 }, // wrong level
    ];
    expect(outcomeOf(evaluate({ rules: [recent] }, { contests }), 'recent')).toMatchObject({
      outcome: 'fail',
      inputs: { count: 0 },
    });
    const withHit = [...contests, { level: 'national', rank: 3, year: 2020 }];
    expect(outcomeOf(evaluate({ rules: [recent] }, { contests: withHit }), 'recent')).toMatchObject(
      { outcome: 'pass', inputs: { count: 1 } },
    );
  });
});

describe('waivers', () => {
  const eligibility: Eligibility = {
    rules: [yearsInSkill],
    waivers: [{ ...nationalTop3, waives: ['years'] } as Rule],
  };

  it('waives a failed requirement when the waiver holds and explains both in zh and en', () => {
    const result = evaluate(eligibility, {
      skillStartDate: '2016-05-01',
      contests: [{ level: 'national', rank: 2, year: 2023 }],
    });
    expect(result.eligible).toBe(true);
    expect(outcomeOf(result, 'years')).toMatchObject({
      outcome: 'waived',
      waivedBy: 'national-top3',
      reason: {
        zh: '从事本技能年限 8 年，低于要求的 10 年；但全国技能大赛前三名豁免此要求',
        en: 'years in the skill: 8 years, below the required 10 years; waived by a national contest top-3 ranking',
      },
    });
    expect(outcomeOf(result, 'national-top3')).toMatchObject({ role: 'waiver', outcome: 'pass' });
  });

  it('leaves the requirement failed when the waiver does not hold', () => {
    const result = evaluate(eligibility, { skillStartDate: '2016-05-01', contests: [] });
    expect(result.eligible).toBe(false);
    expect(outcomeOf(result, 'years')).toMatchObject({ outcome: 'fail', waivedBy: null });
  });

  it('does not mark a passing requirement as waived', () => {
    const result = evaluate(eligibility, {
      skillStartDate: '2010-01-01',
      contests: [{ level: 'national', rank: 1, year: 2023 }],
    });
    expect(outcomeOf(result, 'years').outcome).toBe('pass');
  });

  it('can waive a rule nested inside a combinator', () => {
    const nested: Eligibility = {
      rules: [
        {
          id: 'both',
          kind: 'allOf',
          label: text('两项均满足', 'both hold'),
          rules: [boolRule(0), boolRule(1)],
        },
      ],
      waivers: [{ ...boolRule(2), waives: ['b1'] }],
    };
    expect(evaluate(nested, { b0: true, b1: false, b2: true }).eligible).toBe(true);
    expect(evaluate(nested, { b0: true, b1: false, b2: false }).eligible).toBe(false);
  });
});

describe('exclusions and repeat-winner bans', () => {
  const sector: Rule = {
    id: 'sector',
    kind: 'field',
    label: text('行业门类', 'industry section'),
    field: 'industrySection',
    in: ['S'],
  };
  const ban: Rule = {
    id: 'ban',
    kind: 'priorAward',
    label: text('三年内曾获本称号', 'won this title within 3 years'),
    withinYears: 3,
  };
  const lifelong: Rule = {
    id: 'lifelong',
    kind: 'priorAward',
    label: text('曾获本称号', 'already holds this title'),
  };

  it('excludes a dossier in an excluded sector', () => {
    const result = evaluate(
      { rules: [boolRule(0)], exclusions: [sector] },
      { b0: true, industrySection: 'S' },
    );
    expect(result.eligible).toBe(false);
    expect(outcomeOf(result, 'sector')).toMatchObject({ role: 'exclusion', outcome: 'excluded' });
    // Stated as an exclusion, never as a requirement met ("符合要求" / "as required").
    expect(outcomeOf(result, 'sector').reason.zh).toMatch(/^属于排除情形：行业门类 /);
    expect(outcomeOf(result, 'sector').reason.en).toMatch(/^excluded: industry section: /);
    expect(outcomeOf(result, 'sector').reason.zh).not.toContain('要求');
    expect(outcomeOf(result, 'sector').reason.en).not.toContain('required');
  });

  it('passes an exclusion that does not apply', () => {
    const result = evaluate(
      { rules: [boolRule(0)], exclusions: [sector] },
      { b0: true, industrySection: 'C' },
    );
    expect(result.eligible).toBe(true);
    expect(outcomeOf(result, 'sector')).toMatchObject({
      outcome: 'pass',
      reason: {
        zh: expect.stringMatching(/^不属于排除情形：/),
        en: expect.stringMatching(/^not excluded: /),
      },
    });
    expect(outcomeOf(result, 'sector').reason.en).not.toContain('not one of');
  });

  it('bans a winner of this programme within the window and not after it', () => {
    const eligibility = { rules: [boolRule(0)], exclusions: [ban] };
    const recent = { ...ctx, priorAwards: [{ programme: 'fixture', year: 2022 }] };
    const old = { ...ctx, priorAwards: [{ programme: 'fixture', year: 2021 }] };
    expect(evaluate(eligibility, { b0: true }, recent).eligible).toBe(false);
    expect(outcomeOf(evaluate(eligibility, { b0: true }, recent), 'ban').reason.en).toBe(
      'excluded: won this title within 3 years: awarded Fixture Craftsman in 2022 within 3 years',
    );
    expect(evaluate(eligibility, { b0: true }, old).eligible).toBe(true);
  });

  it('applies a ban without a window forever, and ignores other programmes', () => {
    const eligibility = { rules: [boolRule(0)], exclusions: [lifelong] };
    expect(
      evaluate(
        eligibility,
        { b0: true },
        { ...ctx, priorAwards: [{ programme: 'fixture', year: 1990 }] },
      ).eligible,
    ).toBe(false);
    expect(
      evaluate(
        eligibility,
        { b0: true },
        { ...ctx, priorAwards: [{ programme: 'other', year: 2024 }] },
      ).eligible,
    ).toBe(true);
  });
});

describe('direct recognition', () => {
  const eligibility: Eligibility = {
    rules: [boolRule(0)],
    directRecognition: [{ ...nationalTop3, id: 'dr' } as Rule],
  };
  const winner = { contests: [{ level: 'national', rank: 1, year: 2024 }] };

  it('marks an eligible dossier meeting the condition for direct recognition', () => {
    const result = evaluate(eligibility, { b0: true, ...winner });
    expect(result).toMatchObject({ eligible: true, directRecognition: true });
    expect(outcomeOf(result, 'dr').reason.zh).toContain('符合直接认定条件');
  });

  it('never recognises an ineligible dossier directly', () => {
    expect(evaluate(eligibility, { b0: false, ...winner })).toMatchObject({
      eligible: false,
      directRecognition: false,
    });
  });

  it('does not recognise directly when the condition fails', () => {
    const result = evaluate(eligibility, { b0: true });
    expect(result.directRecognition).toBe(false);
    expect(outcomeOf(result, 'dr')).toMatchObject({ outcome: 'fail', role: 'directRecognition' });
  });
});

describe('the Hangzhou city scheme', () => {
  const compiled = compileDefinition(loadShippedDefinition('hangzhou-city-craftsman'));
  const base = {
    unionMember: true,
    inService: true,
    frontLine: true,
    skillStartDate: '2010-03-01',
    cityStartDate: '2015-01-01',
    willingToMentor: true,
    employmentCategory: 'worker',
    industrySection: 'C',
    contests: [{ name: '市职业技能大赛', level: 'city', rank: 1, year: 2021 }],
  };

  it('finds a front-line union member with a city contest win eligible', () => {
    const result = compiled.evaluate(base, ctx);
    expect(result).toMatchObject({
      eligible: true,
      directRecognition: false,
      definitionVersion: 1,
      programme: 'hangzhou-city-craftsman',
    });
  });

  it('lists outcomes parent first with requirements, then waivers, then exclusions', () => {
    const roles = compiled.evaluate(base, ctx).outcomes.map((o) => o.role);
    expect(roles.indexOf('waiver')).toBeGreaterThan(roles.lastIndexOf('requirement'));
    expect(roles.indexOf('exclusion')).toBeGreaterThan(roles.lastIndexOf('waiver'));
    const outcomes = compiled.evaluate(base, ctx).outcomes;
    const parentAfterChild = outcomes.filter(
      (o, i) => o.parentId !== null && outcomes.findIndex((p) => p.ruleId === o.parentId) > i,
    );
    expect(parentAfterChild).toEqual([]);
  });

  it('waives the ten-year requirement for a provincial first', () => {
    const dossier = {
      ...base,
      skillStartDate: '2018-01-01',
      contests: [{ name: '省赛', level: 'provincial', rank: 1, year: 2023 }],
    };
    const result = compiled.evaluate(dossier, ctx);
    expect(result.eligible).toBe(true);
    expect(outcomeOf(result, 'years-in-skill')).toMatchObject({
      outcome: 'waived',
      waivedBy: 'contest-waiver',
    });
  });

  it('excludes enterprise managers and previous Hangzhou craftsmen', () => {
    expect(compiled.evaluate({ ...base, employmentCategory: 'manager' }, ctx).eligible).toBe(false);
    const prior = {
      ...ctx,
      priorAwards: [{ programme: 'hangzhou-city-craftsman', year: 2017, tier: 'craftsman' }],
    };
    expect(compiled.evaluate(base, prior).eligible).toBe(false);
    const nominee = {
      ...ctx,
      priorAwards: [{ programme: 'hangzhou-city-craftsman', year: 2023, tier: 'nominationAward' }],
    };
    expect(compiled.evaluate(base, nominee).eligible).toBe(true);
  });

  it('renders every reason in Chinese and English', () => {
    for (const o of compiled.evaluate(base, ctx).outcomes) {
      expect(o.reason.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(o.reason.en).toMatch(/^[\x20-\x7e–]+$/);
      expect(o.definitionVersion).toBe(1);
    }
  });

  it('rejects a reference date that is not an ISO date', () => {
    expect(() => compiled.evaluate(base, { referenceDate: '30/06/2024' })).toThrow(RangeError);
  });
});

describe('the district triennial scheme', () => {
  const compiled = compileDefinition(loadShippedDefinition('district-craftsman-triennial'));
  const base = {
    unionMember: true,
    skillStartDate: '2012-01-01',
    skillLevel: 'L2',
    birthDate: '1960-01-01',
    industrySection: 'C',
    masterTitles: [{ level: 'provincial', awardedOn: '2020-05-01' }],
  };

  it('waives the age bound for a provincial master and meets two of four achievements', () => {
    const result = compiled.evaluate(base, ctx);
    expect(result.eligible).toBe(true);
    expect(outcomeOf(result, 'age-bound')).toMatchObject({
      outcome: 'waived',
      waivedBy: 'age-waiver',
    });
    expect(outcomeOf(result, 'achievements').reason.zh).toBe(
      '四项业绩中至少两项：满足 2 项（技能大师称号、职业技能等级），达到至少 2 项的要求',
    );
  });

  it('waives the minimum skill level for a traditional craft practitioner', () => {
    const result = compiled.evaluate(
      {
        ...base,
        skillLevel: 'L4',
        traditionalCraft: true,
        apprentices: [{ name: 'a' }, { name: 'b' }, { name: 'c' }],
      },
      ctx,
    );
    expect(outcomeOf(result, 'min-skill-level').outcome).toBe('waived');
    expect(result.eligible).toBe(true);
  });

  it('recognises a recent national top-3 directly', () => {
    const result = compiled.evaluate(
      { ...base, contests: [{ level: 'national', rank: 2, year: 2023 }] },
      ctx,
    );
    expect(result).toMatchObject({ eligible: true, directRecognition: true });
  });
});

describe('an engine that never misleads', () => {
  it('evaluates anyOf / allOf / atLeast with any number of alternatives (40 here)', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ ...boolRule(i % 5, `-${i}`) }));
    const anyOf: Rule = { id: 'any', kind: 'anyOf', label: text('任一', 'any'), rules: many };
    const atLeast: Rule = {
      id: 'most',
      kind: 'atLeast',
      n: 33,
      label: text('至少 33 项', 'at least 33'),
      rules: many.map((r) => ({ ...r, id: `m${r.id}` })),
    };
    const result = evaluate(
      { rules: [anyOf, atLeast] },
      { b0: false, b1: false, b2: false, b3: false, b4: true },
    );
    expect(outcomeOf(result, 'any')).toMatchObject({ outcome: 'pass', inputs: { met: 8, of: 40 } });
    expect(outcomeOf(result, 'most')).toMatchObject({
      outcome: 'fail',
      inputs: { met: 8, of: 40 },
    });
    expect(outcomeOf(result, 'most').reason.en).toContain('only 8 of 40 met');
    const all = evaluate(
      { rules: [atLeast] },
      { b0: true, b1: true, b2: true, b3: true, b4: true },
    );
    expect(all.eligible).toBe(true);
  });

  it('refuses a reference date that does not exist', () => {
    expect(() =>
      evaluate({ rules: [boolRule(0)] }, { b0: true }, { referenceDate: '2026-02-30' }),
    ).toThrow(/referenceDate/);
  });

  it('counts "within the last N years" on a date field by date, on a year field by calendar year', () => {
    const definition = fixtureDefinition({ eligibility: { rules: [boolRule(0)] } });
    const contests = definition.dossier.fields.find((f) => f.id === 'contests');
    if (contests?.type !== 'list') throw new Error('fixture changed');
    contests.items.push({ id: 'on', type: 'date', label: text('日期', 'date') });
    const byDate: Rule = {
      id: 'recent',
      kind: 'count',
      label: text('近五年竞赛', 'contests in the last 5 years'),
      list: 'contests',
      withinYears: 5,
      yearField: 'on',
      min: 1,
    };
    const byYear: Rule = { ...byDate, id: 'recent-year', yearField: 'year' };
    definition.eligibility = { rules: [byDate, byYear] };
    const compiled = compileDefinition(definition);
    const run = (on: string, year: number) =>
      compiled.evaluate(
        { contests: [{ level: 'city', rank: 1, year, on }] },
        { referenceDate: '2026-06-01' },
      );
    // By date: after 2021-06-01 (five years back) and not after the reference date. By year: the
    // calendar years 2022–2026.
    expect(outcomeOf(run('2021-06-02', 2021), 'recent').outcome).toBe('pass');
    expect(outcomeOf(run('2021-06-01', 2021), 'recent').outcome).toBe('fail');
    expect(outcomeOf(run('2021-06-02', 2021), 'recent-year').outcome).toBe('fail');
    expect(outcomeOf(run('2021-06-02', 2022), 'recent-year').outcome).toBe('pass');
    expect(outcomeOf(run('2026-06-02', 2026), 'recent').outcome).toBe('fail');
  });

  it('names programmes and tiers by their labels in the reader language, never by code', () => {
    const ban: Rule = {
      id: 'ban',
      kind: 'priorAward',
      label: text('曾获奖', 'already awarded'),
      programmes: ['fixture', { code: 'zj', label: text('浙江工匠', 'Zhejiang Craftsman') }],
    };
    const own = evaluate(
      { rules: [boolRule(0)], exclusions: [ban] },
      { b0: true },
      {
        ...ctx,
        priorAwards: [{ programme: 'fixture', year: 2020, tier: 'silver' }],
      },
    );
    expect(outcomeOf(own, 'ban').reason).toEqual({
      zh: '属于排除情形：曾获奖：已于 2020 年获得测试工匠（提名奖）',
      en: 'excluded: already awarded: awarded Fixture Craftsman (nomination award) in 2020',
    });
    const other = evaluate(
      { rules: [boolRule(0)], exclusions: [ban] },
      { b0: true },
      {
        ...ctx,
        priorAwards: [{ programme: 'zj', year: 2019, tier: 'gold' }],
      },
    );
    expect(outcomeOf(other, 'ban').reason.en).toBe(
      'excluded: already awarded: awarded Zhejiang Craftsman in 2019',
    );
    expect(JSON.stringify(other.outcomes)).not.toMatch(/获得zj|awarded zj/);
  });
});
