import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface InboxRow {
  id: string;
  topic: string;
  subject: string;
  body: string;
  data: Record<string, unknown>;
  readAt: Date | null;
  createdAt: Date;
}

/** A user's in-app inbox: reads with plain SQL, every statement scoped to the user. */
@Injectable()
export class InboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(userId: string, options: { unread: boolean; limit: number; offset: number }) {
    return this.dataSource.query(
      `SELECT id, topic, subject, body, data, read_at AS "readAt", created_at AS "createdAt"
         FROM inbox_notification
        WHERE user_id = $1 ${options.unread ? 'AND read_at IS NULL' : ''}
        ORDER BY created_at DESC, id
        LIMIT $2 OFFSET $3`,
      [userId, options.limit, options.offset],
    ) as Promise<InboxRow[]>;
  }

  async unreadCount(userId: string): Promise<number> {
    const rows = (await this.dataSource.query(
      'SELECT count(*)::int AS n FROM inbox_notification WHERE user_id = $1 AND read_at IS NULL',
      [userId],
    )) as { n: number }[];
    return rows[0].n;
  }

  /** False when the user has no such notification (someone else's answers the same). */
  async markRead(userId: string, id: string): Promise<boolean> {
    const [, count] = (await this.dataSource.query(
      `UPDATE inbox_notification SET read_at = COALESCE(read_at, now())
        WHERE id = $1 AND user_id = $2`,
      [id, userId],
    )) as [unknown, number];
    return count > 0;
  }

  async markAllRead(userId: string): Promise<number> {
    const [, count] = (await this.dataSource.query(
      'UPDATE inbox_notification SET read_at = now() WHERE user_id = $1 AND read_at IS NULL',
      [userId],
    )) as [unknown, number];
    return count;
  }
}
