// The publication context's public surface: its modules, the site's view registration and the
// use cases other contexts or the CLI call. Its tables are listed for the migrations catalogue
// in `@craftcert/publication/entities`.
export { PublicationHttpModule, PublicationModule } from './publication.module';
export { registerSiteViews } from './site/site-views';
export { CertificateRevokedError } from './domain/publication.errors';
export { isCertificateNumber } from './domain/certificate-number';
export { ReleaseEditionUseCase } from './use-cases/release-edition.use-case';
export {
  type CertificateVerification,
  VerifyCertificateUseCase,
} from './use-cases/verify-certificate.use-case';
export { RevokeCertificateUseCase } from './use-cases/revoke-certificate.use-case';
