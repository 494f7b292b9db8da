import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PROGRAMME_ENTITIES } from './entities';
import { DefinitionsController } from './http/definitions.controller';
import { ProgrammesController } from './http/programmes.controller';
import { DefinitionsRepository } from './persistence/definitions.repository';
import { ProgrammeQueries } from './persistence/programme.queries';
import { CreateProgrammeUseCase } from './use-cases/create-programme.use-case';
import { EvaluateDossierUseCase } from './use-cases/evaluate-dossier.use-case';
import { ExtendNominationWindowUseCase } from './use-cases/extend-nomination-window.use-case';
import { LoadEditionDefinitionUseCase } from './use-cases/load-edition-definition.use-case';
import { OpenCycleEditionUseCase } from './use-cases/open-cycle-edition.use-case';
import { OpenEditionUseCase } from './use-cases/open-edition.use-case';
import { DefinitionInputReader } from './use-cases/parse-definition-input';
import { ProposeDefinitionUseCase } from './use-cases/propose-definition.use-case';
import { PublishDefinitionUseCase } from './use-cases/publish-definition.use-case';
import { RepinEditionDefinitionUseCase } from './use-cases/repin-edition-definition.use-case';
import { ReviseDraftUseCase } from './use-cases/revise-draft.use-case';

/** Programmes, their versioned pipeline definitions, and editions pinned to a version. */
@Module({
  imports: [TypeOrmModule.forFeature(PROGRAMME_ENTITIES)],
  controllers: [ProgrammesController, DefinitionsController],
  providers: [
    DefinitionsRepository,
    ProgrammeQueries,
    DefinitionInputReader,
    CreateProgrammeUseCase,
    ProposeDefinitionUseCase,
    ReviseDraftUseCase,
    PublishDefinitionUseCase,
    EvaluateDossierUseCase,
    OpenEditionUseCase,
    ExtendNominationWindowUseCase,
    LoadEditionDefinitionUseCase,
    RepinEditionDefinitionUseCase,
    OpenCycleEditionUseCase,
  ],
  // What other contexts may use: editions and their definitions, through use cases.
  exports: [LoadEditionDefinitionUseCase, RepinEditionDefinitionUseCase, OpenCycleEditionUseCase],
})
export class ProgrammesModule {}
