import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { NotFoundError } from '@craftcert/platform';
import type { SignedInActor } from '../auth/access-tokens';
import { whereInOrganisationScope } from './organisation-scope';
import { OrganisationEntity } from './organisation.entity';
import { UserEntity } from './user.entity';

/**
 * Organisation and user reads, filtered to the actor's organisation scope. Each read is one
 * SQL query, whatever the size of the result.
 */
@Injectable()
export class OrganisationQueries {
  constructor(
    @InjectRepository(OrganisationEntity)
    private readonly organisations: Repository<OrganisationEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
  ) {}

  listOrganisations(actor: SignedInActor): Promise<OrganisationEntity[]> {
    return whereInOrganisationScope(this.organisations.createQueryBuilder('o'), 'o', actor)
      .orderBy('o.path')
      .getMany();
  }

  async organisation(actor: SignedInActor, id: string): Promise<OrganisationEntity> {
    const found = await whereInOrganisationScope(
      this.organisations.createQueryBuilder('o'),
      'o',
      actor,
    )
      .andWhere('o.id = :id', { id })
      .getOne();
    // Out of scope reads the same as missing: existence is not disclosed.
    if (!found) throw new NotFoundError(`Organisation ${id}`);
    return found;
  }

  listUsers(actor: SignedInActor): Promise<UserEntity[]> {
    const query = this.users.createQueryBuilder('u').innerJoin('u.organisation', 'o');
    return whereInOrganisationScope(query, 'o', actor).orderBy('u.email').getMany();
  }

  async user(id: string): Promise<UserEntity> {
    const found = await this.users.findOneBy({ id });
    if (!found) throw new NotFoundError(`User ${id}`);
    return found;
  }
}
