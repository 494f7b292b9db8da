// One selection problem: the candidates competing for places grouped into classes, with exact
// feasibility queries over them (feasibility.ts) and the deletion filter that names a minimal set of
// constraints behind an impossibility.
import type { ConstraintSet } from './constraint-set';
import { boundOf } from './constraint-set';
import { Feasibility } from './feasibility';
import type { SelectionCandidate } from './selection.types';

export interface PoolClass {
  sig: number;
  values: number[];
  /** Pool indices in merit order. */
  members: number[];
}

/** A constraint as the deletion filter sees it: an item of the feasibility model, or the DRs. */
export type RuleRef =
  | { kind: 'where'; index: number }
  | { kind: 'perValue'; index: number }
  | { kind: 'directRecognition' };

export class SelectionProblem {
  readonly classes: PoolClass[] = [];
  readonly classOf: number[] = [];
  /** Per per-value cap: the display value of each group. */
  readonly groupValues: string[][];
  readonly feasibility: Feasibility;
  /** Direct recognitions per class: seated whatever happens. */
  readonly recognised: number[];
  readonly available: number[];

  constructor(
    readonly cs: ConstraintSet,
    /** Competing candidates (eligible, above the score floor or directly recognised), ranked. */
    readonly pool: readonly SelectionCandidate[],
  ) {
    this.groupValues = cs.perValue.map(() => []);
    const groupIds = cs.perValue.map(() => new Map<unknown, number>());
    // Class lookup: signature, then the group of each per-value cap (no key strings per candidate).
    const lookup = new Map<number, unknown>();
    // Each candidate's groups are worked out in one scratch array, copied only for a new class.
    const values: number[] = Array.from({ length: cs.perValue.length }, () => 0);
    for (let i = 0; i < pool.length; i++) {
      const dossier = pool[i].dossier;
      let sig = 0;
      for (let j = 0; j < cs.where.length; j++) if (cs.where[j].matches(dossier)) sig |= 1 << j;
      let node = lookup as Map<number, unknown>;
      let key = sig;
      for (let f = 0; f < cs.perValue.length; f++) {
        const value = dossier[cs.perValue[f].field];
        let id = groupIds[f].get(value);
        if (id === undefined) {
          id = groupIds[f].size;
          groupIds[f].set(value, id);
          this.groupValues[f].push(String(value));
        }
        values[f] = id;
        let next = node.get(key) as Map<number, unknown> | undefined;
        if (!next) node.set(key, (next = new Map<number, unknown>()));
        node = next;
        key = id;
      }
      let c = node.get(key) as number | undefined;
      if (c === undefined) {
        c = this.classes.length;
        node.set(key, c);
        this.classes.push({ sig, values: [...values], members: [] });
      }
      this.classes[c].members.push(i);
      this.classOf.push(c);
    }
    this.feasibility = new Feasibility({
      classes: this.classes,
      where: cs.where.map((w) => ({ kind: w.kind, bound: (size: number) => boundOf(w, size) })),
      perValue: cs.perValue.map((p) => ({ maxCount: p.maxCount })),
    });
    this.recognised = this.classes.map(
      (c) => c.members.filter((i) => pool[i].directRecognition === true).length,
    );
    this.available = this.classes.map((c) => c.members.length);
  }

  get ruleRefs(): RuleRef[] {
    return [
      ...this.cs.where.map((_, index) => ({ kind: 'where' as const, index })),
      ...this.cs.perValue.map((_, index) => ({ kind: 'perValue' as const, index })),
      { kind: 'directRecognition' as const },
    ];
  }

  /** Class counts of a valid selection of exactly `size` with at least `lo`, or null. */
  find(
    size: number,
    lo: readonly number[],
    hi: readonly number[] = this.available,
    rules: readonly RuleRef[] = this.ruleRefs,
    override?: { item: number; bound: number },
  ): number[] | null {
    const active = Array.from({ length: this.feasibility.itemCount }, () => false);
    for (const r of rules) {
      if (r.kind === 'where') active[r.index] = true;
      if (r.kind === 'perValue') active[this.cs.where.length + r.index] = true;
    }
    const floorLo = rules.some((r) => r.kind === 'directRecognition')
      ? lo.map((l, c) => Math.max(l, this.recognised[c]))
      : lo;
    return this.feasibility.find({ size, lo: floorLo, hi, active, override });
  }

  /** The largest list size from `from` down to `to` with a valid selection, with its counts. */
  largest(
    from: number,
    to: number,
    rules: readonly RuleRef[] = this.ruleRefs,
    override?: { item: number; bound: number },
  ): { size: number; counts: number[] } | null {
    const none = this.classes.map(() => 0);
    for (let size = from; size >= to; size--) {
      const counts = this.find(size, none, this.available, rules, override);
      if (counts) return { size, counts };
    }
    return null;
  }

  /** A minimal subset of `rules` for which `impossible` still holds (deletion filter). */
  minimalConflict(
    rules: readonly RuleRef[],
    impossible: (rules: readonly RuleRef[]) => boolean,
  ): RuleRef[] {
    let kept = [...rules];
    for (const rule of rules) {
      const without = kept.filter((r) => r !== rule);
      if (impossible(without)) kept = without;
    }
    return kept;
  }
}
