import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { translateConstraintError } from '@craftcert/platform';
import { ProgrammeEntity } from '../persistence/programme.entity';

export interface CreateProgrammeCommand {
  code: string;
  name: { zh: string; en: string };
}

@Injectable()
export class CreateProgrammeUseCase {
  constructor(
    @InjectRepository(ProgrammeEntity) private readonly programmes: Repository<ProgrammeEntity>,
  ) {}

  async execute(command: CreateProgrammeCommand): Promise<ProgrammeEntity> {
    try {
      return await this.programmes.save(
        this.programmes.create({
          code: command.code,
          nameZh: command.name.zh,
          nameEn: command.name.en,
        }),
      );
    } catch (error) {
      translateConstraintError(error, {
        uq_programme_code: `A programme with code ${command.code} already exists`,
      });
    }
  }
}
