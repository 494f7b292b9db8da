// A small, valid definition for unit specs: tests override only the parts they exercise.
import type {
  Eligibility,
  PipelineDefinition,
  Rule,
  SelectionRules,
} from '../definition/definition.types';

const t = (zh: string, en: string) => ({ zh, en });

export function fixtureDefinition(
  overrides: {
    eligibility?: Eligibility;
    selection?: Partial<SelectionRules>;
    quotas?: [number, number];
  } = {},
): PipelineDefinition {
  const [gold, silver] = overrides.quotas ?? [3, 2];
  return {
    programme: {
      code: 'fixture',
      name: t('测试工匠', 'Fixture Craftsman'),
      level: 'city',
      cadence: { everyYears: 1 },
    },
    version: 1,
    principles: [{ id: 'quality', label: t('高质量', 'Quality') }],
    tiers: [
      { id: 'gold', label: t('工匠', 'craftsman'), quota: gold },
      { id: 'silver', label: t('提名奖', 'nomination award'), quota: silver },
    ],
    dossier: {
      fields: [
        { id: 'name', type: 'text', label: t('姓名', 'name'), required: true, maxLength: 10 },
        { id: 'employer', type: 'text', label: t('单位', 'employer') },
        { id: 'birthDate', type: 'date', label: t('出生日期', 'date of birth') },
        { id: 'skillStartDate', type: 'date', label: t('从业起始日期', 'start in the skill') },
        {
          id: 'skillLevel',
          type: 'enum',
          builtin: 'skillLevel',
          label: t('技能等级', 'skill level'),
        },
        {
          id: 'industrySection',
          type: 'enum',
          builtin: 'industrySection',
          label: t('行业门类', 'industry section'),
        },
        { id: 'unionMember', type: 'boolean', label: t('工会会员', 'union member') },
        { id: 'patents', type: 'number', label: t('专利数', 'patents'), min: 0, integer: true },
        ...[0, 1, 2, 3, 4].map((i) => ({
          id: `b${i}`,
          type: 'boolean' as const,
          label: t(`条件${i}`, `condition ${i}`),
        })),
        {
          id: 'contests',
          type: 'list',
          label: t('竞赛成绩', 'contest results'),
          maxItems: 5,
          items: [
            {
              id: 'level',
              type: 'enum',
              label: t('级别', 'level'),
              required: true,
              ordered: true,
              values: [
                { code: 'city', label: t('市级', 'city') },
                { code: 'provincial', label: t('省级', 'provincial') },
                { code: 'national', label: t('国家级', 'national') },
              ],
            },
            {
              id: 'rank',
              type: 'number',
              label: t('名次', 'rank'),
              required: true,
              min: 1,
              integer: true,
            },
            { id: 'year', type: 'number', label: t('年份', 'year'), required: true, integer: true },
          ],
        },
      ],
      evidence: [
        {
          kind: 'photo',
          label: t('照片', 'photo'),
          maxSizeBytes: 1000,
          formats: ['image/jpeg'],
          maxCount: 1,
        },
      ],
    },
    channels: [
      {
        id: 'unit',
        kind: 'unit',
        label: t('单位推荐', 'unit nomination'),
        perUnitCap: 2,
        rankingRequired: true,
      },
    ],
    eligibility: overrides.eligibility ?? { rules: [boolRule(0)] },
    stages: [
      {
        id: 'check',
        kind: 'qualificationCheck',
        label: t('资格审查', 'qualification check'),
        owner: 'secretariat',
      },
    ],
    selection: { total: gold + silver, listOrder: { by: 'byScore' }, ...overrides.selection },
  };
}

/** `b<i> equals true`, with a distinct id per use when `suffix` is given. */
export function boolRule(i: number, suffix = ''): Rule {
  return {
    id: `b${i}${suffix}`,
    kind: 'field',
    label: t(`条件${i}`, `condition ${i}`),
    field: `b${i}`,
    equals: true,
  };
}

export { t as text };
