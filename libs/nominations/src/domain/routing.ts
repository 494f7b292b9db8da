import type { Organisation } from '@craftcert/identity';
import type { NominationChannel, RoutingHop } from '@craftcert/pipeline';
import { DomainError } from '@craftcert/platform';

/** Where a nomination stands after a hop: still on its way at a hop, or arrived. */
export type Stop = { status: 'submitted'; hop: number } | { status: 'forwarded'; hop: number };

/** The secretariat collecting the channel's nominations is where they arrive, not a hop that acts. */
const arrives = (hop: RoutingHop): boolean => hop.roles.includes('secretariat');

/**
 * The first stop from hop `from` on: the hop itself unless the nomination has arrived (past the
 * last hop, or at the secretariat). Every hop in between acts; none is ever skipped.
 */
export function stopFrom(channel: NominationChannel, from: number): Stop {
  const hops = channel.routing ?? [];
  if (from >= hops.length || arrives(hops[from])) return { status: 'forwarded', hop: from };
  return { status: 'submitted', hop: from };
}

/** Whether hop `index` ranks what it holds before forwarding (`rankingRequired` = the first hop). */
export function hopRanks(channel: NominationChannel, index: number): boolean {
  const hop = channel.routing?.[index];
  return (
    hop !== undefined && (hop.ranks === true || (index === 0 && channel.rankingRequired === true))
  );
}

/**
 * The organisation that acts at a hop for a unit: the nearest on the unit's chain upwards (the
 * unit itself first) whose kind the hop names, or undefined when the chain has none.
 */
export function hopHolder(
  hop: RoutingHop,
  chain: readonly Pick<Organisation, 'id' | 'kind'>[],
): Pick<Organisation, 'id' | 'kind'> | undefined {
  return chain.find((o) => hop.roles.includes(o.kind));
}

/**
 * Refuses a submission whose channel routes through a kind of organisation the unit has none of
 * above it (say a street union hop for an enterprise directly under a district union): such a
 * hop would otherwise be silently skipped, or hold the nomination forever.
 */
export function requireCompleteChain(
  channel: NominationChannel,
  chain: readonly Pick<Organisation, 'id' | 'kind' | 'name'>[],
): void {
  const hops = channel.routing ?? [];
  for (let i = 0; i < hops.length && stopFrom(channel, i).status === 'submitted'; i++) {
    if (!hopHolder(hops[i], chain)) {
      throw new DomainError(
        'INVALID_TRANSITION',
        `No ${hops[i].roles.join(' or ')} above ${chain[0]?.name ?? 'the unit'} for the routing hop "${hops[i].id}" (${hops[i].label.en}); ask the secretariat to place the unit in the hierarchy`,
      );
    }
  }
}

/** Refuses an act at the nomination's current hop by anyone but the organisation holding it. */
export function requireHopHolder(
  channel: NominationChannel,
  index: number,
  actor: Pick<Organisation, 'id' | 'kind'>,
  chain: readonly Pick<Organisation, 'id' | 'kind'>[],
): RoutingHop {
  const hop = channel.routing?.[index];
  const holder = hop ? hopHolder(hop, chain) : undefined;
  if (!hop || holder?.id !== actor.id) {
    throw new DomainError(
      'FORBIDDEN',
      hop
        ? `The nomination is at "${hop.id}" (${hop.label.en}); only the ${hop.roles.join(' or ')} holding it acts on it`
        : 'The nomination is at no routing hop',
    );
  }
  return hop;
}
