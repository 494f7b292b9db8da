import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { revokeSession } from '../persistence/auth-session.repository';

/** Ends the caller's session; its refresh token stops working at once. */
@Injectable()
export class LogoutUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async execute(sessionId: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      if (await revokeSession(tx, sessionId)) {
        await this.audit.record(tx, {
          action: 'auth.signed-out',
          subjectType: 'auth_session',
          subjectId: sessionId,
        });
      }
    });
  }
}
