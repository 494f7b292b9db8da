import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, Roles } from '../access/access.decorators';
import { CurrentActor } from '../access/current-actor.decorator';
import type { SignedInActor } from '../auth/access-tokens';
import { OrganisationQueries } from '../persistence/organisation.queries';
import { CreateOrganisationUseCase } from '../use-cases/create-organisation.use-case';
import { CreateOrganisationRequest, OrganisationParams } from './identity.request.dto';
import { OrganisationResponse } from './identity.response.dto';

/** Organisations: the admin creates them; everyone else sees their own scope. */
@ApiTags('identity')
@Controller('api/organisations')
export class OrganisationsController {
  constructor(
    private readonly queries: OrganisationQueries,
    private readonly createOrganisationUseCase: CreateOrganisationUseCase,
  ) {}

  @Post()
  @Roles('secretariatAdmin')
  @ApiCreatedResponse({ type: OrganisationResponse })
  async createOrganisation(@Body() body: CreateOrganisationRequest): Promise<OrganisationResponse> {
    return OrganisationResponse.from(await this.createOrganisationUseCase.execute(body));
  }

  @Get()
  @Authenticated()
  @ApiOkResponse({ type: [OrganisationResponse] })
  async organisations(@CurrentActor() actor: SignedInActor): Promise<OrganisationResponse[]> {
    return (await this.queries.listOrganisations(actor)).map((o) => OrganisationResponse.from(o));
  }

  @Get(':organisationId')
  @Authenticated()
  @ApiOkResponse({ type: OrganisationResponse })
  async organisation(
    @CurrentActor() actor: SignedInActor,
    @Param() { organisationId }: OrganisationParams,
  ): Promise<OrganisationResponse> {
    return OrganisationResponse.from(await this.queries.organisation(actor, organisationId));
  }
}
