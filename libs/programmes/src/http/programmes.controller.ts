import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type SignedInActor } from '@craftcert/identity';
import { pipelineDefinitionSchema } from '@craftcert/pipeline';
import { Authenticated, Public, RequireRoles } from '@craftcert/platform';
import { DefinitionsRepository } from '../persistence/definitions.repository';
import { ProgrammeQueries } from '../persistence/programme.queries';
import { CreateProgrammeUseCase } from '../use-cases/create-programme.use-case';
import { ExtendNominationWindowUseCase } from '../use-cases/extend-nomination-window.use-case';
import { OpenEditionUseCase } from '../use-cases/open-edition.use-case';
import {
  CreateProgrammeRequest,
  EditionParams,
  ExtendWindowRequest,
  OpenEditionRequest,
  ProgrammeParams,
} from './programme.request.dto';
import { EditionResponse, ProgrammeResponse } from './programme.response.dto';

// Roles are spelled here as strings: this context does not depend on identity's internals.
const ADMIN = 'secretariatAdmin';

@ApiTags('programmes')
@Controller('api')
export class ProgrammesController {
  constructor(
    private readonly createProgramme: CreateProgrammeUseCase,
    private readonly openEdition: OpenEditionUseCase,
    private readonly extendNominationWindow: ExtendNominationWindowUseCase,
    private readonly queries: ProgrammeQueries,
    private readonly definitions: DefinitionsRepository,
  ) {}

  @Get('schemas/pipeline-definition.json')
  @Public()
  @ApiOkResponse({
    description: 'The JSON Schema (draft 2020-12) every pipeline definition must meet',
    schema: { type: 'object', additionalProperties: true },
  })
  definitionSchema(): object {
    return pipelineDefinitionSchema;
  }

  @Post('programmes')
  @RequireRoles(ADMIN)
  @ApiCreatedResponse({ type: ProgrammeResponse })
  async create(@Body() body: CreateProgrammeRequest): Promise<ProgrammeResponse> {
    return ProgrammeResponse.from(await this.createProgramme.execute(body));
  }

  @Get('programmes')
  @Authenticated()
  @ApiOkResponse({ type: [ProgrammeResponse] })
  async list(): Promise<ProgrammeResponse[]> {
    return (await this.queries.listProgrammes()).map((p) => ProgrammeResponse.from(p));
  }

  @Get('programmes/:programmeId')
  @Authenticated()
  @ApiOkResponse({ type: ProgrammeResponse })
  async get(@Param() { programmeId }: ProgrammeParams): Promise<ProgrammeResponse> {
    return ProgrammeResponse.from(await this.definitions.programme(programmeId));
  }

  @Post('programmes/:programmeId/editions')
  @RequireRoles(ADMIN)
  @ApiCreatedResponse({ type: EditionResponse })
  async open(
    @Param() { programmeId }: ProgrammeParams,
    @Body() body: OpenEditionRequest,
  ): Promise<EditionResponse> {
    const edition = await this.openEdition.execute(programmeId, {
      ...body,
      nominationWindow: {
        opensAt: new Date(body.nominationWindow.opensAt),
        closesAt: new Date(body.nominationWindow.closesAt),
      },
    });
    return EditionResponse.from(edition, body.definitionVersion);
  }

  @Get('programmes/:programmeId/editions')
  @Authenticated()
  @ApiOkResponse({ type: [EditionResponse] })
  async editions(@Param() { programmeId }: ProgrammeParams): Promise<EditionResponse[]> {
    await this.definitions.programme(programmeId);
    const views = await this.queries.listEditions(programmeId);
    return views.map((v) => EditionResponse.from(v.edition, v.definitionVersion));
  }

  @Put('editions/:editionId/nomination-window')
  @RequireRoles(ADMIN)
  @ApiOkResponse({ type: EditionResponse })
  async extendWindow(
    @Param() { editionId }: EditionParams,
    @Body() body: ExtendWindowRequest,
    @CurrentActor() actor: SignedInActor,
  ): Promise<EditionResponse> {
    await this.extendNominationWindow.execute(
      editionId,
      new Date(body.closesAt),
      body.reason,
      actor.userId,
    );
    const view = await this.queries.edition(editionId);
    return EditionResponse.from(view.edition, view.definitionVersion);
  }

  @Get('editions/:editionId')
  @Authenticated()
  @ApiOkResponse({ type: EditionResponse })
  async edition(@Param() { editionId }: EditionParams): Promise<EditionResponse> {
    const view = await this.queries.edition(editionId);
    return EditionResponse.from(view.edition, view.definitionVersion);
  }
}
