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
  // A selected candidate's merit rank is its place in the pool: no search of the whole pool.
  const byId = new Map(selected.map((s) => [s.id, pool[s.meritRank - 1]]));
  const collation = listOrder.by === 'bySurnameStroke' ? strokeCollation() : undefined;
  const name = (id: string) => String(byId.get(id)?.dossier[listOrder.nameField ?? ''] ?? '');
  const published = cs.tiers.map((tier) => {
    const ids = selected.filter((s) => s.tier === tier.id).map((s) => s.id);
    if (collation) ids.sort((a, b) => collation.compare(name(a), name(b)) || (a < b ? -1 : 1));
    return { tier: tier.id, ids };
  });
  return { published, listCollation: collation?.collation ?? 'byScore' };
}
