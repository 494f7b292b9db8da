import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { RequestValidationError, translateConstraintError } from '@craftcert/platform';
import { DefinitionNotPublishedError } from '../domain/programme.errors';
import { DefinitionsRepository } from '../persistence/definitions.repository';
import { EditionEntity } from '../persistence/edition.entity';

export interface OpenEditionCommand {
  code: string;
  title: { zh: string; en: string };
  definitionVersion: number;
  referenceDate: string;
  nominationWindow: { opensAt: Date; closesAt: Date };
}

/** Creates an edition (cycle) pinned to a published definition version. */
@Injectable()
export class OpenEditionUseCase {
  constructor(
    private readonly definitions: DefinitionsRepository,
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async execute(programmeId: string, command: OpenEditionCommand): Promise<EditionEntity> {
    const definition = await this.definitions.version(programmeId, command.definitionVersion);
    if (definition.status !== 'published') {
      throw new DefinitionNotPublishedError(command.definitionVersion);
    }
    if (command.nominationWindow.closesAt <= command.nominationWindow.opensAt) {
      throw new RequestValidationError([
        { path: 'nominationWindow.closesAt', message: 'closesAt must be after opensAt' },
      ]);
    }
    try {
      return await this.dataSource.transaction(async (tx) => {
        const edition = await tx.save(
          tx.create(EditionEntity, {
            programmeId,
            code: command.code,
            titleZh: command.title.zh,
            titleEn: command.title.en,
            definitionId: definition.id,
            referenceDate: command.referenceDate,
            nominationOpensAt: command.nominationWindow.opensAt,
            nominationClosesAt: command.nominationWindow.closesAt,
          }),
        );
        await this.audit.record(tx, {
          action: 'edition.opened',
          subjectType: 'edition',
          subjectId: edition.id,
          after: {
            programmeId,
            code: edition.code,
            definitionVersion: command.definitionVersion,
          },
        });
        return edition;
      });
    } catch (error) {
      translateConstraintError(error, {
        uq_edition_code: `This programme already has an edition ${command.code}`,
      });
    }
  }
}
