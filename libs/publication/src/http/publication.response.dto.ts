import { ApiProperty } from '@nestjs/swagger';

class LocalizedTextResponse {
  @ApiProperty() zh: string;
  @ApiProperty() en: string;
}

class PublicFieldResponse {
  @ApiProperty() id: string;
  @ApiProperty({ type: LocalizedTextResponse }) label: LocalizedTextResponse;
  @ApiProperty() value: string;
}

export class CertificateVerificationResponse {
  @ApiProperty() certificateNo: string;
  @ApiProperty({ format: 'uuid' }) editionId: string;
  @ApiProperty() holderName: string;
  @ApiProperty({ type: [PublicFieldResponse], description: 'Public fields only' })
  fields: PublicFieldResponse[];
  @ApiProperty({ type: LocalizedTextResponse }) programme: LocalizedTextResponse;
  @ApiProperty({ type: LocalizedTextResponse }) tier: LocalizedTextResponse;
  @ApiProperty() edition: string;
  @ApiProperty({ format: 'date-time' }) issuedAt: Date;
  @ApiProperty({ enum: ['valid', 'revoked'] }) status: 'valid' | 'revoked';
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) revokedAt: Date | null;
  @ApiProperty({ nullable: true, type: String }) revocationGrounds: string | null;
  @ApiProperty({ description: 'The Open Badges 3.0 credential as a VC-JWT (EdDSA, Ed25519)' })
  credential: string;
  @ApiProperty({ description: "The credential's signature verifies against the issuer's key" })
  signatureValid: boolean;
}

export class RevocationResponse {
  @ApiProperty() certificateNo: string;
  @ApiProperty({ enum: ['revoked'] }) status: 'revoked';
  @ApiProperty({ format: 'date-time' }) revokedAt: Date;
  @ApiProperty() revocationGrounds: string;
}

class JwkResponse {
  @ApiProperty({ example: 'OKP' }) kty: string;
  @ApiProperty({ example: 'Ed25519' }) crv: string;
  @ApiProperty() x: string;
  @ApiProperty() kid: string;
  @ApiProperty({ example: 'EdDSA' }) alg: string;
  @ApiProperty({ example: 'sig' }) use: string;
}

export class JwksResponse {
  @ApiProperty({ type: [JwkResponse] }) keys: JwkResponse[];
}

export class ObjectionReceiptResponse {
  @ApiProperty({ description: 'Quote it when asking about the objection' }) receiptNo: string;
  @ApiProperty({ format: 'date-time' }) receivedAt: Date;
}

export class ObjectionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() receiptNo: string;
  @ApiProperty({ format: 'uuid' }) nominationId: string;
  @ApiProperty({ enum: ['individual', 'organisation'] }) objectorKind: string;
  @ApiProperty({ description: "The objector's name masked, or the organisation's" })
  objector: string;
  @ApiProperty() facts: string;
  @ApiProperty({ enum: ['web', 'letter', 'phone', 'visit'] }) channel: string;
  @ApiProperty({ enum: ['received', 'investigating', 'upheld', 'dismissed'] }) status: string;
  @ApiProperty({ nullable: true, type: String }) findings: string | null;
  @ApiProperty({ format: 'date-time' }) receivedAt: Date;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) decidedAt: Date | null;
}

export class ObjectorContactResponse {
  @ApiProperty() name: string;
  @ApiProperty() contact: string;
}

export class TriageResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() receiptNo: string;
  @ApiProperty({ enum: ['investigating', 'upheld', 'dismissed'] }) status: string;
  @ApiProperty() findings: string;
  @ApiProperty({ description: 'The person was removed from the notice (upheld)' })
  removed: boolean;
}

export class BatchRevocationResponse {
  @ApiProperty({ format: 'uuid' }) editionId: string;
  @ApiProperty({ description: 'How many valid certificates were revoked now' }) revoked: number;
  @ApiProperty({ type: [String] }) certificateNos: string[];
  @ApiProperty({ format: 'date-time' }) revokedAt: Date;
}
