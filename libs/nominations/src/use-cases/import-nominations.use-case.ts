import { Injectable } from '@nestjs/common';
import type { SignedInActor } from '@craftcert/identity';
import { DomainError, FieldError } from '@craftcert/platform';
import { LoadEditionDefinitionUseCase } from '@craftcert/programmes';
import { parseNominationsWorkbook } from '../spreadsheets';
import { DraftNominationUseCase } from './draft-nomination.use-case';

export interface ImportReport {
  accepted: { row: number; nominationId: string }[];
  refused: { row: number; errors: FieldError[] }[];
}

/**
 * Creates one draft per valid row of a filled-in template, each in its own transaction; a
 * refused row writes nothing and is reported with its reasons.
 */
@Injectable()
export class ImportNominationsUseCase {
  constructor(
    private readonly editions: LoadEditionDefinitionUseCase,
    private readonly drafts: DraftNominationUseCase,
  ) {}

  async execute(
    actor: SignedInActor,
    editionId: string,
    channelId: string,
    bytes: Buffer,
  ): Promise<ImportReport> {
    const { definition } = await this.editions.execute(editionId);
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
        const nomination = await this.drafts.execute(actor, editionId, channelId, row.dossier);
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
