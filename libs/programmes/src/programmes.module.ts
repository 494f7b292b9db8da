import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DefinitionsController } from './http/definitions.controller';
import { ProgrammesController } from './http/programmes.controller';
import { DefinitionsRepository } from './persistence/definitions.repository';
import { EditionEntity, EditionWindowChangeEntity } from './persistence/edition.entity';
import { PipelineDefinitionEntity } from './persistence/pipeline-definition.entity';
import { ProgrammeQueries } from './persistence/programme.queries';
import { ProgrammeEntity } from './persistence/programme.entity';
import { CreateProgrammeUseCase } from './use-cases/create-programme.use-case';
import { EvaluateDossierUseCase } from './use-cases/evaluate-dossier.use-case';
import { ExtendNominationWindowUseCase } from './use-cases/extend-nomination-window.use-case';
import { OpenEditionUseCase } from './use-cases/open-edition.use-case';
import { ProposeDefinitionUseCase } from './use-cases/propose-definition.use-case';
import { PublishDefinitionUseCase } from './use-cases/publish-definition.use-case';
import { ReviseDraftUseCase } from './use-cases/revise-draft.use-case';

export const PROGRAMME_ENTITIES = [
  ProgrammeEntity,
  PipelineDefinitionEntity,
  EditionEntity,
  EditionWindowChangeEntity,
];

/** Programmes, their versioned pipeline definitions, and editions pinned to a version. */
@Module({
  imports: [TypeOrmModule.forFeature(PROGRAMME_ENTITIES)],
  controllers: [ProgrammesController, DefinitionsController],
  providers: [
    DefinitionsRepository,
    ProgrammeQueries,
    CreateProgrammeUseCase,
    ProposeDefinitionUseCase,
    ReviseDraftUseCase,
    PublishDefinitionUseCase,
    EvaluateDossierUseCase,
    OpenEditionUseCase,
    ExtendNominationWindowUseCase,
  ],
  exports: [DefinitionsRepository, ProgrammeQueries],
})
export class ProgrammesModule {}
