import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, SelectQueryBuilder } from 'typeorm';
import { NotFoundError } from '@craftcert/platform';
import type { SignedInActor } from '../auth/access-tokens';
import { OVERSEEING_ROLES } from '../domain/roles';
import { OrganisationEntity } from './organisation.entity';
import { UserEntity } from './user.entity';

/**
 * Organisation and user reads, filtered to what the actor may see: overseers everything, a
 * unit approver their own organisation and the units below it, anyone else their own.
 * Each read is one SQL query, whatever the size of the result.
 */
@Injectable()
export class OrganisationQueries {
  constructor(
    @InjectRepository(OrganisationEntity)
    private readonly organisations: Repository<OrganisationEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
  ) {}

  listOrganisations(actor: SignedInActor): Promise<OrganisationEntity[]> {
    return this.scoped(this.organisations.createQueryBuilder('o'), actor)
      .orderBy('o.path')
      .getMany();
  }

  async organisation(actor: SignedInActor, id: string): Promise<OrganisationEntity> {
    const found = await this.scoped(this.organisations.createQueryBuilder('o'), actor)
      .andWhere('o.id = :id', { id })
      .getOne();
    // Out of scope reads the same as missing: existence is not disclosed.
    if (!found) throw new NotFoundError(`Organisation ${id}`);
    return found;
  }

  listUsers(actor: SignedInActor): Promise<UserEntity[]> {
    const query = this.users.createQueryBuilder('u').innerJoin('u.organisation', 'o');
    return this.scoped(query, actor).orderBy('u.email').getMany();
  }

  async user(id: string): Promise<UserEntity> {
    const found = await this.users.findOneBy({ id });
    if (!found) throw new NotFoundError(`User ${id}`);
    return found;
  }

  /** Restricts a query joined as `o` (organisation) to the actor's visible organisations. */
  private scoped<T extends object>(
    query: SelectQueryBuilder<T>,
    actor: SignedInActor,
  ): SelectQueryBuilder<T> {
    if (actor.roles.some((r) => OVERSEEING_ROLES.includes(r))) return query;
    if (actor.roles.includes('unitApprover')) {
      return query.where(
        `o.path LIKE (SELECT mine.path FROM organisation mine WHERE mine.id = :own) || '%'`,
        { own: actor.organisationId },
      );
    }
    return query.where('o.id = :own', { own: actor.organisationId });
  }
}
