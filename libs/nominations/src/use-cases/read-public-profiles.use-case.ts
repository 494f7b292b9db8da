import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { DossierField, LocalizedText } from '@craftcert/pipeline';
import { PiiCipher } from '@craftcert/platform';
import { LoadEditionDefinitionUseCase } from '@craftcert/programmes';
import { NominationEntity } from '../persistence/nomination.entity';

/** What the public may see of a candidate: the fields the definition marks public, as text. */
export interface PublicProfile {
  nominationId: string;
  /** The candidate's name (the definition's `name` field, public by definition). */
  name: string;
  fields: { id: string; label: LocalizedText; value: string }[];
}

/**
 * The public fields of nominations, for notices, announcements and certificates. Fields not
 * marked `public` in the edition's definition (ID number, phone, birth date…) never leave here.
 */
@Injectable()
export class ReadPublicProfilesUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly editions: LoadEditionDefinitionUseCase,
    private readonly cipher: PiiCipher,
  ) {}

  async execute(
    editionId: string,
    nominationIds: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PublicProfile[]> {
    const { definition } = await this.editions.execute(editionId, manager);
    const rows = await manager
      .createQueryBuilder(NominationEntity, 'n')
      .select(['n.id', 'n.maskedName', 'n.dossier', 'n.piiCiphertext'])
      .where('n.edition_id = :editionId AND n.id = ANY(:ids)', {
        editionId,
        ids: [...nominationIds],
      })
      .getMany();
    const publicFields = definition.dossier.fields.filter((f) => f.public && f.type !== 'list');
    return rows.map((row) => {
      const personal = this.cipher.decrypt<Record<string, unknown>>(row.piiCiphertext);
      const valueOf = (f: DossierField) => (f.pii ? personal[f.id] : row.dossier[f.id]);
      const name = valueOf({ id: 'name', pii: true } as DossierField);
      return {
        nominationId: row.id,
        name: typeof name === 'string' && name ? name : row.maskedName,
        fields: publicFields
          .filter((f) => f.id !== 'name')
          .map((f) => ({ id: f.id, label: f.label, value: display(f, valueOf(f)) }))
          .filter((f) => f.value !== ''),
      };
    });
  }
}

function display(field: DossierField, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (field.type === 'enum' && field.values) {
    const found = field.values.find((v) => v.code === value);
    if (found) return found.label.zh;
  }
  if (typeof value === 'boolean') return value ? '是' : '否';
  return typeof value === 'object' ? '' : String(value);
}
