// Assigns experts to dossiers: each dossier gets `perDossier` experts from its group's panel, never a
// conflicted one, with workloads inside a panel differing by at most one where conflicts allow, and
// the same result for the same input. Too few unconflicted experts is reported, never half-assigned.
import type { LocalizedText } from '../definition/definition.types';

export interface AssignmentCandidate {
  id: string;
  /** The value of the definition's panelsBy field ('' when the stage has one panel). */
  group: string;
}

export interface AssignmentInput {
  candidates: readonly AssignmentCandidate[];
  /** Expert ids per group (the members of that group's expert-panel organisations). */
  panels: ReadonlyMap<string, readonly string[]>;
  /** Declared conflicts as `${expertId}/${candidateId}`. */
  conflicts: ReadonlySet<string>;
  perDossier: number;
}

export interface ExpertAssignment {
  candidateId: string;
  expertId: string;
  group: string;
}

export interface AssignmentShortfall {
  group: string;
  candidateId: string;
  needed: number;
  available: number;
  explanation: LocalizedText;
}

export type AssignmentResult =
  | { ok: true; assignments: ExpertAssignment[]; loads: Record<string, number> }
  | { ok: false; shortfalls: AssignmentShortfall[] };

export const conflictKey = (expertId: string, candidateId: string) => `${expertId}/${candidateId}`;

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function shortfalls(input: AssignmentInput): AssignmentShortfall[] {
  const out: AssignmentShortfall[] = [];
  for (const c of input.candidates.toSorted((a, b) => byId(a.id, b.id))) {
    const panel = input.panels.get(c.group) ?? [];
    const available = panel.filter((e) => !input.conflicts.has(conflictKey(e, c.id))).length;
    if (available < input.perDossier) {
      const group = c.group || '—';
      out.push({
        group: c.group,
        candidateId: c.id,
        needed: input.perDossier,
        available,
        explanation: {
          zh: `候选人 ${c.id}（${group}组）需要 ${input.perDossier} 名专家，无利益冲突的仅 ${available} 名`,
          en: `candidate ${c.id} (group ${group}) needs ${input.perDossier} experts; only ${available} are free of conflicts`,
        },
      });
    }
  }
  return out;
}

/** Greedy by (load, id), then moves that narrow the gap until loads differ by at most one. */
function assignGroup(
  candidates: readonly string[],
  panel: readonly string[],
  input: AssignmentInput,
): Map<string, Set<string>> {
  const load = new Map(panel.map((e) => [e, 0]));
  const chosen = new Map<string, Set<string>>();
  for (const c of candidates) {
    const picks = panel
      .filter((e) => !input.conflicts.has(conflictKey(e, c)))
      .toSorted((a, b) => load.get(a)! - load.get(b)! || byId(a, b))
      .slice(0, input.perDossier);
    for (const e of picks) load.set(e, load.get(e)! + 1);
    chosen.set(c, new Set(picks));
  }
  // Conflicts can leave the greedy pass unbalanced: move one dossier at a time from the busiest
  // expert to the idlest one free to take it. Each move lowers the sum of squared loads, so it ends.
  for (;;) {
    const order = panel.toSorted((a, b) => load.get(a)! - load.get(b)! || byId(a, b));
    const [idle, busy] = [order[0], order.at(-1)!];
    if (load.get(busy)! - load.get(idle)! <= 1) break;
    let moved = false;
    for (const hi of order.toReversed()) {
      if (load.get(hi)! - load.get(idle)! <= 1) break;
      for (const lo of order) {
        if (load.get(hi)! - load.get(lo)! <= 1) break;
        const c = candidates.find(
          (id) =>
            chosen.get(id)!.has(hi) &&
            !chosen.get(id)!.has(lo) &&
            !input.conflicts.has(conflictKey(lo, id)),
        );
        if (c === undefined) continue;
        chosen.get(c)!.delete(hi);
        chosen.get(c)!.add(lo);
        load.set(hi, load.get(hi)! - 1);
        load.set(lo, load.get(lo)! + 1);
        moved = true;
        break;
      }
      if (moved) break;
    }
    if (!moved) break;
  }
  return chosen;
}

export function assignExperts(input: AssignmentInput): AssignmentResult {
  const missing = shortfalls(input);
  if (missing.length > 0) return { ok: false, shortfalls: missing };
  const groups = new Map<string, string[]>();
  for (const c of input.candidates) {
    const list = groups.get(c.group);
    if (list) list.push(c.id);
    else groups.set(c.group, [c.id]);
  }
  const assignments: ExpertAssignment[] = [];
  const loads: Record<string, number> = {};
  for (const group of [...groups.keys()].toSorted(byId)) {
    const panel = [...new Set(input.panels.get(group) ?? [])].toSorted(byId);
    const chosen = assignGroup(groups.get(group)!.toSorted(byId), panel, input);
    for (const [candidateId, experts] of chosen) {
      for (const expertId of [...experts].toSorted(byId)) {
        assignments.push({ candidateId, expertId, group });
        loads[expertId] = (loads[expertId] ?? 0) + 1;
      }
    }
  }
  return { ok: true, assignments, loads };
}
