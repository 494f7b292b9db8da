import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { toLocalDate, WorkingCalendar } from '@craftcert/calendar';
import { ReadPublicProfilesUseCase } from '@craftcert/nominations';
import type { PublicNoticeStage } from '@craftcert/pipeline';
import { addOutboxEvent, Topic } from '@craftcert/platform';
import { LoadEditionDefinitionUseCase } from '@craftcert/programmes';
import { type StageEntered, StageEffects } from '@craftcert/workflow';
import { orderForPublication } from '../domain/list-order';
import { PublishedListRepository } from '../persistence/published-list.repository';

/**
 * Entering a `publicNotice` stage publishes the list it received (public fields only, in the
 * definition's order) for the definition's period, counted from today on the working-day
 * calendar (calendar or working days), in the entry's transaction.
 */
@Injectable()
export class PublishNoticeUseCase implements OnModuleInit {
  constructor(
    private readonly effects: StageEffects,
    private readonly editions: LoadEditionDefinitionUseCase,
    private readonly profiles: ReadPublicProfilesUseCase,
    private readonly calendar: WorkingCalendar,
    private readonly lists: PublishedListRepository,
    private readonly audit: AuditLog,
  ) {}

  onModuleInit(): void {
    this.effects.register('publicNotice', (tx, entered) => this.execute(tx, entered));
  }

  async execute(tx: EntityManager, entered: StageEntered): Promise<void> {
    const { editionId, nominationIds } = entered;
    const stage = entered.stage as PublicNoticeStage;
    const { edition, definition } = await this.editions.execute(editionId, tx);
    const profiles = await this.profiles.execute(editionId, nominationIds, tx);
    const ordered = orderForPublication(profiles, definition.selection?.listOrder);
    const opensOn = toLocalDate(new Date());
    const closesOn = (await this.calendar.snapshot(tx)).periodEnd(opensOn, stage.duration);
    await this.lists.publish(tx, {
      editionId,
      stageId: stage.id,
      kind: 'notice',
      title: {
        zh: `${definition.programme.name.zh} ${edition.titleZh}`,
        en: `${definition.programme.name.en} ${edition.titleEn}`,
      },
      entries: ordered.map((p, i) => ({
        position: i + 1,
        nominationId: p.nominationId,
        name: p.name,
        fields: p.fields,
      })),
      opensOn,
      closesOn,
    });
    await this.audit.record(tx, {
      action: 'publication.notice-published',
      subjectType: 'edition',
      subjectId: editionId,
      after: { stageId: stage.id, candidates: ordered.length, opensOn, closesOn },
      ...(entered.actorId === null ? { actor: null } : {}),
    });
    await addOutboxEvent(tx, Topic.NoticePublished, {
      editionId,
      stageId: stage.id,
      opensOn,
      closesOn,
    });
  }
}
