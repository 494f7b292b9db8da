import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import type { SignedInActor } from '@craftcert/identity';
import { DomainError, PiiCipher } from '@craftcert/platform';
import { candidateSpec } from '@craftcert/pipeline';
import { LoadEditionDefinitionUseCase } from '@craftcert/programmes';
import { openDossier } from '../domain/sealed-dossier';
import { NominationFilter, NominationQueries } from '../persistence/nomination.queries';
import { buildExportWorkbook } from '../spreadsheets';

const META_LABELS = {
  nominationId: '编号 id',
  status: '状态 status',
  organisation: '推荐单位 unit',
  channel: '渠道 channel',
  eligible: '符合条件 eligible',
  submittedAt: '提交时间 submitted',
};

/**
 * The nominations the actor may see, as a spreadsheet in the template's layout. Personal data
 * stays masked unless the secretariat asks for it; that export is audited.
 */
@Injectable()
export class ExportNominationsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly editions: LoadEditionDefinitionUseCase,
    private readonly queries: NominationQueries,
    private readonly cipher: PiiCipher,
    private readonly audit: AuditLog,
  ) {}

  async execute(
    actor: SignedInActor,
    editionId: string,
    filter: NominationFilter,
    reveal: boolean,
  ): Promise<Buffer> {
    if (reveal && !actor.roles.includes('secretariatAdmin')) {
      throw new DomainError('FORBIDDEN', 'Only the secretariat may export personal data');
    }
    const { definition } = await this.editions.execute(editionId);
    const rows = await this.queries.list(actor, editionId, filter);
    if (reveal) {
      await this.audit.recordStandalone(this.dataSource, {
        action: 'pii.exported',
        subjectType: 'edition',
        subjectId: editionId,
        after: { nominations: rows.map((r) => r.nomination.id) },
      });
    }
    return buildExportWorkbook(
      definition,
      rows.map(({ nomination: n, organisationName }) => ({
        meta: {
          nominationId: n.id,
          status: n.status,
          organisation: organisationName,
          channel: n.channelId,
          eligible: n.eligible,
          submittedAt: n.submittedAt?.toISOString() ?? null,
        },
        dossier: reveal
          ? openDossier(n, this.cipher)
          : { ...n.dossier, [candidateSpec(definition).displayName]: n.maskedName },
      })),
      { metaLabels: META_LABELS },
    );
  }
}
