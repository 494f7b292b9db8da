import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { WorkingCalendar } from '@craftcert/calendar';
import type { SignedInActor } from '@craftcert/identity';
import { todayInShanghai } from '@craftcert/pipeline';
import { type FieldError, RequestValidationError } from '@craftcert/platform';
import { LoadEditionDefinitionUseCase } from '@craftcert/programmes';
import { channelOf } from '../domain/channels';
import { endorsementOf, type RecordedEndorsement } from '../domain/endorsements';
import { EDITABLE, requireStatus } from '../domain/nomination-status';
import { EndorsementRepository } from '../persistence/endorsement.repository';
import { NominationRepository } from '../persistence/nomination.repository';

export interface EndorsementInput {
  startsOn?: string;
  body?: string;
  meetingOn?: string;
  evidenceId?: string;
}

const NEEDS: Record<RecordedEndorsement['kind'], (keyof EndorsementInput)[]> = {
  notice: ['startsOn'],
  approval: ['body', 'meetingOn'],
  seal: [],
};
const ALLOWED: Record<RecordedEndorsement['kind'], (keyof EndorsementInput)[]> = {
  notice: ['startsOn', 'evidenceId'],
  approval: ['body', 'meetingOn', 'evidenceId'],
  seal: ['evidenceId'],
};

/**
 * The unit records an endorsement its channel asks for before nominating: a notice's start (its
 * end is computed on the working-day calendar), an approval's body and meeting date, a seal's or
 * minutes' evidence file. Recording again replaces the earlier record.
 */
@Injectable()
export class RecordEndorsementUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly nominations: NominationRepository,
    private readonly endorsements: EndorsementRepository,
    private readonly editions: LoadEditionDefinitionUseCase,
    private readonly calendar: WorkingCalendar,
    private readonly audit: AuditLog,
  ) {}

  execute(
    actor: SignedInActor,
    nominationId: string,
    endorsementId: string,
    given: EndorsementInput,
  ): Promise<RecordedEndorsement> {
    // A field sent as null is a field not given (JSON clients often send null for "none").
    const input = Object.fromEntries(
      Object.entries(given).filter(([, value]) => value !== null && value !== undefined),
    ) as EndorsementInput;
    return this.dataSource.transaction(async (tx) => {
      const nomination = await this.nominations.lockOwn(tx, actor, nominationId);
      requireStatus(nomination, EDITABLE, 'endorse');
      const { definition } = await this.editions.execute(nomination.editionId, tx);
      const e = endorsementOf(channelOf(definition, nomination.channelId), endorsementId);
      const errors: FieldError[] = [];
      for (const key of NEEDS[e.kind])
        if (input[key] === undefined)
          errors.push({ path: key, message: `${key} is required for a ${e.kind}` });
      for (const key of Object.keys(input) as (keyof EndorsementInput)[])
        if (input[key] !== undefined && !ALLOWED[e.kind].includes(key))
          errors.push({ path: key, message: `${key} does not apply to a ${e.kind}` });
      if (input.meetingOn !== undefined && input.meetingOn > todayInShanghai())
        errors.push({ path: 'meetingOn', message: 'meetingOn must not be in the future' });
      if (
        input.evidenceId !== undefined &&
        !(await this.endorsements.hasEvidence(tx, nomination.id, input.evidenceId, e.evidence))
      ) {
        errors.push({
          path: 'evidenceId',
          message: `evidenceId must name a ${e.evidence ?? 'evidence'} file of this nomination`,
        });
      }
      if (errors.length > 0) throw new RequestValidationError(errors);
      const endsOn =
        e.kind === 'notice' && e.duration && input.startsOn
          ? (await this.calendar.snapshot(tx)).periodEnd(input.startsOn, e.duration)
          : null;
      const record: RecordedEndorsement = {
        endorsementId: e.id,
        kind: e.kind,
        startsOn: input.startsOn ?? null,
        endsOn,
        body: input.body ?? null,
        meetingOn: input.meetingOn ?? null,
        evidenceId: input.evidenceId ?? null,
      };
      await this.endorsements.record(tx, nomination.id, record, actor.userId);
      await this.audit.record(tx, {
        action: 'nomination.endorsed',
        subjectType: 'nomination',
        subjectId: nomination.id,
        after: { ...record },
      });
      return record;
    });
  }
}
