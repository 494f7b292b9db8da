import { resolve } from 'node:path';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, PersonalDataModule } from '@craftcert/platform';
import { CalendarModule } from '@craftcert/calendar';
import { ProgrammesModule } from '@craftcert/programmes';
import { NOMINATION_ENTITIES } from './entities';
import { AwardsController } from './http/awards.controller';
import { DefinitionMigrationController } from './http/definition-migration.controller';
import { EndorsementsController } from './http/endorsements.controller';
import { EvidenceController } from './http/evidence.controller';
import { NominationSpreadsheetsController } from './http/nomination-spreadsheets.controller';
import { NominationTransitionsController } from './http/nomination-transitions.controller';
import { NominationsController } from './http/nominations.controller';
import { PublicNominationsController } from './http/public-nominations.controller';
import { RankingsController } from './http/rankings.controller';
import { TipOffsController } from './http/tip-offs.controller';
import { EVIDENCE_STORAGE, LocalEvidenceStorage } from './persistence/evidence-storage';
import { EndorsementRepository } from './persistence/endorsement.repository';
import { NominationQueries } from './persistence/nomination.queries';
import { NominationRepository } from './persistence/nomination.repository';
import { AttachAnswerEvidenceUseCase } from './use-cases/attach-answer-evidence.use-case';
import { BuildNominationTemplateUseCase } from './use-cases/build-nomination-template.use-case';
import { ConfirmRefereeUseCase } from './use-cases/confirm-referee.use-case';
import { DefinitionMigrationChecks } from './use-cases/definition-migration-checks';
import { DownloadEvidenceUseCase } from './use-cases/download-evidence.use-case';
import { DraftNominationUseCase } from './use-cases/draft-nomination.use-case';
import { ExportNominationsUseCase } from './use-cases/export-nominations.use-case';
import { ForwardNominationUseCase } from './use-cases/forward-nomination.use-case';
import { ImportNominationsUseCase } from './use-cases/import-nominations.use-case';
import { ListStageEntrantsUseCase } from './use-cases/list-stage-entrants.use-case';
import { ListTipOffsUseCase } from './use-cases/list-tip-offs.use-case';
import { MigrateEditionDefinitionUseCase } from './use-cases/migrate-edition-definition.use-case';
import { RankNominationsUseCase } from './use-cases/rank-nominations.use-case';
import { RecordEndorsementUseCase } from './use-cases/record-endorsement.use-case';
import { ListEndorsementsUseCase } from './use-cases/list-endorsements.use-case';
import { ReadDossierForReviewUseCase } from './use-cases/read-dossier-for-review.use-case';
import { ReadPersonalDataUseCase } from './use-cases/read-personal-data.use-case';
import { ReceiveTipOffUseCase } from './use-cases/receive-tip-off.use-case';
import { RecordAwardUseCase } from './use-cases/record-award.use-case';
import { RemoveEvidenceUseCase } from './use-cases/remove-evidence.use-case';
import { ReturnNominationUseCase } from './use-cases/return-nomination.use-case';
import { SaveDossierUseCase } from './use-cases/save-dossier.use-case';
import { SubmitNominationUseCase } from './use-cases/submit-nomination.use-case';
import { SubmitPublicNominationUseCase } from './use-cases/submit-public-nomination.use-case';
import { UploadEvidenceUseCase } from './use-cases/upload-evidence.use-case';
import { WithdrawNominationUseCase } from './use-cases/withdraw-nomination.use-case';
import { ReadRefereeMessageUseCase } from './use-cases/read-referee-message.use-case';

export const NOMINATION_USE_CASES = [
  DraftNominationUseCase,
  SaveDossierUseCase,
  SubmitNominationUseCase,
  WithdrawNominationUseCase,
  ForwardNominationUseCase,
  ReturnNominationUseCase,
  RankNominationsUseCase,
  UploadEvidenceUseCase,
  DownloadEvidenceUseCase,
  RemoveEvidenceUseCase,
  ReadPersonalDataUseCase,
  RecordAwardUseCase,
  SubmitPublicNominationUseCase,
  ConfirmRefereeUseCase,
  ReceiveTipOffUseCase,
  ListTipOffsUseCase,
  BuildNominationTemplateUseCase,
  ExportNominationsUseCase,
  ImportNominationsUseCase,
  MigrateEditionDefinitionUseCase,
  ListStageEntrantsUseCase,
  ReadDossierForReviewUseCase,
  ReadRefereeMessageUseCase,
  RecordEndorsementUseCase,
  ListEndorsementsUseCase,
  AttachAnswerEvidenceUseCase,
];

/** Nominations: drafts, submission with instant eligibility, unit caps, union screening, evidence, public channels. */
@Module({
  imports: [
    TypeOrmModule.forFeature(NOMINATION_ENTITIES),
    ProgrammesModule,
    PersonalDataModule,
    CalendarModule,
  ],
  controllers: [
    NominationsController,
    NominationTransitionsController,
    RankingsController,
    EvidenceController,
    EndorsementsController,
    NominationSpreadsheetsController,
    DefinitionMigrationController,
    AwardsController,
    PublicNominationsController,
    TipOffsController,
  ],
  providers: [
    {
      provide: EVIDENCE_STORAGE,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new LocalEvidenceStorage(config.EVIDENCE_DIR ?? resolve(config.DATA_DIR, 'evidence')),
    },
    NominationRepository,
    EndorsementRepository,
    NominationQueries,
    DefinitionMigrationChecks,
    ...NOMINATION_USE_CASES,
  ],
  exports: [...NOMINATION_USE_CASES, DefinitionMigrationChecks],
})
export class NominationsModule {}
