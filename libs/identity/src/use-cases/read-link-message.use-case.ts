import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig, PiiCipher } from '@craftcert/platform';
import { invitationLink, passwordResetLink } from '../domain/links';
import { usableLinkToken } from '../persistence/link-message.repository';
import { OrganisationEntity } from '../persistence/organisation.entity';

/** What a message carrying a single-use link needs, read when it is sent. */
export interface LinkMessage {
  email: string;
  language: 'zh' | 'en';
  link: string;
  expiresAt: Date;
  /** The organisation an invitation is into. */
  organisationName: string | null;
}

/**
 * Builds the link of an invitation or a password reset at send time from its id (the outbox
 * holds nothing else). Null when the link was used or has expired: nothing is sent then.
 */
@Injectable()
export class ReadLinkMessageUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: PiiCipher,
    private readonly config: AppConfig,
  ) {}

  execute(kind: 'invitation' | 'passwordReset', id: string): Promise<LinkMessage | null> {
    return this.dataSource.transaction(async (tx) => {
      const usable = await usableLinkToken(tx, this.cipher, kind, id);
      if (!usable) return null;
      const { token, row } = usable;
      const organisation = row.organisationId
        ? await tx.findOneBy(OrganisationEntity, { id: row.organisationId })
        : null;
      return {
        email: row.email,
        language: row.language,
        link:
          kind === 'invitation'
            ? invitationLink(this.config.PUBLIC_URL, token)
            : passwordResetLink(this.config.PUBLIC_URL, token),
        expiresAt: row.expiresAt,
        organisationName: organisation?.name ?? null,
      };
    });
  }
}
