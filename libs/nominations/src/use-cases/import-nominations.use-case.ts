import { Injectable } from '@nestjs/common';
import type { SignedInActor } from '@craftcert/identity';
import {
  AppConfig,
  DomainError,
  FieldError,
  LimitExceededError,
  ParseLimitError,
  ParsePool,
  parseTask,
  PayloadTooLargeError,
} from '@craftcert/platform';
import { LoadEditionDefinitionUseCase } from '@craftcert/programmes';
import type { ParsedWorkbook } from '../spreadsheets';
import type { ReadWorkbookInput } from '../spreadsheets/read-workbook.task';
import { DraftNominationUseCase } from './draft-nomination.use-case';

export interface ImportReport {
  accepted: { row: number; nominationId: string }[];
  refused: { row: number; errors: FieldError[] }[];
}

const READ_WORKBOOK = parseTask<ReadWorkbookInput, ParsedWorkbook>(
  require.resolve('../spreadsheets/read-workbook.task'),
  'readWorkbook',
);

/**
 * Creates one draft per valid row of a filled-in template, each in its own transaction; a
 * refused row writes nothing and is reported with its reasons. The file is read on a parse
 * thread within the import limits; a file over one is refused before anything is written.
 */
@Injectable()
export class ImportNominationsUseCase {
  constructor(
    private readonly editions: LoadEditionDefinitionUseCase,
    private readonly drafts: DraftNominationUseCase,
    private readonly parsing: ParsePool,
    private readonly config: AppConfig,
  ) {}

  async execute(
    actor: SignedInActor,
    editionId: string,
    channelId: string,
    bytes: Buffer,
  ): Promise<ImportReport> {
    if (bytes.length > this.config.IMPORT_MAX_BYTES) {
      throw new PayloadTooLargeError('file', this.config.IMPORT_MAX_BYTES);
    }
    const { definition } = await this.editions.execute(editionId);
    const parsed = await this.read({ definition, bytes, options: this.limits() });
    if (!parsed.ok) {
      if (parsed.limit) throw new LimitExceededError('file', parsed.error);
      throw new DomainError('PAYLOAD_INVALID', parsed.error, [
        { path: 'file', message: parsed.error },
      ]);
    }
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

  private limits(): ReadWorkbookInput['options'] {
    return {
      maxRows: this.config.IMPORT_MAX_ROWS,
      maxCells: this.config.IMPORT_MAX_CELLS,
      maxUnzippedBytes: this.config.IMPORT_MAX_UNZIPPED_BYTES,
    };
  }

  private async read(input: ReadWorkbookInput): Promise<ParsedWorkbook> {
    try {
      return await this.parsing.run(READ_WORKBOOK, input);
    } catch (error) {
      if (error instanceof ParseLimitError) throw new LimitExceededError('file', error.message);
      throw error;
    }
  }
}
