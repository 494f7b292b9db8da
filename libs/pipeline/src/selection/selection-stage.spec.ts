import type { PipelineDefinition, ShortlistStage } from '../definition/definition.types';
import { validateDefinition } from '../definition/validate-definition';
import { fixtureDefinition, text } from '../testing/definition.fixture';
import { stageKindOf } from '../workflow/stage-kinds';
import { selectCandidates } from './select-candidates';
import {
  SHORTLIST_TIER,
  scoresStageOf,
  selectionDefinitionOf,
  selectionVerdicts,
} from './selection-stage';
import type { SelectionCandidate } from './selection.types';
import { whatIf } from './what-if';

const opts = { referenceDate: '2024-06-30' };

const shortlist: ShortlistStage = {
  id: 'shortlist',
  kind: 'shortlist',
  label: text('初选', 'shortlist'),
  owner: 'secretariat',
  total: 3,
  constraints: [
    {
      id: 'manufacturing',
      kind: 'floor',
      label: text('制造业至少 2 人', 'at least 2 from manufacturing'),
      minCount: 2,
      where: {
        id: 'c',
        kind: 'field',
        label: text('行业', 'industry'),
        field: 'industrySection',
        equals: 'C',
      },
    },
  ],
};

function pipeline(): PipelineDefinition {
  const def = fixtureDefinition({ quotas: [1, 1] });
  def.stages.push(
    {
      id: 'scoring',
      kind: 'expertScoring',
      label: text('专家评审', 'expert scoring'),
      owner: 'experts',
      aggregation: { method: 'mean' },
      rubric: {
        maxScore: 100,
        criteria: [
          {
            id: 'skill',
            label: text('技能', 'skill'),
            maxPoints: 100,
            items: [{ id: 'j', kind: 'judged', label: text('评分', 'mark'), maxPoints: 100 }],
          },
        ],
      },
    },
    structuredClone(shortlist),
    { id: 'selection', kind: 'selection', label: text('遴选', 'selection'), owner: 'secretariat' },
  );
  return def;
}

const pool: SelectionCandidate[] = [
  { id: 'i1', score: 95, dossier: { industrySection: 'I' } },
  { id: 'i2', score: 90, dossier: { industrySection: 'I' } },
  { id: 'c1', score: 80, dossier: { industrySection: 'C' } },
  { id: 'c2', score: 70, dossier: { industrySection: 'C' } },
];

describe('selection and shortlist stages', () => {
  it('are stage kinds the definition schema accepts, a shortlist needing its total', () => {
    expect(validateDefinition(pipeline()).ok).toBe(true);
    const bad = pipeline();
    delete (bad.stages.find((s) => s.id === 'shortlist') as Partial<ShortlistStage>).total;
    const checked = validateDefinition(bad);
    expect(checked.ok).toBe(false);
    expect(checked.ok ? [] : checked.errors.map((e) => e.path)).toContain('/stages/2/total');
  });

  it('refuses a selecting stage with no scoring stage before it, and a shortlist rule on an unknown field', () => {
    const def = pipeline();
    (def.stages[2] as ShortlistStage).scoresFrom = 'nowhere';
    const floor = (def.stages[2] as ShortlistStage).constraints![0];
    if (floor.kind === 'floor' && floor.where.kind === 'field') floor.where.field = 'unknownField';
    const checked = validateDefinition(def);
    expect(checked.ok ? [] : checked.errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(['/stages/2/scoresFrom', '/stages/2/constraints/0/where/field']),
    );
  });

  it('takes scores from the nearest scoring stage before them', () => {
    const def = pipeline();
    expect(scoresStageOf(def, shortlist)?.id).toBe('scoring');
    expect(scoresStageOf(def, { ...shortlist, scoresFrom: 'elsewhere' })).toBeNull();
  });

  it('cuts a shortlist under its own rules: a floor brings in the manufacturing candidates', () => {
    const def = selectionDefinitionOf(pipeline(), shortlist);
    const outcome = selectCandidates(def, pool, opts);
    expect(outcome.status).toBe('selected');
    if (outcome.status !== 'selected') return;
    expect(outcome.selected.map((s) => [s.id, s.tier])).toEqual([
      ['i1', SHORTLIST_TIER],
      ['c1', SHORTLIST_TIER],
      ['c2', SHORTLIST_TIER],
    ]);
    const verdicts = selectionVerdicts(outcome);
    expect(verdicts.get('c2')).toMatchObject({ status: 'passed', tier: SHORTLIST_TIER });
    const out = verdicts.get('i2')!;
    expect(out.status).toBe('failed');
    expect(out.reason.constraintIds).toEqual(['manufacturing']);
    expect(out.explanation.code).toBe(`selection.${out.reason.code}`);
    expect(out.explanation.zh).toBe(out.reason.text.zh);
  });

  it("lets a what-if change the shortlist's own floor", () => {
    const def = selectionDefinitionOf(pipeline(), shortlist);
    const result = whatIf(def, pool, { constraints: { manufacturing: null } }, opts);
    expect(result.diff.entering.map((e) => e.id)).toEqual(['i2']);
    expect(result.diff.leaving.map((l) => l.id)).toEqual(['c2']);
  });

  it('passes the selected and fails the rest on close, with the verdict the runner hands in', () => {
    const kind = stageKindOf(shortlist);
    expect(kind.mode).toBe('selects');
    expect(kind.tasksOnEnter(shortlist)).toEqual([]);
    const pending = kind.outcome(shortlist, [], { timedOut: false });
    expect(pending.status).toBe('pending');
    const verdict = {
      status: 'passed' as const,
      explanation: { code: 'selection.MERIT', zh: '择优', en: 'merit' },
    };
    expect(kind.onClose(shortlist, pending, { forced: false, verdict })).toEqual(verdict);
    expect(kind.onClose(shortlist, pending, { forced: false }).status).toBe('failed');
  });
});
