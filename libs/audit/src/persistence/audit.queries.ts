import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditRecordEntity } from './audit-record.entity';
import type { AuditRecordRow } from './audit-record.row';

export type { AuditRecordRow } from './audit-record.row';

export interface AuditFilter {
  /** Cursor: only records with a smaller seq. */
  before?: string;
  limit: number;
  actorId?: string;
  action?: string;
  subjectType?: string;
  subjectId?: string;
  /** Inclusive lower bound of occurred_at. */
  from?: string;
  /** Exclusive upper bound of occurred_at. */
  to?: string;
}

const COLUMNS: [property: keyof AuditRecordEntity, column: keyof AuditRecordRow][] = [
  ['seq', 'seq'],
  ['id', 'id'],
  ['occurredAt', 'occurred_at'],
  ['actorId', 'actor_id'],
  ['actorOrganisationId', 'actor_organisation_id'],
  ['action', 'action'],
  ['subjectType', 'subject_type'],
  ['subjectId', 'subject_id'],
  ['summary', 'summary'],
  ['requestId', 'request_id'],
  ['position', 'position'],
  ['prevHash', 'prev_hash'],
  ['hash', 'hash'],
];

/** Read side of the audit trail: one query per page, newest first, whatever the page size. */
@Injectable()
export class AuditQueries {
  constructor(
    @InjectRepository(AuditRecordEntity) private readonly records: Repository<AuditRecordEntity>,
  ) {}

  async page(filter: AuditFilter): Promise<{ rows: AuditRecordRow[]; nextCursor: string | null }> {
    const query = this.records.createQueryBuilder('a').select([]);
    for (const [property, column] of COLUMNS) query.addSelect(`a.${property}`, column);
    const { before, actorId, action, subjectType, subjectId, from, to } = filter;
    if (before !== undefined) query.andWhere('a.seq < :before', { before });
    if (actorId !== undefined) query.andWhere('a.actorId = :actorId', { actorId });
    if (action !== undefined) query.andWhere('a.action = :action', { action });
    if (subjectType !== undefined) query.andWhere('a.subjectType = :subjectType', { subjectType });
    if (subjectId !== undefined) query.andWhere('a.subjectId = :subjectId', { subjectId });
    if (from !== undefined) query.andWhere('a.occurredAt >= :from', { from });
    if (to !== undefined) query.andWhere('a.occurredAt < :to', { to });
    // One row more than asked tells whether another page exists, without a count query.
    const rows = await query
      .orderBy('a.seq', 'DESC')
      .limit(filter.limit + 1)
      .getRawMany<AuditRecordRow>();
    const more = rows.length > filter.limit;
    const page = more ? rows.slice(0, filter.limit) : rows;
    return { rows: page, nextCursor: more ? page[page.length - 1].seq : null };
  }
}
