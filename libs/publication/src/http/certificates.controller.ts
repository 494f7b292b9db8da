import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, Public, Roles, type SignedInActor } from '@craftcert/identity';
import { CredentialIssuer } from '../credentials/credential-issuer';
import { RevokeCertificateUseCase } from '../use-cases/revoke-certificate.use-case';
import { RevokeEditionCertificatesUseCase } from '../use-cases/revoke-edition-certificates.use-case';
import { VerifyCertificateUseCase } from '../use-cases/verify-certificate.use-case';
import {
  CertificateParams,
  PublicEditionParams,
  RevokeCertificateBody,
} from './publication.request.dto';
import {
  BatchRevocationResponse,
  CertificateVerificationResponse,
  JwksResponse,
  RevocationResponse,
} from './publication.response.dto';

/** Certificates for machines: verification with the credential, the issuer's key, revocation. */
@ApiTags('certificates')
@Controller()
export class CertificatesController {
  constructor(
    private readonly verifyCertificate: VerifyCertificateUseCase,
    private readonly revokeCertificate: RevokeCertificateUseCase,
    private readonly issuer: CredentialIssuer,
    private readonly revokeEdition: RevokeEditionCertificatesUseCase,
  ) {}

  @Get('.well-known/jwks.json')
  @Public()
  @ApiOperation({
    summary: "The issuer's public key (Ed25519) that verifies certificates' credentials",
  })
  @ApiOkResponse({ type: JwksResponse })
  jwks(): Promise<JwksResponse> {
    return this.issuer.jwks() as Promise<JwksResponse>;
  }

  @Get('api/public/certificates/:certificateNo')
  @Public()
  @ApiOperation({
    summary: "A certificate's status (valid or revoked), public fields and signed credential",
  })
  @ApiOkResponse({ type: CertificateVerificationResponse })
  @ApiBadRequestResponse({ description: 'Not a well-formed certificate number' })
  @ApiNotFoundResponse({ description: 'No such certificate' })
  verify(@Param() { certificateNo }: CertificateParams): Promise<CertificateVerificationResponse> {
    return this.verifyCertificate.execute(certificateNo);
  }

  @Post('api/certificates/:certificateNo/revocation')
  @HttpCode(200)
  @Roles('secretariatAdmin')
  @ApiOperation({ summary: 'Revoke a certificate on stated grounds (audited, shown at once)' })
  @ApiOkResponse({ type: RevocationResponse })
  @ApiNotFoundResponse({ description: 'No such certificate' })
  @ApiConflictResponse({ description: 'Already revoked' })
  revoke(
    @CurrentActor() actor: SignedInActor,
    @Param() { certificateNo }: CertificateParams,
    @Body() { grounds }: RevokeCertificateBody,
  ): Promise<RevocationResponse> {
    return this.revokeCertificate.execute(actor, certificateNo, grounds);
  }

  @Post('api/editions/:editionId/certificates/revocation')
  @HttpCode(200)
  @Roles('secretariatAdmin')
  @ApiOperation({ summary: 'Revoke every valid certificate of an edition at once (audited)' })
  @ApiOkResponse({ type: BatchRevocationResponse })
  revokeBatch(
    @CurrentActor() actor: SignedInActor,
    @Param() { editionId }: PublicEditionParams,
    @Body() { grounds }: RevokeCertificateBody,
  ): Promise<BatchRevocationResponse> {
    return this.revokeEdition.execute(actor, editionId, grounds);
  }
}
