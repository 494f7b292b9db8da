import { loadShippedDefinition } from '../definition/shipped-definitions';
import type { PipelineDefinition, Rule } from '../definition/definition.types';
import { compileDefinition } from '../rules/compile-definition';
import { compareOutcomes } from './compare-outcomes';
import { diffDefinitions } from './diff-definitions';

const clone = (d: PipelineDefinition): PipelineDefinition => structuredClone(d);

describe('diffDefinitions', () => {
  const before = loadShippedDefinition('hangzhou-city-craftsman');

  it('finds nothing between identical documents', () => {
    expect(diffDefinitions(before, clone(before))).toEqual([]);
  });

  it('reports a changed threshold at the rule addressed by id', () => {
    const after = clone(before);
    (after.eligibility.rules[2] as { min: number }).min = 15;
    after.version = 2;
    expect(diffDefinitions(before, after)).toEqual([
      { path: '/version', kind: 'changed', before: 1, after: 2 },
      { path: '/eligibility/rules[years-in-skill]/min', kind: 'changed', before: 10, after: 15 },
    ]);
  });

  it('reports an added and a removed rule once each, not as index shifts', () => {
    const after = clone(before);
    const age: Rule = {
      id: 'age',
      kind: 'age',
      label: { zh: '年龄', en: 'age' },
      field: 'birthDate',
      max: 60,
    };
    after.eligibility.rules.splice(0, 1, age);
    const diff = diffDefinitions(before, after);
    expect(diff).toEqual([
      {
        path: '/eligibility/rules[union-member]',
        kind: 'removed',
        before: before.eligibility.rules[0],
      },
      { path: '/eligibility/rules[age]', kind: 'added', after: age },
    ]);
  });

  it('reports a reordered stage list and scalar arrays by index', () => {
    const after = clone(before);
    after.stages.reverse();
    after.dossier.evidence[0].formats.push('image/webp');
    const diff = diffDefinitions(before, after);
    expect(diff).toContainEqual({
      path: '/stages',
      kind: 'changed',
      before: before.stages.map((s) => s.id),
      after: after.stages.map((s) => s.id),
    });
    expect(diff).toContainEqual({
      path: '/dossier/evidence[photo]/formats/2',
      kind: 'added',
      after: 'image/webp',
    });
  });
});

describe('compareOutcomes', () => {
  it('lists only nominations whose eligibility changes under the new version', () => {
    const v1 = loadShippedDefinition('hangzhou-city-craftsman');
    const v2 = clone(v1);
    v2.version = 2;
    (v2.eligibility.rules[2] as { min: number }).min = 15;
    const base = {
      unionMember: true,
      inService: true,
      frontLine: true,
      cityStartDate: '2015-01-01',
      willingToMentor: true,
      employmentCategory: 'worker',
      industrySection: 'C',
      uniqueSkill: true,
    };
    const context = { referenceDate: '2024-06-30' };
    const items = [
      { nominationId: 'n-12y', dossier: { ...base, skillStartDate: '2012-01-01' }, context },
      { nominationId: 'n-20y', dossier: { ...base, skillStartDate: '2004-01-01' }, context },
    ];
    expect(compareOutcomes(compileDefinition(v1), compileDefinition(v2), items)).toEqual([
      {
        nominationId: 'n-12y',
        before: { eligible: true, directRecognition: false },
        after: { eligible: false, directRecognition: false },
        changedRules: ['years-in-skill'],
      },
    ]);
  });
});
