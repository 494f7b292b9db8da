import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarModule } from '@craftcert/calendar';
import { NominationsModule } from '@craftcert/nominations';
import { PersonalDataModule } from '@craftcert/platform';
import { ProgrammesModule } from '@craftcert/programmes';
import { WorkflowModule } from '@craftcert/workflow';
import { CredentialIssuer } from './credentials/credential-issuer';
import { CertificatesController } from './http/certificates.controller';
import { ObjectionsController } from './http/objections.controller';
import { PublicSiteController } from './http/public-site.controller';
import { CertificateFiles } from './persistence/certificate-files';
import { CertificateRepository } from './persistence/certificate.repository';
import { ObjectionRepository } from './persistence/objection.repository';
import { PUBLICATION_ENTITIES } from './persistence/publication.entities';
import { PublishedListRepository } from './persistence/published-list.repository';
import { ListObjectionsUseCase } from './use-cases/list-objections.use-case';
import { PublishNoticeUseCase } from './use-cases/publish-notice.use-case';
import { ReadObjectorContactUseCase } from './use-cases/read-objector-contact.use-case';
import { SubmitObjectionUseCase } from './use-cases/submit-objection.use-case';
import { TriageObjectionUseCase } from './use-cases/triage-objection.use-case';
import { ListPublishedListsUseCase } from './use-cases/list-published-lists.use-case';
import { ReadPublishedListUseCase } from './use-cases/read-published-list.use-case';
import { ReleaseEditionUseCase } from './use-cases/release-edition.use-case';
import { RenderCertificatePdfUseCase } from './use-cases/render-certificate-pdf.use-case';
import { RevokeCertificateUseCase } from './use-cases/revoke-certificate.use-case';
import { RevokeEditionCertificatesUseCase } from './use-cases/revoke-edition-certificates.use-case';
import { VerifyCertificateUseCase } from './use-cases/verify-certificate.use-case';

export const PUBLICATION_USE_CASES = [
  ReleaseEditionUseCase,
  PublishNoticeUseCase,
  SubmitObjectionUseCase,
  ListObjectionsUseCase,
  ReadObjectorContactUseCase,
  TriageObjectionUseCase,
  ListPublishedListsUseCase,
  ReadPublishedListUseCase,
  VerifyCertificateUseCase,
  RevokeCertificateUseCase,
  RevokeEditionCertificatesUseCase,
  RenderCertificatePdfUseCase,
];

/**
 * Publication: what entering the notice and release stages does (registered with the stage
 * runner's effects), certificates and their credentials. Loaded by every role, so a scheduled
 * stage entry in a worker publishes too.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature(PUBLICATION_ENTITIES),
    ProgrammesModule,
    NominationsModule,
    WorkflowModule,
    CalendarModule,
    PersonalDataModule,
  ],
  providers: [
    CertificateFiles,
    CertificateRepository,
    ObjectionRepository,
    PublishedListRepository,
    CredentialIssuer,
    ...PUBLICATION_USE_CASES,
  ],
  exports: [...PUBLICATION_USE_CASES, CredentialIssuer],
})
export class PublicationModule {}

/** The public site and the certificate routes: loaded only by processes that serve HTTP. */
@Module({
  imports: [PublicationModule],
  controllers: [PublicSiteController, CertificatesController, ObjectionsController],
})
export class PublicationHttpModule {}
