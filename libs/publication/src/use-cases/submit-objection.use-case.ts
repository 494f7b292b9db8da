import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { toLocalDate } from '@craftcert/calendar';
import type { PublicNoticeStage } from '@craftcert/pipeline';
import {
  type FieldError,
  maskName,
  NotFoundError,
  PiiCipher,
  RequestValidationError,
} from '@craftcert/platform';
import { LoadEditionDefinitionUseCase } from '@craftcert/programmes';
import { newReceiptNumber, type ObjectionChannel, type ObjectorKind } from '../domain/objection';
import { ObjectionPeriodClosedError } from '../domain/publication.errors';
import { ObjectionRepository } from '../persistence/objection.repository';
import { PublishedListRepository } from '../persistence/published-list.repository';

export interface ObjectionCommand {
  editionId: string;
  nominationId: string;
  objectorKind: ObjectorKind;
  /** The objector's real name, or the organisation's name. */
  name: string;
  /** Phone, e-mail or postal address. */
  contact: string;
  facts: string;
  channel: ObjectionChannel;
  /** The staff member recording an objection received by letter, phone or visit. */
  recordedBy: string | null;
  /** Staff confirm that an organisation's letter bears its official seal. */
  sealConfirmed?: boolean;
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/**
 * Receives an objection to a person on a public notice, from the notice's form or recorded by
 * staff: checked field by field against the definition's requirements, refused after the period,
 * the objector's name and contact encrypted, a receipt number returned. Audited without PII.
 */
@Injectable()
export class SubmitObjectionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly editions: LoadEditionDefinitionUseCase,
    private readonly lists: PublishedListRepository,
    private readonly objections: ObjectionRepository,
    private readonly cipher: PiiCipher,
    private readonly audit: AuditLog,
  ) {}

  async execute(command: ObjectionCommand): Promise<{ receiptNo: string; receivedAt: Date }> {
    const notice = await this.lists.notice(command.editionId);
    if (!notice) throw new NotFoundError(`Public notice of edition ${command.editionId}`);
    const { definition } = await this.editions.execute(command.editionId);
    const stage = definition.stages.find((s) => s.id === notice.stageId) as
      PublicNoticeStage | undefined;
    const rules = stage?.objections ?? {
      realNameRequired: true,
      contactRequired: true,
      unitSealRequired: true,
      lateRefused: true,
    };
    if (rules.lateRefused && notice.closesOn && toLocalDate(new Date()) > notice.closesOn) {
      throw new ObjectionPeriodClosedError(notice.opensOn ?? notice.closesOn, notice.closesOn);
    }
    const [name, contact, facts] = [text(command.name), text(command.contact), text(command.facts)];
    const errors: FieldError[] = [];
    if (!notice.entries.some((e) => e.nominationId === command.nominationId))
      errors.push({ path: 'nominationId', message: 'choose a person on the notice' });
    if (command.objectorKind !== 'individual' && command.objectorKind !== 'organisation')
      errors.push({
        path: 'objectorKind',
        message: 'objectorKind must be individual or organisation',
      });
    if ((rules.realNameRequired || command.objectorKind === 'organisation') && name.length < 2)
      errors.push({ path: 'name', message: 'give your real name (or the organisation’s name)' });
    if (name.length > 100)
      errors.push({ path: 'name', message: 'name must be at most 100 characters' });
    if (rules.contactRequired && contact.length < 5)
      errors.push({
        path: 'contact',
        message: 'give a phone number, e-mail or address to reach you',
      });
    if (contact.length > 200)
      errors.push({ path: 'contact', message: 'contact must be at most 200 characters' });
    if (facts.length < 10)
      errors.push({ path: 'facts', message: 'state the facts in at least 10 characters' });
    if (facts.length > 2000)
      errors.push({ path: 'facts', message: 'facts must be at most 2000 characters' });
    if (command.objectorKind === 'organisation' && rules.unitSealRequired && !command.sealConfirmed)
      errors.push({
        path: 'sealedLetter',
        message: 'an organisation’s objection needs its letter with the official seal',
      });
    if (errors.length > 0) throw new RequestValidationError(errors);

    return this.dataSource.transaction(async (tx) => {
      const receiptNo = newReceiptNumber();
      const saved = await this.objections.receive(tx, {
        receiptNo,
        editionId: command.editionId,
        stageId: notice.stageId,
        nominationId: command.nominationId,
        objectorKind: command.objectorKind,
        objectorMasked: command.objectorKind === 'organisation' ? name : maskName(name),
        contactCiphertext: this.cipher.encrypt({ name, contact }),
        facts,
        channel: command.channel,
        recordedBy: command.recordedBy,
      });
      await this.audit.record(tx, {
        action: 'objection.received',
        subjectType: 'objection',
        subjectId: saved.id,
        after: { receiptNo, nominationId: command.nominationId, channel: command.channel },
        ...(command.recordedBy ? {} : { actor: null }),
      });
      return { receiptNo, receivedAt: saved.receivedAt };
    });
  }
}
