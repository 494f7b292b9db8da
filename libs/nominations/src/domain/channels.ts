import type { NominationChannel, PipelineDefinition } from '@craftcert/pipeline';
import { DomainError, RequestValidationError } from '@craftcert/platform';

/** Which organisation kind nominates through a staff channel of each kind. */
export const NOMINATING_KIND: Record<string, string> = {
  unit: 'enterprise',
  districtUnion: 'districtUnion',
  industryUnion: 'industryUnion',
  association: 'association',
};

/** Channel kinds open to the public, without an account. */
const PUBLIC_KINDS = ['selfNomination', 'otherPerson'];

export function channelOf(definition: PipelineDefinition, channelId: string): NominationChannel {
  const channel = definition.channels.find((c) => c.id === channelId);
  if (!channel) {
    throw new RequestValidationError([
      {
        path: 'channelId',
        message: `channelId must be one of: ${definition.channels.map((c) => c.id).join(', ')}`,
      },
    ]);
  }
  return channel;
}

/** The public nominates only through public channels (self-nomination, recommendation). */
export function requirePublicChannel(channel: NominationChannel): void {
  if (!PUBLIC_KINDS.includes(channel.kind)) {
    throw new DomainError(
      'FORBIDDEN',
      `The ${channel.id} channel is for nominating units, not the public`,
    );
  }
}
