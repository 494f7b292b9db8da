import { Injectable } from '@nestjs/common';
import { type Recipient, ResolveRecipientsUseCase, type Role } from '@craftcert/identity';
import { ListStageAssigneesUseCase } from '@craftcert/workflow';
import type { Audience } from '../domain/topic-rules';

/** The roles of an organisation's members who are assigned to a stage's tasks. */
const STAGE_ROLES: Role[] = ['departmentReviewer', 'secretariatAdmin', 'expert'];

export interface ResolvedAudience {
  users: Recipient[];
  links: Extract<Audience, { kind: 'link' }>[];
}

/**
 * Turns a rule's audiences into people: users by id, role holders within organisations,
 * everyone assigned to a stage, the secretariat; each user once. Link recipients stay ids.
 */
@Injectable()
export class ResolveAudienceUseCase {
  constructor(
    private readonly recipients: ResolveRecipientsUseCase,
    private readonly stageAssignees: ListStageAssigneesUseCase,
  ) {}

  async execute(audiences: readonly Audience[]): Promise<ResolvedAudience> {
    const users = new Map<string, Recipient>();
    const links: ResolvedAudience['links'] = [];
    for (const audience of audiences) {
      let found: Recipient[] = [];
      switch (audience.kind) {
        case 'users':
          found = await this.recipients.execute({ userIds: audience.userIds });
          break;
        case 'role':
          found = await this.recipients.execute(audience);
          break;
        case 'stage': {
          const organisationIds = await this.stageAssignees.execute(
            audience.editionId,
            audience.stageId,
          );
          found = await this.recipients.execute({ organisationIds, roles: STAGE_ROLES });
          break;
        }
        case 'secretariat':
          found = await this.recipients.execute({
            roles: ['secretariatAdmin'],
            organisationKind: 'secretariat',
          });
          break;
        case 'link':
          links.push(audience);
          break;
      }
      for (const user of found) users.set(user.userId, user);
    }
    return { users: [...users.values()], links };
  }
}
