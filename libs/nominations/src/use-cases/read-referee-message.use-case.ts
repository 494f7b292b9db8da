import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig, PiiCipher } from '@craftcert/platform';
import { usableRefereeLink } from '../persistence/referee.repository';

/** What the message asking a referee to vouch needs, read when it is sent. */
export interface RefereeMessage {
  email: string;
  name: string;
  language: 'zh' | 'en';
  link: string;
}

/**
 * Builds a referee's confirmation link at send time from the referee's id (the outbox holds
 * nothing else). Null once they confirmed or the link expired: nothing is sent then.
 */
@Injectable()
export class ReadRefereeMessageUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: PiiCipher,
    private readonly config: AppConfig,
  ) {}

  execute(refereeId: string): Promise<RefereeMessage | null> {
    return this.dataSource.transaction(async (tx) => {
      const usable = await usableRefereeLink(tx, this.cipher, refereeId);
      if (!usable) return null;
      return {
        email: usable.email,
        name: usable.name,
        language: 'zh',
        link: `${this.config.PUBLIC_URL}/referee?token=${usable.token}`,
      };
    });
  }
}
