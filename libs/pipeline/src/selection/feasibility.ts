// Exact feasibility of a selection, over classes of interchangeable candidates.
//
// A class is a set of pool candidates that no constraint can tell apart: the same membership in every
// floor's and cap's `where` (the signature) and the same value of every per-value cap's field. A
// query asks: is there an integer count x[c] per class, lo[c] ≤ x[c] ≤ hi[c], adding up to exactly
// `size`, that meets every active floor and cap? (lo holds the candidates already seated.)
//
// Method. Each constraint is a family of disjoint sets of classes: a floor or cap one set (or, as the
// list size is fixed, its complement with the mirrored bound), a per-value cap one set per value.
// When the active constraints split into two laminar families (any two sets of a family are nested
// or disjoint), the constraint matrix is the incidence matrix of two laminar families, which is
// totally unimodular, and the problem is a flow with lower bounds: source → first family's tree
// (root = the whole list) → class arcs → second family's tree → sink. An integral feasible flow
// exists iff an integral selection does, so one max-flow answers exactly. Laminarity is checked on
// the pool's actual classes: a per-employer cap is laminar with an industry floor whenever every
// employer's candidates share one industry, as they do in practice.
// Constraints that fit neither family are left out of the flow and enforced by branch and bound on
// class bounds (exhaustive, hence still exact); every node is also checked against alternative
// flows that hold the left-out constraints instead, which prunes most branches at once.
//
// Reduction. With at most one per-value cap (bound m), only the first size + ⌊size/m⌋ + 1 open
// classes of each signature matter: in any selection one of them has room (at most `size` classes
// are full, at most ⌊size/m⌋ values are), and moving a seat from a later class of the same signature
// to it keeps every constraint, so later classes can be held at their lower bound.
import { FlowNetwork } from './flow-network';

export interface FeasibilityModel {
  /** sig: bit j set when the class matches where-constraint j; values[f]: its group under cap f. */
  classes: readonly { sig: number; values: readonly number[] }[];
  where: readonly { kind: 'floor' | 'cap'; bound: (size: number) => number }[];
  perValue: readonly { maxCount: number }[];
}

export interface FeasibilityQuery {
  size: number;
  lo: readonly number[];
  hi: readonly number[];
  /** Per item (where-constraints first, then per-value caps): whether it applies. */
  active: readonly boolean[];
  /** Replaces one item's bound (a floor's minimum or a cap's maximum), for "how many at most". */
  override?: { item: number; bound: number };
}

interface SetFamily {
  /** For each set: its item, its variant (0 the set, 1 the complement) and its parent set (-1 root). */
  sets: { item: number; variant: number; group: number; parent: number }[];
  /** Deepest set of each class, -1 for none. */
  deepest: Int32Array;
}

interface Relaxation {
  first: SetFamily;
  second: SetFamily;
  dropped: number[];
}

type Labeling = Int32Array;

export class Feasibility {
  private readonly labelings: Labeling[][] = [];
  private readonly laminarCache = new Map<string, boolean>();
  private readonly plans = new Map<string, Relaxation[]>();
  private readonly bySignature = new Map<number, number[]>();
  /** Per where-constraint: how many classes lie inside its set. */
  private readonly insideCount: number[];

  constructor(private readonly model: FeasibilityModel) {
    const n = model.classes.length;
    model.where.forEach((_, j) => {
      const inside = new Int32Array(n);
      const outside = new Int32Array(n);
      model.classes.forEach((c, i) => {
        const hit = (c.sig >> j) & 1;
        inside[i] = hit ? 0 : -1;
        outside[i] = hit ? -1 : 0;
      });
      this.labelings.push([inside, outside]);
    });
    model.perValue.forEach((_, f) =>
      this.labelings.push([Int32Array.from(model.classes, (c) => c.values[f])]),
    );
    this.insideCount = model.where.map(
      (_, j) => model.classes.filter((c) => (c.sig >> j) & 1).length,
    );
    model.classes.forEach((c, i) => {
      const list = this.bySignature.get(c.sig) ?? [];
      list.push(i);
      this.bySignature.set(c.sig, list);
    });
  }

  get itemCount(): number {
    return this.labelings.length;
  }

  /** Class counts of a selection meeting the query, or null when none exists. */
  find(query: FeasibilityQuery): number[] | null {
    const { size, active } = query;
    let lo = [...query.lo];
    let hi = query.hi.map((h, i) => Math.max(lo[i], Math.min(h, size)));
    if (lo.reduce((a, b) => a + b, 0) > size || hi.reduce((a, b) => a + b, 0) < size) return null;
    if (!this.degenerateSetsHold(query)) return null;
    hi = this.reduce(query, lo, hi);
    const relaxations = this.plan(active);
    const stack: { lo: number[]; hi: number[] }[] = [{ lo, hi }];
    while (stack.length > 0) {
      ({ lo, hi } = stack.pop()!);
      let solution: number[] | null = null;
      for (const r of relaxations) {
        const x = this.solveFlow(r, query, lo, hi);
        if (!x) {
          solution = null;
          break;
        }
        solution ??= x;
      }
      if (!solution) continue;
      const branch = this.branch(relaxations[0].dropped, query, solution, lo, hi);
      if (!branch) return solution;
      stack.push(...branch.toReversed());
    }
    return null;
  }

  /** A floor or cap whose set is empty or the whole pool has no set in the flow: check it here. */
  private degenerateSetsHold(query: FeasibilityQuery): boolean {
    const n = this.model.classes.length;
    return this.model.where.every((_, j) => {
      if (!query.active[j]) return true;
      const inside = this.insideCount[j];
      const [min, max] = this.bounds(j, 0, query);
      if (inside === 0) return min <= 0;
      return inside < n || (min <= query.size && query.size <= max);
    });
  }

  /** Holds later classes of each signature at their lower bound (see the reduction above). */
  private reduce(query: FeasibilityQuery, lo: number[], hi: number[]): number[] {
    const perValue = this.model.perValue.filter(
      (_, f) => query.active[this.model.where.length + f],
    );
    if (perValue.length > 1) return hi;
    const m = perValue.length === 1 ? perValue[0].maxCount : Infinity;
    const keep = query.size + (m === Infinity ? 0 : Math.floor(query.size / m)) + 1;
    const out = [...hi];
    for (const members of this.bySignature.values()) {
      let open = 0;
      for (const c of members) {
        if (hi[c] <= lo[c]) continue;
        if (open < keep) open++;
        else out[c] = lo[c];
      }
    }
    return out;
  }

  /** Child bounds for the first left-out constraint the flow's answer breaks, or null if none. */
  private branch(
    dropped: readonly number[],
    query: FeasibilityQuery,
    x: readonly number[],
    lo: number[],
    hi: number[],
  ): { lo: number[]; hi: number[] }[] | null {
    for (const item of dropped) {
      for (const [members, min, max] of this.itemSets(item, query)) {
        const count = members.reduce((a, c) => a + x[c], 0);
        if (count < min) {
          if (members.reduce((a, c) => a + hi[c], 0) < min) return [];
          const c = members.find((k) => x[k] < hi[k])!;
          return [
            { lo: with1(lo, c, x[c] + 1), hi },
            { lo, hi: with1(hi, c, x[c]) },
          ];
        }
        if (count > max) {
          if (members.reduce((a, c) => a + lo[c], 0) > max) return [];
          const c = members.find((k) => x[k] > lo[k])!;
          return [
            { lo, hi: with1(hi, c, x[c] - 1) },
            { lo: with1(lo, c, x[c]), hi },
          ];
        }
      }
    }
    return null;
  }

  /** The sets of an item (variant 0) with their [min, max] for this query. */
  private itemSets(item: number, query: FeasibilityQuery): [number[], number, number][] {
    const labels = this.labelings[item][0];
    const groups = new Map<number, number[]>();
    labels.forEach((g, c) => {
      if (g < 0) return;
      const list = groups.get(g) ?? [];
      list.push(c);
      groups.set(g, list);
    });
    const [min, max] = this.bounds(item, 0, query);
    return [...groups.values()].map((members) => [members, min, max]);
  }

  private bounds(item: number, variant: number, query: FeasibilityQuery): [number, number] {
    const { size, override } = query;
    const where = this.model.where[item];
    if (!where) {
      const m = this.model.perValue[item - this.model.where.length].maxCount;
      return [0, override?.item === item ? override.bound : m];
    }
    const bound = override?.item === item ? override.bound : where.bound(size);
    if (where.kind === 'floor') return variant === 0 ? [bound, Infinity] : [0, size - bound];
    return variant === 0 ? [0, bound] : [Math.max(0, size - bound), Infinity];
  }

  private solveFlow(
    r: Relaxation,
    query: FeasibilityQuery,
    lo: readonly number[],
    hi: readonly number[],
  ): number[] | null {
    const SOURCE = 0;
    const SINK = 1;
    const ROOT = 2;
    const net = new FlowNetwork(3 + r.first.sets.length + r.second.sets.length);
    const firstNode = (s: number) => (s < 0 ? ROOT : 3 + s);
    const secondNode = (s: number) => (s < 0 ? SINK : 3 + r.first.sets.length + s);
    net.addArc(SINK, SOURCE, 0, Infinity);
    net.addArc(SOURCE, ROOT, query.size, query.size);
    r.first.sets.forEach((set, i) => {
      const [min, max] = this.bounds(set.item, set.variant, query);
      net.addArc(firstNode(set.parent), firstNode(i), min, max);
    });
    r.second.sets.forEach((set, i) => {
      const [min, max] = this.bounds(set.item, set.variant, query);
      net.addArc(secondNode(i), secondNode(set.parent), min, max);
    });
    const arcs: number[] = [];
    for (let c = 0; c < lo.length; c++) {
      if (hi[c] === 0) continue;
      arcs[c] = net.addArc(
        firstNode(r.first.deepest[c]),
        secondNode(r.second.deepest[c]),
        lo[c],
        hi[c],
      );
    }
    if (!net.solve()) return null;
    return lo.map((_, c) => (arcs[c] === undefined ? 0 : net.flowOn(arcs[c])));
  }

  // ---- Which constraints go into which laminar family ----

  private plan(active: readonly boolean[]): Relaxation[] {
    const key = active.map(Number).join('');
    const cached = this.plans.get(key);
    if (cached) return cached;
    const items = active.flatMap((on, i) => (on ? [i] : []));
    const primary = this.assign(items, -1);
    const relaxations = [primary];
    for (const d of primary.dropped) {
      const alternative = this.assign(items, d);
      if (!alternative.dropped.includes(d)) relaxations.push(alternative);
    }
    this.plans.set(key, relaxations);
    return relaxations;
  }

  /** Assignment of items to two laminar families dropping as few as possible (`keep` never). */
  private assign(items: readonly number[], keep: number): Relaxation {
    type Choice = { item: number; variant: number; family: 0 | 1 } | null;
    let best: Choice[] | null = null;
    let bestDropped = Infinity;
    const chosen: Choice[] = [];
    const visit = (k: number, dropped: number) => {
      if (dropped >= bestDropped) return;
      if (k === items.length) {
        best = [...chosen];
        bestDropped = dropped;
        return;
      }
      const item = items[k];
      for (const family of [0, 1] as const) {
        for (let variant = 0; variant < this.labelings[item].length; variant++) {
          const fits = chosen.every(
            (c) => !c || c.family !== family || this.laminar(c.item, c.variant, item, variant),
          );
          if (!fits) continue;
          chosen.push({ item, variant, family });
          visit(k + 1, dropped);
          chosen.pop();
        }
      }
      if (item !== keep) {
        chosen.push(null);
        visit(k + 1, dropped + 1);
        chosen.pop();
      }
    };
    visit(0, 0);
    const choices: Choice[] = best ?? items.map(() => null);
    const pick = (family: 0 | 1) =>
      choices.flatMap((c) => (c && c.family === family ? [[c.item, c.variant] as const] : []));
    return {
      first: this.family(pick(0)),
      second: this.family(pick(1)),
      dropped: items.filter((_, k) => !choices[k]),
    };
  }

  private laminar(a: number, va: number, b: number, vb: number): boolean {
    const key = `${a}.${va}/${b}.${vb}`;
    let result = this.laminarCache.get(key);
    if (result === undefined) {
      result = laminarPair(this.labelings[a][va], this.labelings[b][vb]);
      this.laminarCache.set(key, result);
      this.laminarCache.set(`${b}.${vb}/${a}.${va}`, result);
    }
    return result;
  }

  /** The forest of a laminar family: parents found by visiting sets from the largest down. */
  private family(members: readonly (readonly [number, number])[]): SetFamily {
    const n = this.model.classes.length;
    const raw: { item: number; variant: number; group: number; classes: number[] }[] = [];
    members.forEach(([item, variant]) => {
      const groups = new Map<number, number[]>();
      this.labelings[item][variant].forEach((g, c) => {
        if (g < 0) return;
        const list = groups.get(g) ?? [];
        list.push(c);
        groups.set(g, list);
      });
      for (const [group, classes] of groups) raw.push({ item, variant, group, classes });
    });
    const order = raw
      .map((_, i) => i)
      .toSorted((x, y) => raw[y].classes.length - raw[x].classes.length);
    const deepest = new Int32Array(n).fill(-1);
    const sets: SetFamily['sets'] = [];
    for (const i of order) {
      const { item, variant, group, classes } = raw[i];
      sets.push({ item, variant, group, parent: deepest[classes[0]] });
      for (const c of classes) deepest[c] = sets.length - 1;
    }
    return { sets, deepest };
  }
}

function with1(values: readonly number[], index: number, value: number): number[] {
  const copy = [...values];
  copy[index] = value;
  return copy;
}

/** Two disjoint-set labelings are laminar when every pair of sets is nested or disjoint. */
function laminarPair(p: Labeling, q: Labeling): boolean {
  const width = Math.max(0, ...q) + 1;
  const sizeP = new Map<number, number>();
  const sizeQ = new Map<number, number>();
  const both = new Map<number, number>();
  for (let c = 0; c < p.length; c++) {
    if (p[c] >= 0) sizeP.set(p[c], (sizeP.get(p[c]) ?? 0) + 1);
    if (q[c] >= 0) sizeQ.set(q[c], (sizeQ.get(q[c]) ?? 0) + 1);
    if (p[c] >= 0 && q[c] >= 0) {
      const key = p[c] * width + q[c];
      both.set(key, (both.get(key) ?? 0) + 1);
    }
  }
  for (const [key, count] of both) {
    const a = Math.floor(key / width);
    if (count !== sizeP.get(a) && count !== sizeQ.get(key - a * width)) return false;
  }
  return true;
}
