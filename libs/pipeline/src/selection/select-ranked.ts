// The selection engine. Input: candidates in merit order and the rules; output: the best valid
// selection with a reason for every candidate, or a report of the rules that cannot all be met.
//
// "Best": among the selections meeting every rule (places, floors, caps, per-value caps, score
// floor, every direct recognition seated) that fill as many places as any of them can, the one that
// is best-first in merit order. Built exactly that way: fix the largest valid size, then walk the
// ranking and seat each candidate whenever a valid selection of that size still contains everyone
// seated so far plus them (an exact feasibility query, selection-problem.ts). Candidates of one
// class are interchangeable, so once one is refused every later member of the class is too, and a
// refusal that involves no per-value cap closes every class with the same signature.
import type { ConstraintSet } from './constraint-set';
import { boundOf } from './constraint-set';
import { explainInfeasibility } from './explain-infeasibility';
import { publishSelection } from './publish-selection';
import { type Named, reasons, reportText, tieNote } from './selection-reasons';
import { type RuleRef, SelectionProblem } from './selection-problem';
import type {
  CandidateReason,
  ConstraintReport,
  LeftOutCandidate,
  SelectedCandidate,
  SelectionCandidate,
  SelectionOutcome,
} from './selection.types';

/** Selects from candidates already in merit order (see rank-candidates.ts). Pure and deterministic. */
export function selectRanked(
  ranked: readonly SelectionCandidate[],
  cs: ConstraintSet,
): SelectionOutcome {
  // One slot per ranked candidate, so the left-out list keeps the ranking's order.
  const leftOut: (LeftOutCandidate | undefined)[] = Array.from({ length: ranked.length });
  const pool: SelectionCandidate[] = [];
  const poolSlot: number[] = [];
  const ineligible = reasons.ineligible();
  const belowFloor = new Map<number, CandidateReason>();
  ranked.forEach((c, slot) => {
    const score = c.score ?? null;
    if (c.eligible === false) {
      leftOut[slot] = { id: c.id, meritRank: null, score, reason: ineligible };
    } else if (!c.directRecognition && cs.scoreFloor !== null && (c.score ?? 0) < cs.scoreFloor) {
      const value = c.score ?? 0;
      let reason = belowFloor.get(value);
      if (!reason) belowFloor.set(value, (reason = reasons.belowScoreFloor(value, cs.scoreFloor)));
      leftOut[slot] = { id: c.id, meritRank: null, score, reason };
    } else {
      pool.push(c);
      poolSlot.push(slot);
    }
  });
  const problem = new SelectionProblem(cs, pool);
  const recognised = problem.recognised.reduce((a, b) => a + b, 0);
  const best = problem.largest(cs.places, recognised);
  if (!best) return explainInfeasibility(problem);

  const run = new Walk(problem, best.size, best.counts);
  const seated = run.walk();
  const selected: SelectedCandidate[] = [];
  let tier = 0;
  let inTier = 0;
  const floorsSkipped = new Set<string>();
  pool.forEach((c, i) => {
    const reason = run.reasons[i];
    if (!seated[i]) {
      if (reason.code === 'FLOOR_UNMEETABLE')
        reason.constraintIds.forEach((id) => floorsSkipped.add(id));
      leftOut[poolSlot[i]] = { id: c.id, meritRank: i + 1, score: c.score ?? null, reason };
      return;
    }
    while (inTier >= cs.tiers[tier].quota) [tier, inTier] = [tier + 1, 0];
    inTier++;
    const broughtBy = cs.where.find(
      (w) => w.kind === 'floor' && floorsSkipped.has(w.id) && w.matches(c.dossier),
    );
    selected.push({
      id: c.id,
      tier: cs.tiers[tier].id,
      position: selected.length + 1,
      meritRank: i + 1,
      score: c.score ?? null,
      reason: c.directRecognition
        ? reasons.directRecognition()
        : broughtBy
          ? reasons.floor(broughtBy, i + 1)
          : reasons.merit(i + 1),
    });
  });
  return {
    status: 'selected',
    places: cs.places,
    filled: best.size,
    selected,
    leftOut: leftOut.filter((c) => c !== undefined),
    constraints: reports(
      cs,
      pool.filter((_, i) => seated[i]),
    ),
    ...publishSelection(cs, pool, selected),
  };
}

/** The best-first walk down the ranking for a fixed list size. */
class Walk {
  readonly reasons: CandidateReason[] = [];
  private readonly lo: number[];
  private readonly hi: number[];
  private readonly closed = new Map<number, CandidateReason>();
  private readonly whereCount: number[];
  private readonly groupCount: number[][];
  private seatedCount = 0;
  private lastSeated = -1;

  constructor(
    private readonly p: SelectionProblem,
    private readonly size: number,
    private witness: number[],
  ) {
    this.lo = [...p.recognised];
    this.hi = [...p.available];
    this.whereCount = p.cs.where.map(() => 0);
    this.groupCount = p.cs.perValue.map((_, f) => p.groupValues[f].map(() => 0));
  }

  walk(): boolean[] {
    const { pool, classOf } = this.p;
    const seated = pool.map(() => false);
    pool.forEach((c, i) => {
      if (c.directRecognition) this.seat(i, seated);
    });
    pool.forEach((candidate, i) => {
      if (candidate.directRecognition) {
        this.reasons[i] = reasons.directRecognition();
        return;
      }
      const c = classOf[i];
      const refusal =
        this.seatedCount >= this.size
          ? this.fullReason(i)
          : (this.closed.get(c) ?? this.tryClass(c));
      if (refusal) this.reasons[i] = refusal;
      else {
        this.lo[c]++;
        this.seat(i, seated);
        this.reasons[i] = reasons.merit(i + 1);
      }
    });
    return seated;
  }

  private seat(i: number, seated: boolean[]): void {
    const cls = this.p.classes[this.p.classOf[i]];
    seated[i] = true;
    this.seatedCount++;
    this.lastSeated = Math.max(this.lastSeated, i);
    this.p.cs.where.forEach((_, j) => {
      if ((cls.sig >> j) & 1) this.whereCount[j]++;
    });
    cls.values.forEach((g, f) => this.groupCount[f][g]++);
  }

  /** Null when one more member of class c can be seated; otherwise why not (and c is closed). */
  private tryClass(c: number): CandidateReason | null {
    if (this.witness[c] > this.lo[c]) return null;
    const refusal = this.capRefusal(c) ?? this.query(c);
    if (refusal) {
      this.hi[c] = this.lo[c];
      this.closed.set(c, refusal);
    }
    return refusal;
  }

  /** A cap already at its bound among the seated. */
  private capRefusal(c: number): CandidateReason | null {
    const { cs, classes, groupValues } = this.p;
    const cls = classes[c];
    for (const [f, cap] of cs.perValue.entries()) {
      if (this.groupCount[f][cls.values[f]] >= cap.maxCount)
        return reasons.capReached(cap, cap.maxCount, groupValues[f][cls.values[f]]);
    }
    for (const [j, w] of cs.where.entries()) {
      const bound = boundOf(w, this.size);
      if (w.kind === 'cap' && (cls.sig >> j) & 1 && this.whereCount[j] >= bound)
        return reasons.capReached(w, bound);
    }
    return null;
  }

  private query(c: number): CandidateReason | null {
    const lo = [...this.lo];
    lo[c]++;
    const counts = this.p.find(this.size, lo, this.hi);
    if (counts) {
      this.witness = counts;
      return null;
    }
    const conflict = this.p.minimalConflict(
      this.p.ruleRefs.filter((r) => r.kind !== 'directRecognition'),
      (rules) => this.p.find(this.size, lo, this.hi, rules) === null,
    );
    const refusal = explainRefusal(this.p, conflict);
    // Without a per-value cap in the proof, every class of this signature is refused alike.
    if (conflict.every((r) => r.kind !== 'perValue')) {
      this.p.classes.forEach((other, k) => {
        if (other.sig === this.p.classes[c].sig && !this.closed.has(k)) {
          this.hi[k] = this.lo[k];
          this.closed.set(k, refusal);
        }
      });
    }
    return refusal;
  }

  private full: ((i: number) => CandidateReason) | undefined;

  private fullReason(i: number): CandidateReason {
    this.full ??= this.makeFullReason();
    return this.full(i);
  }

  private makeFullReason(): (i: number) => CandidateReason {
    const { cs, pool } = this.p;
    const last = this.lastSeated;
    if (this.size === cs.places) {
      const plain = reasons.quotaFull(cs.places, last + 1, null);
      return (i) => {
        const tie = tieNote(cs, pool[i], pool[last], last + 1);
        return tie ? reasons.quotaFull(cs.places, last + 1, tie) : plain;
      };
    }
    const rules = this.p.ruleRefs;
    const conflict = this.p.minimalConflict(
      rules,
      (subset) => this.p.largest(cs.places, this.size + 1, subset) === null,
    );
    const limiting = named(this.p, conflict);
    const reason = reasons.placesLimited(this.size, cs.places, limiting);
    return () => reason;
  }
}

function named(p: SelectionProblem, rules: readonly RuleRef[]): Named[] {
  return rules.flatMap((r): Named[] => {
    if (r.kind === 'where') return [p.cs.where[r.index]];
    if (r.kind === 'perValue') return [p.cs.perValue[r.index]];
    return [{ id: 'directRecognition', label: { zh: '直接认定', en: 'direct recognition' } }];
  });
}

function explainRefusal(p: SelectionProblem, conflict: readonly RuleRef[]): CandidateReason {
  const floors = conflict.flatMap((r) =>
    r.kind === 'where' && p.cs.where[r.index].kind === 'floor' ? [p.cs.where[r.index]] : [],
  );
  const caps = named(p, conflict).filter((n) => !floors.some((f) => f.id === n.id));
  return reasons.unmeetable(floors, caps);
}

function reports(cs: ConstraintSet, chosen: readonly SelectionCandidate[]): ConstraintReport[] {
  const size = chosen.length;
  const whereReports = cs.where.map((w): ConstraintReport => {
    const achieved = chosen.filter((c) => w.matches(c.dossier)).length;
    const bound = boundOf(w, size);
    const { id, kind, label } = w;
    return { id, kind, label, bound, achieved, met: true, reason: reportText(w, bound, achieved) };
  });
  const perValueReports = cs.perValue.map((cap): ConstraintReport => {
    const counts = new Map<unknown, number>();
    for (const c of chosen) {
      const v = c.dossier[cap.field];
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const achieved = Math.max(0, ...counts.values());
    const kind = 'capPerValue' as const;
    const text = reportText({ kind, label: cap.label }, cap.maxCount, achieved);
    return {
      id: cap.id,
      kind,
      label: cap.label,
      bound: cap.maxCount,
      achieved,
      met: true,
      reason: text,
    };
  });
  return [...whereReports, ...perValueReports];
}
