import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type SignedInActor } from '@craftcert/identity';
import { NominationQueries } from '../persistence/nomination.queries';
import { DraftNominationUseCase } from '../use-cases/draft-nomination.use-case';
import { ReadPersonalDataUseCase } from '../use-cases/read-personal-data.use-case';
import { SaveDossierUseCase } from '../use-cases/save-dossier.use-case';
import { NOMINATION_READERS } from './nomination-readers';
import {
  CreateNominationRequest,
  EditionParams,
  ListNominationsQuery,
  NominationParams,
  SaveDossierRequest,
} from './nomination.request.dto';
import { NominationEventResponse, NominationResponse } from './nomination.response.dto';

/** Nominations: drafts and their dossiers, listings, history and (audited) personal data. */
@ApiTags('nominations')
@Controller('api')
export class NominationsController {
  constructor(
    private readonly draftNomination: DraftNominationUseCase,
    private readonly saveDossierUseCase: SaveDossierUseCase,
    private readonly readPersonalDataUseCase: ReadPersonalDataUseCase,
    private readonly queries: NominationQueries,
  ) {}

  @Post('editions/:editionId/nominations')
  @Roles('unitNominator')
  @ApiCreatedResponse({ type: NominationResponse })
  async draft(
    @CurrentActor() actor: SignedInActor,
    @Param() { editionId }: EditionParams,
    @Body() body: CreateNominationRequest,
  ): Promise<NominationResponse> {
    return NominationResponse.from(
      await this.draftNomination.execute(actor, editionId, body.channelId, body.dossier),
      actor,
    );
  }

  @Get('editions/:editionId/nominations')
  @Roles(...NOMINATION_READERS)
  @ApiOkResponse({ type: [NominationResponse] })
  async list(
    @CurrentActor() actor: SignedInActor,
    @Param() { editionId }: EditionParams,
    @Query() query: ListNominationsQuery,
  ): Promise<NominationResponse[]> {
    const rows = await this.queries.list(actor, editionId, query);
    return rows.map((r) =>
      NominationResponse.from(r.nomination, actor, { organisationName: r.organisationName }),
    );
  }

  @Get('nominations/:nominationId')
  @Roles(...NOMINATION_READERS)
  @ApiOkResponse({ type: NominationResponse })
  async get(
    @CurrentActor() actor: SignedInActor,
    @Param() { nominationId }: NominationParams,
  ): Promise<NominationResponse> {
    return NominationResponse.from(await this.queries.get(actor, nominationId), actor, {
      withTrace: true,
    });
  }

  @Put('nominations/:nominationId/dossier')
  @Roles('unitNominator')
  @ApiOkResponse({ type: NominationResponse })
  async saveDossier(
    @CurrentActor() actor: SignedInActor,
    @Param() { nominationId }: NominationParams,
    @Body() body: SaveDossierRequest,
  ): Promise<NominationResponse> {
    return NominationResponse.from(
      await this.saveDossierUseCase.execute(actor, nominationId, body.dossier),
      actor,
    );
  }

  @Get('nominations/:nominationId/personal-data')
  @Roles('secretariatAdmin', 'unitNominator', 'unitApprover')
  @ApiOkResponse({
    description: "The candidate's personal fields, decrypted; the read is audited",
    schema: { type: 'object', additionalProperties: true },
  })
  readPersonalData(
    @CurrentActor() actor: SignedInActor,
    @Param() { nominationId }: NominationParams,
  ): Promise<Record<string, unknown>> {
    return this.readPersonalDataUseCase.execute(actor, nominationId);
  }

  @Get('nominations/:nominationId/timeline')
  @Roles(...NOMINATION_READERS)
  @ApiOkResponse({ type: [NominationEventResponse] })
  async timeline(
    @CurrentActor() actor: SignedInActor,
    @Param() { nominationId }: NominationParams,
  ): Promise<NominationEventResponse[]> {
    return (await this.queries.timeline(actor, nominationId)).map((e) =>
      NominationEventResponse.from(e),
    );
  }
}
