// The first, greedy quota check, kept only as the benchmark baseline for the exact selection
// (select-candidates.ts). It can leave out a higher-ranked candidate although another choice meets
// every rule (two overlapping floors), and may report a floor as unmet. Algorithm:
//  1. Drop ineligible candidates and, except direct recognitions, those below the score floor.
//  2. Sort by merit (direct recognition, score, tie-breakers, id).
//  3. Seat direct recognitions first (they count towards quotas and caps but are never held back).
//  4. Reserve places for each diversity floor, taking its best-ranked matching candidates that
//     break no cap; a floor that cannot be filled is reported as unmet.
//  5. Fill the remaining places in merit order, skipping candidates that would break a cap.
//  6. Assign tiers in merit order: the first quota of the first tier, then the next tier…
// Shares are taken of the places that can actually be filled: min(capacity, candidates left).
import type {
  LocalizedText,
  PipelineDefinition,
  SelectionConstraint,
} from '../definition/definition.types';
import { compileCondition } from '../rules/compile-definition';
import { meritComparator, strokeCollation } from './rank-candidates';
import type { SelectionCandidate } from './selection.types';

type SkipCode = 'INELIGIBLE' | 'BELOW_SCORE_FLOOR' | 'CAP_REACHED' | 'QUOTA_FULL';

interface SelectedCandidate {
  id: string;
  tier: string;
  rank: number;
  score: number | null;
  via: 'directRecognition' | 'floor' | 'merit';
  floorId: string | null;
}

interface SkippedCandidate {
  id: string;
  code: SkipCode;
  constraintId: string | null;
  reason: LocalizedText;
}

interface ConstraintReport {
  id: string;
  kind: 'floor' | 'cap' | 'capPerValue';
  bound: number;
  achieved: number;
  met: boolean;
  reason: LocalizedText;
}

export interface GreedySelectionResult {
  capacity: number;
  selected: SelectedCandidate[];
  skipped: SkippedCandidate[];
  constraints: ConstraintReport[];
  published: { tier: string; ids: string[] }[];
  listCollation: string;
}

interface Tracker {
  constraint: SelectionConstraint;
  bound: number;
  matches: (c: SelectionCandidate) => boolean;
  count: number;
  perValue: Map<unknown, number>;
}

function makeTrackers(def: PipelineDefinition, pool: number, referenceDate: string): Tracker[] {
  return (def.selection.constraints ?? []).map((constraint) => {
    const base = { constraint, count: 0, perValue: new Map<unknown, number>() };
    if (constraint.kind === 'capPerValue')
      return { ...base, bound: constraint.maxCount, matches: () => true };
    const cond = compileCondition(def, constraint.where);
    const matches = (c: SelectionCandidate) => cond(c.dossier, { referenceDate });
    const bound =
      constraint.kind === 'floor'
        ? Math.max(constraint.minCount ?? 0, Math.ceil((constraint.minShare ?? 0) * pool))
        : Math.min(constraint.maxCount ?? Infinity, Math.floor((constraint.maxShare ?? 1) * pool));
    return { ...base, bound, matches };
  });
}

/** The first cap that seating this candidate would break, if any. */
function blockingCap(trackers: Tracker[], c: SelectionCandidate): Tracker | undefined {
  return trackers.find((t) => {
    if (t.constraint.kind === 'cap') return t.matches(c) && t.count + 1 > t.bound;
    if (t.constraint.kind === 'capPerValue') {
      return (t.perValue.get(c.dossier[t.constraint.field]) ?? 0) + 1 > t.bound;
    }
    return false;
  });
}

function seat(trackers: Tracker[], c: SelectionCandidate): void {
  for (const t of trackers) {
    if (t.constraint.kind === 'capPerValue') {
      const v = c.dossier[t.constraint.field];
      const n = (t.perValue.get(v) ?? 0) + 1;
      t.perValue.set(v, n);
      t.count = Math.max(t.count, n);
    } else if (t.matches(c)) t.count++;
  }
}

function report(t: Tracker): ConstraintReport {
  const { id, kind, label } = t.constraint;
  const met = kind === 'floor' ? t.count >= t.bound : t.count <= t.bound;
  const reason: LocalizedText =
    kind === 'floor'
      ? {
          zh: `「${label.zh}」要求至少 ${t.bound} 人，入选 ${t.count} 人${met ? '' : '，未能满足'}`,
          en: `"${label.en}" needs at least ${t.bound}, ${t.count} selected${met ? '' : ' — not met'}`,
        }
      : {
          zh: `「${label.zh}」上限 ${t.bound} 人，实际 ${t.count} 人${met ? '' : '（直接认定超出）'}`,
          en: `"${label.en}" allows ${t.bound}, ${t.count} selected${met ? '' : ' (exceeded by direct recognition)'}`,
        };
  return { id, kind, bound: t.bound, achieved: t.count, met, reason };
}

function skip(
  c: SelectionCandidate,
  code: SkippedCandidate['code'],
  reason: LocalizedText,
  constraintId: string | null = null,
): SkippedCandidate {
  return { id: c.id, code, constraintId, reason };
}

/** Applies score floor, quotas and diversity floors/caps; see the algorithm at the top of the file. */
export function selectCandidatesGreedy(
  definition: PipelineDefinition,
  candidates: readonly SelectionCandidate[],
  options: { referenceDate: string },
): GreedySelectionResult {
  const { selection, tiers } = definition;
  const capacity = Math.min(
    selection.total,
    tiers.reduce((s, t) => s + t.quota, 0),
  );
  const floor = selection.scoreFloor ?? -Infinity;
  const skipped: SkippedCandidate[] = [];
  const pool: SelectionCandidate[] = [];
  for (const c of candidates) {
    if (c.eligible === false)
      skipped.push(skip(c, 'INELIGIBLE', { zh: '不符合参评资格', en: 'not eligible' }));
    else if (!c.directRecognition && !((c.score ?? -Infinity) >= floor)) {
      const s =
        c.score === undefined
          ? { zh: '无得分', en: 'no score' }
          : { zh: `得分 ${c.score}`, en: `score ${c.score}` };
      skipped.push(
        skip(c, 'BELOW_SCORE_FLOOR', {
          zh: `${s.zh}，低于最低分 ${floor}`,
          en: `${s.en} is below the floor of ${floor}`,
        }),
      );
    } else pool.push(c);
  }
  pool.sort(meritComparator(definition));
  const trackers = makeTrackers(definition, Math.min(capacity, pool.length), options.referenceDate);
  const seated = new Map<string, { via: SelectedCandidate['via']; floorId: string | null }>();
  const take = (
    c: SelectionCandidate,
    via: SelectedCandidate['via'],
    floorId: string | null = null,
  ) => {
    seated.set(c.id, { via, floorId });
    seat(trackers, c);
  };

  for (const c of pool)
    if (c.directRecognition && seated.size < capacity) take(c, 'directRecognition');
  for (const t of trackers) {
    if (t.constraint.kind !== 'floor') continue;
    for (const c of pool) {
      if (t.count >= t.bound || seated.size >= capacity) break;
      if (!seated.has(c.id) && t.matches(c) && !blockingCap(trackers, c))
        take(c, 'floor', t.constraint.id);
    }
  }
  for (const c of pool) {
    if (seated.has(c.id)) continue;
    const cap = seated.size < capacity ? blockingCap(trackers, c) : undefined;
    if (seated.size >= capacity) {
      skipped.push(
        skip(c, 'QUOTA_FULL', {
          zh: `名额已满（共 ${capacity} 名）`,
          en: `all ${capacity} places are filled`,
        }),
      );
    } else if (cap) {
      const { id, label } = cap.constraint;
      skipped.push(
        skip(
          c,
          'CAP_REACHED',
          { zh: `受「${label.zh}」限制`, en: `held back by "${label.en}"` },
          id,
        ),
      );
    } else take(c, 'merit');
  }

  const order = pool.filter((c) => seated.has(c.id));
  const selected: SelectedCandidate[] = [];
  let tierIndex = 0;
  let inTier = 0;
  order.forEach((c, i) => {
    while (inTier >= tiers[tierIndex].quota) [tierIndex, inTier] = [tierIndex + 1, 0];
    inTier++;
    const { via, floorId } = seated.get(c.id)!;
    selected.push({
      id: c.id,
      tier: tiers[tierIndex].id,
      rank: i + 1,
      score: c.score ?? null,
      via,
      floorId,
    });
  });
  return {
    capacity,
    selected,
    skipped,
    constraints: trackers.map(report),
    ...publish(definition, order, selected),
  };
}

function publish(
  definition: PipelineDefinition,
  order: SelectionCandidate[],
  selected: SelectedCandidate[],
) {
  const { listOrder } = definition.selection;
  const byId = new Map(order.map((c) => [c.id, c]));
  const collation = listOrder.by === 'bySurnameStroke' ? strokeCollation() : undefined;
  const name = (id: string) => String(byId.get(id)!.dossier[listOrder.nameField ?? ''] ?? '');
  const published = definition.tiers.map((tier) => {
    const ids = selected.filter((s) => s.tier === tier.id).map((s) => s.id);
    if (collation) ids.sort((a, b) => collation.compare(name(a), name(b)) || (a < b ? -1 : 1));
    return { tier: tier.id, ids };
  });
  return { published, listCollation: collation?.collation ?? 'byScore' };
}
