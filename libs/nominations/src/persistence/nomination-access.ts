import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { NotFoundError } from '@craftcert/platform';
import type { SignedInActor } from '@craftcert/identity';
import { OrganisationEntity } from '@craftcert/identity';
import { NominationEntity } from './nomination.entity';

export type NominationScope =
  'all' | { organisationPathPrefix: string } | { organisationId: string };

const OVERSEERS = ['secretariatAdmin', 'auditor'];

/**
 * Who may see which nominations: overseers all; a union approver those of its own organisation
 * and the units below it; a nominator those of its own organisation. Anything else reads as
 * missing (404), so ids of other units' nominations disclose nothing.
 */
@Injectable()
export class NominationAccess {
  constructor(private readonly dataSource: DataSource) {}

  async scopeOf(
    actor: SignedInActor,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<NominationScope> {
    if (actor.roles.some((r) => OVERSEERS.includes(r))) return 'all';
    if (actor.roles.includes('unitApprover')) {
      const own = await manager.findOneByOrFail(OrganisationEntity, { id: actor.organisationId });
      return { organisationPathPrefix: own.path };
    }
    return { organisationId: actor.organisationId };
  }

  /**
   * Loads a nomination the actor may see, locked for update when inside a write. `ownUnitOnly`
   * is for the unit's own acts (editing, submitting, withdrawing, evidence): an approver who
   * also holds the nominator role still acts only for its own organisation.
   */
  async load(
    actor: SignedInActor,
    nominationId: string,
    manager: EntityManager = this.dataSource.manager,
    options: { lock?: boolean; ownUnitOnly?: boolean } = {},
  ): Promise<NominationEntity> {
    const lock = options.lock ?? false;
    const nomination = await manager.findOne(NominationEntity, {
      where: { id: nominationId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    const visible = options.ownUnitOnly
      ? nomination?.nominatingOrganisationId === actor.organisationId
      : nomination && (await this.visible(actor, nomination, manager));
    if (!nomination || !visible) {
      throw new NotFoundError(`Nomination ${nominationId}`);
    }
    return nomination;
  }

  private async visible(
    actor: SignedInActor,
    nomination: NominationEntity,
    manager: EntityManager,
  ): Promise<boolean> {
    const scope = await this.scopeOf(actor, manager);
    if (scope === 'all') return true;
    if (!nomination.nominatingOrganisationId) return false;
    if ('organisationId' in scope)
      return nomination.nominatingOrganisationId === scope.organisationId;
    const organisation = await manager.findOneBy(OrganisationEntity, {
      id: nomination.nominatingOrganisationId,
    });
    return organisation?.path.startsWith(scope.organisationPathPrefix) ?? false;
  }
}
