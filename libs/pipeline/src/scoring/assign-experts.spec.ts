import * as fc from 'fast-check';
import { assignExperts, conflictKey, type AssignmentInput } from './assign-experts';

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

function loadsWithin(result: ReturnType<typeof assignExperts>, panel: readonly string[]) {
  if (!result.ok) return [];
  return panel.map((e) => result.loads[e] ?? 0);
}

/** What is wrong with an assignment: shortfalls not real, conflicts, wrong counts, imbalance. */
function problems(input: AssignmentInput, result: ReturnType<typeof assignExperts>): string[] {
  const out: string[] = [];
  const panel = input.panels.get('g')!;
  if (!result.ok) {
    // Only ever refused when some dossier really lacks unconflicted experts.
    for (const s of result.shortfalls) {
      if (s.available >= input.perDossier) out.push(`refused ${s.candidateId} needlessly`);
    }
    return out;
  }
  const per = new Map<string, Set<string>>();
  for (const a of result.assignments) {
    if (input.conflicts.has(conflictKey(a.expertId, a.candidateId)))
      out.push(`conflict ${a.expertId}`);
    per.set(a.candidateId, (per.get(a.candidateId) ?? new Set()).add(a.expertId));
  }
  for (const c of input.candidates) {
    if (per.get(c.id)?.size !== input.perDossier) out.push(`${c.id} has the wrong number`);
  }
  const loads = loadsWithin(result, panel);
  panel.forEach((hi, h) =>
    panel.forEach((lo, l) => {
      if (loads[h] - loads[l] <= 1) return;
      // Without conflicts loads never differ by more than one; with conflicts, only when no
      // dossier could move from the busier expert to the idler one.
      const movable =
        input.conflicts.size === 0 ||
        [...per].some(
          ([c, experts]) =>
            experts.has(hi) && !experts.has(lo) && !input.conflicts.has(conflictKey(lo, c)),
        );
      if (movable) out.push(`${hi} (${loads[h]}) vs ${lo} (${loads[l]})`);
    }),
  );
  return out;
}

describe('assignExperts', () => {
  it('gives each dossier its experts from its own group, balanced within one', () => {
    // 7 manufacturing dossiers × 3 = 21 assignments over 4 experts → loads 6, 5, 5, 5.
    const input: AssignmentInput = {
      candidates: [
        ...ids('m', 7).map((id) => ({ id, group: 'C' })),
        ...ids('s', 2).map((id) => ({ id, group: 'I' })),
      ],
      panels: new Map([
        ['C', ['c0', 'c1', 'c2', 'c3']],
        ['I', ['i0', 'i1', 'i2']],
      ]),
      conflicts: new Set(),
      perDossier: 3,
    };
    const result = assignExperts(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(loadsWithin(result, ['c0', 'c1', 'c2', 'c3']).toSorted()).toEqual([5, 5, 5, 6]);
    for (const a of result.assignments) {
      expect(a.expertId[0]).toBe(a.candidateId.startsWith('m') ? 'c' : 'i');
    }
  });

  it('reports every dossier with too few unconflicted experts and assigns nobody', () => {
    const result = assignExperts({
      candidates: [
        { id: 'a', group: 'C' },
        { id: 'b', group: 'C' },
        { id: 'z', group: 'X' },
      ],
      panels: new Map([['C', ['e0', 'e1', 'e2']]]),
      conflicts: new Set([conflictKey('e1', 'b')]),
      perDossier: 3,
    });
    expect(result).toEqual({
      ok: false,
      shortfalls: [
        {
          group: 'C',
          candidateId: 'b',
          needed: 3,
          available: 2,
          explanation: {
            zh: '候选人 b（C组）需要 3 名专家，无利益冲突的仅 2 名',
            en: 'candidate b (group C) needs 3 experts; only 2 are free of conflicts',
          },
        },
        expect.objectContaining({ group: 'X', candidateId: 'z', available: 0 }),
      ],
    });
  });

  it('is balanced within one, never conflicted and deterministic (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 3, max: 9 }),
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.tuple(fc.nat(8), fc.nat(29)), { maxLength: 12 }),
        (nCandidates, nExperts, perDossier, pairs) => {
          const panel = ids('e', nExperts);
          const conflicts = new Set(
            pairs.filter(([e]) => e < nExperts).map(([e, c]) => conflictKey(`e${e}`, `c${c}`)),
          );
          const input: AssignmentInput = {
            candidates: ids('c', nCandidates).map((id) => ({ id, group: 'g' })),
            panels: new Map([['g', panel]]),
            conflicts,
            perDossier,
          };
          const result = assignExperts(input);
          const shuffled = assignExperts({
            ...input,
            candidates: input.candidates.toReversed(),
            panels: new Map([['g', panel.toReversed()]]),
          });
          expect(shuffled).toEqual(result);
          expect(problems(input, result)).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
