import { Injectable } from '@nestjs/common';
import { LoadEditionDefinitionUseCase } from '@craftcert/programmes';
import { buildTemplateWorkbook } from '../spreadsheets';

/** The spreadsheet template an edition's definition implies: one column per dossier field. */
@Injectable()
export class BuildNominationTemplateUseCase {
  constructor(private readonly editions: LoadEditionDefinitionUseCase) {}

  async execute(editionId: string): Promise<Buffer> {
    return buildTemplateWorkbook((await this.editions.execute(editionId)).definition);
  }
}
