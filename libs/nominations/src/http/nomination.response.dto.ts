import { ApiProperty } from '@nestjs/swagger';
import type { EligibilityResult } from '@craftcert/pipeline';
import { EvidenceFileEntity } from '../persistence/evidence.entity';
import {
  NominationEntity,
  NominationEventEntity,
  NominationFlags,
} from '../persistence/nomination.entity';

/** A nomination as staff see it: the name masked, personal fields absent unless revealed. */
export class NominationResponse {
  @ApiProperty() id: string;
  @ApiProperty() editionId: string;
  @ApiProperty() channelId: string;
  @ApiProperty({ nullable: true }) organisation: { id: string; name: string | null } | null;
  @ApiProperty() status: string;
  @ApiProperty() candidate: string;
  @ApiProperty() dossier: Record<string, unknown>;
  @ApiProperty({ nullable: true }) unitRank: number | null;
  @ApiProperty({ nullable: true }) eligible: boolean | null;
  @ApiProperty() flags: NominationFlags;
  @ApiProperty({ nullable: true }) submittedAt: string | null;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ required: false }) eligibility?: EligibilityResult | null;

  static from(
    n: NominationEntity,
    options: { organisationName?: string | null; withTrace?: boolean } = {},
  ): NominationResponse {
    return {
      id: n.id,
      editionId: n.editionId,
      channelId: n.channelId,
      organisation: n.nominatingOrganisationId
        ? {
            id: n.nominatingOrganisationId,
            name: options.organisationName ?? n.nominatingOrganisation?.name ?? null,
          }
        : null,
      status: n.status,
      candidate: n.maskedName,
      dossier: n.dossier,
      unitRank: n.unitRank,
      eligible: n.eligible,
      flags: n.flags,
      submittedAt: n.submittedAt?.toISOString() ?? null,
      updatedAt: n.updatedAt.toISOString(),
      ...(options.withTrace ? { eligibility: n.eligibility } : {}),
    };
  }
}

export class EvidenceFileResponse {
  @ApiProperty() id: string;
  @ApiProperty() kind: string;
  @ApiProperty() fileName: string;
  @ApiProperty() contentType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty() sha256: string;
  @ApiProperty() uploadedAt: string;

  static from(f: EvidenceFileEntity): EvidenceFileResponse {
    return {
      id: f.id,
      kind: f.kind,
      fileName: f.fileName,
      contentType: f.contentType,
      sizeBytes: f.sizeBytes,
      sha256: f.sha256,
      uploadedAt: f.createdAt.toISOString(),
    };
  }
}

export class NominationEventResponse {
  @ApiProperty() kind: string;
  @ApiProperty({ nullable: true }) from: string | null;
  @ApiProperty() to: string;
  @ApiProperty({ nullable: true }) note: string | null;
  @ApiProperty() at: string;

  static from(e: NominationEventEntity): NominationEventResponse {
    return {
      kind: e.kind,
      from: e.fromStatus,
      to: e.toStatus,
      note: e.note,
      at: e.occurredAt.toISOString(),
    };
  }
}
