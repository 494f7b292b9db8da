import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { LocalizedText } from '@craftcert/pipeline';
import type { ListChange, PublishedEntry } from '../domain/published-entry';
import { PublishedListEntity } from './publication.entities';

export interface PublishedListSummary {
  editionId: string;
  stageId: string;
  kind: 'notice' | 'announcement';
  title: LocalizedText;
  publishedAt: Date;
  updatedAt: Date;
  count: number;
}

/** The lists the public site shows: one per edition and publishing stage. */
@Injectable()
export class PublishedListRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Publishes a stage's list, or republishes it (entries replaced, `updated_at` moved). */
  async publish(
    tx: EntityManager,
    list: Pick<PublishedListEntity, 'editionId' | 'stageId' | 'kind' | 'title'> & {
      entries: PublishedEntry[];
      opensOn?: string | null;
      closesOn?: string | null;
    },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO published_list (edition_id, stage_id, kind, title, entries, opens_on, closes_on)
       VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7)
       ON CONFLICT ON CONSTRAINT uq_published_list_stage
       DO UPDATE SET entries = EXCLUDED.entries, title = EXCLUDED.title, updated_at = now()`,
      [
        list.editionId,
        list.stageId,
        list.kind,
        JSON.stringify(list.title),
        JSON.stringify(list.entries),
        list.opensOn ?? null,
        list.closesOn ?? null,
      ],
    );
  }

  /** The edition's notice, locked for a change (an objection upheld). */
  lockNotice(tx: EntityManager, editionId: string): Promise<PublishedListEntity | null> {
    return tx.findOne(PublishedListEntity, {
      where: { editionId, kind: 'notice' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** The edition's notice as the objection form needs it (no lock). */
  notice(editionId: string, manager: EntityManager = this.dataSource.manager) {
    return manager.findOne(PublishedListEntity, { where: { editionId, kind: 'notice' } });
  }

  /** Republishes a list with entries removed and the change recorded; `updated_at` moves. */
  async republish(
    tx: EntityManager,
    id: string,
    entries: PublishedEntry[],
    change: ListChange,
  ): Promise<void> {
    await tx.query(
      `UPDATE published_list SET entries = $2::jsonb, changes = changes || $3::jsonb,
         updated_at = now() WHERE id = $1`,
      [id, JSON.stringify(entries), JSON.stringify([change])],
    );
  }

  /** Every published list, newest first, without their entries (the home page). */
  async summaries(): Promise<PublishedListSummary[]> {
    const rows: {
      edition_id: string;
      stage_id: string;
      kind: 'notice' | 'announcement';
      title: LocalizedText;
      published_at: Date;
      updated_at: Date;
      count: number;
    }[] = await this.dataSource.query(
      `SELECT edition_id, stage_id, kind, title, published_at, updated_at,
              jsonb_array_length(entries)::int AS count
       FROM published_list ORDER BY published_at DESC, edition_id`,
    );
    return rows.map((r) => ({
      editionId: r.edition_id,
      stageId: r.stage_id,
      kind: r.kind,
      title: r.title,
      publishedAt: r.published_at,
      updatedAt: r.updated_at,
      count: r.count,
    }));
  }

  /** An edition's latest list: the announcement once released, else its notice. */
  latest(editionId: string): Promise<PublishedListEntity | null> {
    return (
      this.dataSource.manager
        .createQueryBuilder(PublishedListEntity, 'l')
        .where('l.edition_id = :editionId', { editionId })
        // 'announcement' sorts before 'notice'.
        .orderBy('l.kind', 'ASC')
        .addOrderBy('l.published_at', 'DESC')
        .getOne()
    );
  }
}
