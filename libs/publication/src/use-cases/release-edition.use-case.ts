import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { ReadPublicProfilesUseCase } from '@craftcert/nominations';
import { AppConfig, addOutboxEvent, Topic } from '@craftcert/platform';
import { LoadEditionDefinitionUseCase } from '@craftcert/programmes';
import { type StageEntered, StageEffects } from '@craftcert/workflow';
import { CredentialIssuer } from '../credentials/credential-issuer';
import { openBadgeCredential } from '../credentials/open-badge';
import { newCertificateNumber } from '../domain/certificate-number';
import { orderForPublication } from '../domain/list-order';
import { CertificateRepository } from '../persistence/certificate.repository';
import { PublishedListRepository } from '../persistence/published-list.repository';

/**
 * Entering a `release` stage publishes the final list (public fields only, in the definition's
 * order) and issues each named holder a certificate with its signed credential, in the entry's
 * transaction: the list, the certificates and the audit record commit together or not at all.
 */
@Injectable()
export class ReleaseEditionUseCase implements OnModuleInit {
  constructor(
    private readonly effects: StageEffects,
    private readonly editions: LoadEditionDefinitionUseCase,
    private readonly profiles: ReadPublicProfilesUseCase,
    private readonly certificates: CertificateRepository,
    private readonly lists: PublishedListRepository,
    private readonly issuer: CredentialIssuer,
    private readonly audit: AuditLog,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.effects.register('release', (tx, entered) => this.execute(tx, entered));
  }

  async execute(tx: EntityManager, entered: StageEntered): Promise<void> {
    const { editionId, stage, nominationIds } = entered;
    const { edition, definition } = await this.editions.execute(editionId, tx);
    const profiles = await this.profiles.execute(editionId, nominationIds, tx);
    const ordered = orderForPublication(profiles, definition.selection?.listOrder);
    const tier = definition.tiers[0]?.label ?? definition.programme.name;
    const title = { programme: definition.programme.name, tier, edition: edition.titleZh };
    const issuedAt = new Date();
    const issued = await Promise.all(
      ordered.map(async (p) => {
        const certificateNo = newCertificateNumber();
        const credential = await this.issuer.sign(
          openBadgeCredential({
            baseUrl: this.config.PUBLIC_URL.replace(/\/+$/, ''),
            certificateNo,
            editionId,
            holderName: p.name,
            ...title,
            issuedAt,
          }),
          certificateNo,
        );
        return { profile: p, certificateNo, credential };
      }),
    );
    await this.certificates.issue(
      tx,
      issued.map(({ profile, certificateNo, credential }) => ({
        certificateNo,
        editionId,
        nominationId: profile.nominationId,
        holderName: profile.name,
        publicFields: profile.fields,
        title,
        credential,
      })),
    );
    // A holder who already had a certificate keeps their number: the list shows the stored one.
    const stored = new Map(
      (await this.certificates.forEdition(tx, editionId)).map((c) => [c.nominationId, c]),
    );
    await this.lists.publish(tx, {
      editionId,
      stageId: stage.id,
      kind: 'announcement',
      title: {
        zh: `${definition.programme.name.zh} ${edition.titleZh}`,
        en: `${definition.programme.name.en} ${edition.titleEn}`,
      },
      entries: ordered.map((p, i) => ({
        position: i + 1,
        nominationId: p.nominationId,
        name: p.name,
        fields: p.fields,
        certificateNo: stored.get(p.nominationId)?.certificateNo,
      })),
    });
    await this.audit.record(tx, {
      action: 'publication.released',
      subjectType: 'edition',
      subjectId: editionId,
      after: { stageId: stage.id, certificates: ordered.length },
      ...(entered.actorId === null ? { actor: null } : {}),
    });
    await addOutboxEvent(tx, Topic.Released, {
      editionId,
      stageId: stage.id,
      certificates: ordered.length,
    });
  }
}
