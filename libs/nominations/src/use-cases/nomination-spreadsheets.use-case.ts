import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import type { SignedInActor } from '@craftcert/identity';
import { DomainError, FieldError } from '@craftcert/platform';
import { PiiCipher } from '../crypto/pii-cipher';
import { NAME_FIELD } from '../domain/dossier-codec';
import { EditionContexts } from '../persistence/edition-context';
import { NominationFilter, NominationQueries } from '../persistence/nomination.queries';
import {
  buildExportWorkbook,
  buildTemplateWorkbook,
  parseNominationsWorkbook,
} from '../spreadsheets';
import { DraftNominationUseCase } from './draft-nomination.use-case';

export interface ImportReport {
  accepted: { row: number; nominationId: string }[];
  refused: { row: number; errors: FieldError[] }[];
}

/** Spreadsheets in and out, in the column layout the definition's template defines. */
@Injectable()
export class NominationSpreadsheetsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly editions: EditionContexts,
    private readonly queries: NominationQueries,
    private readonly drafts: DraftNominationUseCase,
    private readonly cipher: PiiCipher,
    private readonly audit: AuditLog,
  ) {}

  async template(editionId: string): Promise<Buffer> {
    return buildTemplateWorkbook((await this.editions.load(editionId)).definition);
  }

  /** Personal data stays masked unless an administrator asks for it; that export is audited. */
  async export(
    actor: SignedInActor,
    editionId: string,
    filter: NominationFilter,
    reveal: boolean,
  ): Promise<Buffer> {
    if (reveal && !actor.roles.includes('secretariatAdmin')) {
      throw new DomainError('FORBIDDEN', 'Only the secretariat may export personal data');
    }
    const { definition } = await this.editions.load(editionId);
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
          ? { ...n.dossier, ...this.cipher.decrypt<Record<string, unknown>>(n.piiCiphertext) }
          : { ...n.dossier, [NAME_FIELD]: n.maskedName },
      })),
      {
        metaLabels: {
          nominationId: '编号 id',
          status: '状态 status',
          organisation: '推荐单位 unit',
          channel: '渠道 channel',
          eligible: '符合条件 eligible',
          submittedAt: '提交时间 submitted',
        },
      },
    );
  }

  /**
   * Creates one draft per valid row, each in its own transaction; a refused row writes
   * nothing and is reported with its reasons.
   */
  async import(
    actor: SignedInActor,
    editionId: string,
    channelId: string,
    bytes: Buffer,
  ): Promise<ImportReport> {
    const { definition } = await this.editions.load(editionId);
    const parsed = await parseNominationsWorkbook(definition, bytes);
    if (!parsed.ok)
      throw new DomainError('PAYLOAD_INVALID', parsed.error, [
        { path: 'file', message: parsed.error },
      ]);
    const report: ImportReport = { accepted: [], refused: [] };
    for (const row of parsed.rows) {
      if (!row.dossier) {
        report.refused.push({ row: row.rowNumber, errors: row.errors });
        continue;
      }
      try {
        const nomination = await this.drafts.create(actor, editionId, channelId, row.dossier);
        report.accepted.push({ row: row.rowNumber, nominationId: nomination.id });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        report.refused.push({
          row: row.rowNumber,
          errors: error.errors ?? [{ path: '', message: error.message }],
        });
      }
    }
    return report;
  }
}
