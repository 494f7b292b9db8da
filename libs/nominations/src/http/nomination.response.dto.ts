import { ApiProperty } from '@nestjs/swagger';
import { EligibilityResponse } from '@craftcert/programmes';
import type { EligibilityResult, OutcomeChange } from '@craftcert/pipeline';
import { organisationScopeOf, type SignedInActor } from '@craftcert/identity';
import type { FieldError } from '@craftcert/platform';
import { NOMINATION_STATUSES, type NominationStatus } from '../domain/nomination-status';
import { EvidenceFileEntity } from '../persistence/evidence.entity';
import {
  AwardEntity,
  NominationEntity,
  NominationEventEntity,
  NominationFlags,
} from '../persistence/nomination.entity';
import type { ImportReport } from '../use-cases/import-nominations.use-case';
import type { PublicNominationReceipt } from '../use-cases/submit-public-nomination.use-case';
import type { TipOff } from '../use-cases/list-tip-offs.use-case';
import type { DefinitionMigrationReport } from '../domain/definition-migration';
import type { RecordedEndorsement } from '../domain/endorsements';
import type { EndorsementStatus } from '../use-cases/list-endorsements.use-case';

export class NominatingOrganisationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
}

export class PriorAwardFlagResponse {
  @ApiProperty() programme: string;
  @ApiProperty({ type: 'integer' }) year: number;
  @ApiProperty({ required: false }) tier?: string;
}

/**
 * A nomination's flags as the viewer may see them. A possible duplicate names the other
 * nominations only to the secretariat (overseers), who checks it: a unit learns that a check is
 * coming, never which other units nominated the same person.
 */
export class NominationFlagsResponse {
  @ApiProperty({
    type: Boolean,
    required: false,
    description: 'Another live nomination carries the same ID number',
  })
  possibleDuplicate?: true;
  @ApiProperty({ required: false, type: [String], description: 'Secretariat and auditors only' })
  duplicateOf?: string[];
  @ApiProperty({
    type: [PriorAwardFlagResponse],
    required: false,
    description: "Awards the definition's repeat ban covers",
  })
  priorAwards?: PriorAwardFlagResponse[];
  @ApiProperty({
    type: Boolean,
    required: false,
    description: 'Forwarded although ineligible, for review, as the channel allows',
  })
  forwardedIneligible?: true;

  static from(flags: NominationFlags, viewer: SignedInActor): NominationFlagsResponse {
    const { duplicateOf, ...rest } = flags;
    if (!duplicateOf?.length) return rest;
    const overseer = organisationScopeOf(viewer).kind === 'all';
    return { ...rest, possibleDuplicate: true, ...(overseer ? { duplicateOf } : {}) };
  }
}

/** A nomination as staff see it: the name masked, personal fields absent unless revealed. */
export class NominationResponse {
  @ApiProperty() id: string;
  @ApiProperty() editionId: string;
  @ApiProperty() channelId: string;
  @ApiProperty({ type: NominatingOrganisationResponse, nullable: true })
  organisation: NominatingOrganisationResponse | null;
  @ApiProperty({ enum: NOMINATION_STATUSES }) status: string;
  @ApiProperty({ description: 'The candidate’s name, masked (王*国)' }) candidate: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Dossier fields that are not personal data',
  })
  dossier: Record<string, unknown>;
  @ApiProperty({ type: 'integer', nullable: true }) unitRank: number | null;
  @ApiProperty({
    type: 'integer',
    description:
      "The routing hop (index into the channel's routing) holding a submitted nomination",
  })
  routingHop: number;
  @ApiProperty({ type: Boolean, nullable: true }) eligible: boolean | null;
  @ApiProperty({ type: NominationFlagsResponse }) flags: NominationFlagsResponse;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: string | null;
  @ApiProperty() updatedAt: string;
  @ApiProperty({
    type: EligibilityResponse,
    nullable: true,
    required: false,
    description: 'The explained eligibility (rule by rule); with a single nomination',
  })
  eligibility?: EligibilityResult | null;

  static from(
    n: NominationEntity,
    viewer: SignedInActor,
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
      routingHop: n.routingHop,
      eligible: n.eligible,
      flags: NominationFlagsResponse.from(n.flags, viewer),
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
  @ApiProperty({ type: String, nullable: true }) from: string | null;
  @ApiProperty() to: string;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
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

/**
 * What the public sees of its own nomination: the status and the dossier's own explained
 * eligibility — never anything learnt from other records (prior awards, duplicates).
 */
export class PublicNominationResponse {
  @ApiProperty() id: string;
  @ApiProperty({ enum: NOMINATION_STATUSES }) status: NominationStatus;
  @ApiProperty({
    description: 'Judged on the dossier alone; the secretariat checks earlier records',
  })
  eligible: boolean;
  @ApiProperty({
    type: EligibilityResponse,
    description: 'The explained eligibility (rule by rule)',
  })
  eligibility: EligibilityResult;

  static from(r: PublicNominationReceipt): PublicNominationResponse {
    return {
      id: r.id,
      status: r.status,
      eligible: r.eligibility.eligible,
      eligibility: r.eligibility,
    };
  }
}

export class RefereeConfirmationResponse {
  @ApiProperty() nominationId: string;
  @ApiProperty({
    enum: NOMINATION_STATUSES,
    description: 'forwarded once every referee has confirmed',
  })
  status: NominationStatus;

  static from(c: { nominationId: string; status: NominationStatus }): RefereeConfirmationResponse {
    return { nominationId: c.nominationId, status: c.status };
  }
}

export class TipOffReceiptResponse {
  @ApiProperty() id: string;

  static from(receipt: { id: string }): TipOffReceiptResponse {
    return { id: receipt.id };
  }
}

export class TipOffContactResponse {
  @ApiProperty() name: string;
  @ApiProperty({ required: false }) phone?: string;
  @ApiProperty({ required: false }) email?: string;
}

/** A tip-off with the tipster's contact, for the secretariat's follow-up (the read is audited). */
export class TipOffResponse {
  @ApiProperty() id: string;
  @ApiProperty() candidateName: string;
  @ApiProperty() employer: string;
  @ApiProperty() reason: string;
  @ApiProperty({ type: TipOffContactResponse }) contact: TipOffContactResponse;
  @ApiProperty() receivedAt: string;

  static from(t: TipOff): TipOffResponse {
    return {
      id: t.id,
      candidateName: t.candidateName,
      employer: t.employer,
      reason: t.reason,
      contact: t.contact,
      receivedAt: t.receivedAt.toISOString(),
    };
  }
}

export class AwardResponse {
  @ApiProperty() id: string;
  @ApiProperty() programmeCode: string;
  @ApiProperty() year: number;
  @ApiProperty({ type: String, nullable: true }) tier: string | null;

  static from(a: AwardEntity): AwardResponse {
    return { id: a.id, programmeCode: a.programmeCode, year: a.year, tier: a.tier };
  }
}

export class ImportReportResponse {
  @ApiProperty({ description: 'Rows that became drafts' })
  accepted: { row: number; nominationId: string }[];
  @ApiProperty({ description: 'Rows refused, each with its reasons; they wrote nothing' })
  refused: { row: number; errors: FieldError[] }[];

  static from(r: ImportReport): ImportReportResponse {
    return { accepted: r.accepted, refused: r.refused };
  }
}

export class StageMigrationExplanationResponse {
  @ApiProperty({ example: 'migration.departmentRemoved' }) code: string;
  @ApiProperty() zh: string;
  @ApiProperty() en: string;
}

export class StageMigrationChangeResponse {
  @ApiProperty({ example: 'departmental-review' }) stageId: string;
  @ApiProperty({ description: 'Applying is refused while this change stands' }) blocking: boolean;
  @ApiProperty({ type: StageMigrationExplanationResponse })
  explanation: StageMigrationExplanationResponse;
}

export class DefinitionMigrationResponse {
  @ApiProperty() fromVersion: number;
  @ApiProperty() toVersion: number;
  @ApiProperty() dryRun: boolean;
  @ApiProperty() evaluated: number;
  @ApiProperty({ description: 'Nominations whose outcome changes, with the rules behind it' })
  changes: OutcomeChange[];
  @ApiProperty({ description: "Nominations the new version's dossier schema refuses" })
  invalid: { nominationId: string; errors: FieldError[] }[];
  @ApiProperty({
    type: [StageMigrationChangeResponse],
    description: 'What the new version does to entered stages; a blocking change refuses applying',
  })
  stageChanges: StageMigrationChangeResponse[];

  static from(r: DefinitionMigrationReport): DefinitionMigrationResponse {
    return {
      fromVersion: r.fromVersion,
      toVersion: r.toVersion,
      dryRun: r.dryRun,
      evaluated: r.evaluated,
      changes: r.changes,
      invalid: r.invalid,
      stageChanges: r.stageChanges,
    };
  }
}

export class EndorsementRecordResponse {
  @ApiProperty() endorsementId: string;
  @ApiProperty({ enum: ['notice', 'approval', 'seal'] }) kind: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) startsOn: string | null;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: "A notice's last day, on the working-day calendar",
  })
  endsOn: string | null;
  @ApiProperty({ type: String, nullable: true }) body: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) meetingOn: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) evidenceId: string | null;

  static from(r: RecordedEndorsement): EndorsementRecordResponse {
    return { ...r };
  }
}

export class EndorsementLabelResponse {
  @ApiProperty() zh: string;
  @ApiProperty() en: string;
}

export class EndorsementStatusResponse {
  @ApiProperty() endorsementId: string;
  @ApiProperty({ enum: ['notice', 'approval', 'seal'] }) kind: string;
  @ApiProperty({ type: EndorsementLabelResponse }) label: EndorsementLabelResponse;
  @ApiProperty({ type: EndorsementRecordResponse, nullable: true })
  recorded: EndorsementRecordResponse | null;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'The first day after the notice ends',
  })
  proceedsFrom: string | null;
}

export class EndorsementsResponse {
  @ApiProperty({ type: [EndorsementStatusResponse] }) items: EndorsementStatusResponse[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'What keeps the nomination from being submitted or forwarded, if anything',
  })
  blockedBy: string | null;

  static from(result: {
    items: EndorsementStatus[];
    blockedBy: string | null;
  }): EndorsementsResponse {
    return {
      items: result.items.map(({ endorsement: e, recorded, proceedsFrom }) => ({
        endorsementId: e.id,
        kind: e.kind,
        label: e.label,
        recorded,
        proceedsFrom,
      })),
      blockedBy: result.blockedBy,
    };
  }
}
