import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { translateConstraintError } from '@craftcert/platform';
import { ProgrammeEntity } from '../persistence/programme.entity';

export interface CreateProgrammeCommand {
  code: string;
  name: { zh: string; en: string };
}

@Injectable()
export class CreateProgrammeUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async execute(command: CreateProgrammeCommand): Promise<ProgrammeEntity> {
    try {
      return await this.dataSource.transaction(async (tx) => {
        const programme = await tx.save(
          tx.create(ProgrammeEntity, {
            code: command.code,
            nameZh: command.name.zh,
            nameEn: command.name.en,
          }),
        );
        await this.audit.record(tx, {
          action: 'programme.created',
          subjectType: 'programme',
          subjectId: programme.id,
          after: { code: programme.code },
        });
        return programme;
      });
    } catch (error) {
      translateConstraintError(error, {
        uq_programme_code: `A programme with code ${command.code} already exists`,
      });
    }
  }
}
