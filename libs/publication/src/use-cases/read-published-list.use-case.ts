import { Injectable } from '@nestjs/common';
import { toLocalDate } from '@craftcert/calendar';
import { NotFoundError } from '@craftcert/platform';
import type { LocalizedText } from '@craftcert/pipeline';
import { PublishedListRepository } from '../persistence/published-list.repository';
import type { PublishedListEntity } from '../persistence/publication.entities';

export interface PublishedListView {
  list: PublishedListEntity;
  /** The public fields in the order the entries carry them: the list's columns. */
  columns: { id: string; label: LocalizedText }[];
  /** Republished since first published. */
  updated: boolean;
  /** A notice whose period has not ended (Asia/Shanghai): the objection form is shown. */
  open: boolean;
}

/** An edition's published list (its announcement, else its notice); none yet is not found. */
@Injectable()
export class ReadPublishedListUseCase {
  constructor(private readonly lists: PublishedListRepository) {}

  async execute(editionId: string): Promise<PublishedListView> {
    const list = await this.lists.latest(editionId);
    if (!list) throw new NotFoundError(`Published list of edition ${editionId}`);
    const columns = new Map<string, LocalizedText>();
    for (const e of list.entries) for (const f of e.fields) columns.set(f.id, f.label);
    return {
      list,
      columns: [...columns].map(([id, label]) => ({ id, label })),
      updated: list.changes.length > 0,
      open: list.kind === 'notice' && (!list.closesOn || toLocalDate(new Date()) <= list.closesOn),
    };
  }
}
