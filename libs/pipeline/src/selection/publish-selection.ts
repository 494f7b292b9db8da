// The published list per tier: merit order, or surname-stroke order when the definition asks.
import type { ConstraintSet } from './constraint-set';
import { strokeCollation } from './rank-candidates';
import type { SelectedCandidate, SelectionCandidate } from './selection.types';

export function publishSelection(
  cs: ConstraintSet,
  pool: readonly SelectionCandidate[],
  selected: readonly SelectedCandidate[],
): { published: { tier: string; ids: string[] }[]; listCollation: string } {
  const { listOrder } = cs;
  const chosen = new Set(selected.map((s) => s.id));
  const byId = new Map(pool.filter((c) => chosen.has(c.id)).map((c) => [c.id, c]));
  const collation = listOrder.by === 'bySurnameStroke' ? strokeCollation() : undefined;
  const name = (id: string) => String(byId.get(id)?.dossier[listOrder.nameField ?? ''] ?? '');
  const published = cs.tiers.map((tier) => {
    const ids = selected.filter((s) => s.tier === tier.id).map((s) => s.id);
    if (collation) ids.sort((a, b) => collation.compare(name(a), name(b)) || (a < b ? -1 : 1));
    return { tier: tier.id, ids };
  });
  return { published, listCollation: collation?.collation ?? 'byScore' };
}
