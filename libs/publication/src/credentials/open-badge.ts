import type { LocalizedText } from '@craftcert/pipeline';

export interface BadgeFacts {
  baseUrl: string;
  certificateNo: string;
  editionId: string;
  holderName: string;
  programme: LocalizedText;
  tier: LocalizedText;
  edition: string;
  issuedAt: Date;
}

/** The Open Badges 3.0 credential (W3C VC data model 2.0) a certificate is issued as. */
export function openBadgeCredential(facts: BadgeFacts): Record<string, unknown> {
  const verifyUrl = `${facts.baseUrl}/verify/${facts.certificateNo}`;
  return {
    '@context': [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ],
    id: verifyUrl,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: facts.baseUrl, type: ['Profile'], name: facts.programme.zh },
    validFrom: facts.issuedAt.toISOString(),
    name: `${facts.programme.zh} ${facts.tier.zh}`,
    credentialSubject: {
      type: ['AchievementSubject'],
      name: facts.holderName,
      achievement: {
        id: `${facts.baseUrl}/editions/${facts.editionId}#${encodeURIComponent(facts.tier.en)}`,
        type: ['Achievement'],
        name: `${facts.tier.zh}（${facts.edition}）`,
        description: `${facts.programme.en} — ${facts.tier.en}, ${facts.edition}`,
        criteria: { id: `${facts.baseUrl}/editions/${facts.editionId}` },
      },
    },
    credentialStatus: {
      id: `${facts.baseUrl}/api/public/certificates/${facts.certificateNo}`,
      type: 'CertificateStatusLookup',
    },
  };
}
