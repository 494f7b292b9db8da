import { resolve } from 'node:path';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@craftcert/platform';
import { ProgrammesModule } from '@craftcert/programmes';
import { PiiCipher } from './crypto/pii-cipher';
import { EVIDENCE_STORAGE, LocalEvidenceStorage } from './evidence/evidence-storage';
import { NominationsController } from './http/nominations.controller';
import { PublicNominationsController } from './http/public-nominations.controller';
import { EditionContexts } from './persistence/edition-context';
import { EvidenceFileEntity, RefereeEntity, TipOffEntity } from './persistence/evidence.entity';
import { NominationAccess } from './persistence/nomination-access';
import {
  AwardEntity,
  NominationEntity,
  NominationEventEntity,
  NominationQuotaUsageEntity,
} from './persistence/nomination.entity';
import { NominationQueries } from './persistence/nomination.queries';
import { DraftNominationUseCase } from './use-cases/draft-nomination.use-case';
import { EvidenceUseCase } from './use-cases/evidence.use-case';
import { MigrateEditionDefinitionUseCase } from './use-cases/migrate-edition-definition.use-case';
import { NominationSpreadsheetsUseCase } from './use-cases/nomination-spreadsheets.use-case';
import { NominationTransitionsUseCase } from './use-cases/nomination-transitions.use-case';
import { PublicChannelsUseCase } from './use-cases/public-channels.use-case';
import { ReadPersonalDataUseCase } from './use-cases/read-personal-data.use-case';
import { RecordAwardUseCase } from './use-cases/record-award.use-case';
import { SubmitNominationUseCase } from './use-cases/submit-nomination.use-case';

export const NOMINATION_ENTITIES = [
  NominationEntity,
  NominationEventEntity,
  NominationQuotaUsageEntity,
  AwardEntity,
  EvidenceFileEntity,
  RefereeEntity,
  TipOffEntity,
];

/** Nominations: drafts, submission with instant eligibility, unit caps, union screening, evidence, public channels. */
@Module({
  imports: [TypeOrmModule.forFeature(NOMINATION_ENTITIES), ProgrammesModule],
  controllers: [NominationsController, PublicNominationsController],
  providers: [
    PiiCipher,
    {
      provide: EVIDENCE_STORAGE,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new LocalEvidenceStorage(config.EVIDENCE_DIR ?? resolve(config.DATA_DIR, 'evidence')),
    },
    EditionContexts,
    NominationAccess,
    NominationQueries,
    DraftNominationUseCase,
    SubmitNominationUseCase,
    NominationTransitionsUseCase,
    EvidenceUseCase,
    ReadPersonalDataUseCase,
    RecordAwardUseCase,
    PublicChannelsUseCase,
    NominationSpreadsheetsUseCase,
    MigrateEditionDefinitionUseCase,
  ],
})
export class NominationsModule {}
