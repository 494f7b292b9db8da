import type { Endorsement, NominationChannel } from '@craftcert/pipeline';
import { DomainError } from '@craftcert/platform';

/** An endorsement as recorded on a nomination. */
export interface RecordedEndorsement {
  endorsementId: string;
  kind: Endorsement['kind'];
  startsOn: string | null;
  endsOn: string | null;
  body: string | null;
  meetingOn: string | null;
  evidenceId: string | null;
}

/** The day after `date` (YYYY-MM-DD), in plain calendar arithmetic. */
export function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/**
 * Why the nomination cannot go on yet, or undefined when every endorsement its channel asks for
 * is recorded, each file it names is attached, and the in-unit notice has ended by `today`.
 */
export function endorsementBlock(
  channel: NominationChannel,
  recorded: readonly RecordedEndorsement[],
  evidenceCounts: ReadonlyMap<string, number>,
  today: string,
): string | undefined {
  const byId = new Map(recorded.map((r) => [r.endorsementId, r]));
  for (const e of channel.endorsements ?? []) {
    const r = byId.get(e.id);
    const name = `"${e.id}" (${e.label.zh} / ${e.label.en})`;
    if (!r) return `The endorsement ${name} is not recorded yet`;
    if (e.evidence !== undefined && !r.evidenceId && (evidenceCounts.get(e.evidence) ?? 0) === 0)
      return `The endorsement ${name} needs its ${e.evidence} file attached`;
    if (e.kind === 'notice' && r.endsOn !== null && today <= r.endsOn)
      return `The endorsement ${name} runs until ${r.endsOn}; the nomination can proceed from ${dayAfter(r.endsOn)}`;
  }
  return undefined;
}

/** Refuses submitting or forwarding while an endorsement is missing or the notice still runs. */
export function requireEndorsements(
  channel: NominationChannel,
  recorded: readonly RecordedEndorsement[],
  evidenceCounts: ReadonlyMap<string, number>,
  today: string,
): void {
  const block = endorsementBlock(channel, recorded, evidenceCounts, today);
  if (block) throw new DomainError('INVALID_TRANSITION', block);
}

export function endorsementOf(channel: NominationChannel, endorsementId: string): Endorsement {
  const e = channel.endorsements?.find((x) => x.id === endorsementId);
  if (!e) {
    const known = (channel.endorsements ?? []).map((x) => x.id);
    throw new DomainError(
      'NOT_FOUND',
      known.length
        ? `The ${channel.id} channel asks for no endorsement "${endorsementId}" (it asks for ${known.join(', ')})`
        : `The ${channel.id} channel asks for no endorsements`,
    );
  }
  return e;
}
