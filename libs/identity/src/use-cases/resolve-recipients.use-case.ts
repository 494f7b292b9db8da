import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { findRecipients, Recipient, RecipientQuery } from '../persistence/recipient.queries';

export type { Recipient, RecipientQuery };

/**
 * The active users a notification goes to: named users, holders of some roles within some
 * organisations, or holders of some roles in every organisation of a kind (the secretariat).
 */
@Injectable()
export class ResolveRecipientsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  execute(query: RecipientQuery): Promise<Recipient[]> {
    return findRecipients(this.dataSource.manager, query);
  }
}
