// The nominations context's public surface: its module, use cases, their types and errors.
// Its tables are listed for the migrations catalogue in `@craftcert/nominations/entities`.
export { NominationsModule } from './nominations.module';
export * from './domain/nomination-status';
export * from './domain/nomination.errors';
export type { NominationFlags } from './persistence/nomination.entity';
export type { NominationFilter } from './persistence/nomination.queries';
export {
  type AnswerEvidenceUpload,
  AttachAnswerEvidenceUseCase,
} from './use-cases/attach-answer-evidence.use-case';
export { uploadedFile } from './http/uploaded-file';
export { BuildNominationTemplateUseCase } from './use-cases/build-nomination-template.use-case';
export { ConfirmRefereeUseCase } from './use-cases/confirm-referee.use-case';
export { DownloadEvidenceUseCase } from './use-cases/download-evidence.use-case';
export { DraftNominationUseCase } from './use-cases/draft-nomination.use-case';
export { ExportNominationsUseCase } from './use-cases/export-nominations.use-case';
export { ForwardNominationUseCase } from './use-cases/forward-nomination.use-case';
export {
  type ImportReport,
  ImportNominationsUseCase,
} from './use-cases/import-nominations.use-case';
export { type TipOff, ListTipOffsUseCase } from './use-cases/list-tip-offs.use-case';
export type { DefinitionMigrationReport } from './domain/definition-migration';
export {
  type StageEntrant,
  ListStageEntrantsUseCase,
} from './use-cases/list-stage-entrants.use-case';
export {
  type DefinitionMigrationCheck,
  DefinitionMigrationChecks,
} from './use-cases/definition-migration-checks';
export { MigrateEditionDefinitionUseCase } from './use-cases/migrate-edition-definition.use-case';
export { RankNominationsUseCase } from './use-cases/rank-nominations.use-case';
export { ReadDossierForReviewUseCase } from './use-cases/read-dossier-for-review.use-case';
export { ReadPersonalDataUseCase } from './use-cases/read-personal-data.use-case';
export {
  type TipOffCommand,
  type TipOffContact,
  ReceiveTipOffUseCase,
} from './use-cases/receive-tip-off.use-case';
export { RecordAwardUseCase } from './use-cases/record-award.use-case';
export { RemoveEvidenceUseCase } from './use-cases/remove-evidence.use-case';
export { ReturnNominationUseCase } from './use-cases/return-nomination.use-case';
export { SaveDossierUseCase } from './use-cases/save-dossier.use-case';
export { SubmitNominationUseCase } from './use-cases/submit-nomination.use-case';
export {
  type PublicNominationCommand,
  SubmitPublicNominationUseCase,
} from './use-cases/submit-public-nomination.use-case';
export { UploadEvidenceUseCase } from './use-cases/upload-evidence.use-case';
export { WithdrawNominationUseCase } from './use-cases/withdraw-nomination.use-case';
export {
  type RefereeMessage,
  ReadRefereeMessageUseCase,
} from './use-cases/read-referee-message.use-case';
