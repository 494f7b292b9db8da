import { Body, Controller, Get, Header, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { diffDefinitions, EligibilityResult } from '@craftcert/pipeline';
import { Authenticated, RequestValidationError, RequireRoles } from '@craftcert/platform';
import { DefinitionsRepository } from '../persistence/definitions.repository';
import type { PipelineDefinitionEntity } from '../persistence/pipeline-definition.entity';
import { ProgrammeQueries } from '../persistence/programme.queries';
import { EvaluateDossierUseCase } from '../use-cases/evaluate-dossier.use-case';
import { ProposeDefinitionUseCase } from '../use-cases/propose-definition.use-case';
import { PublishDefinitionUseCase } from '../use-cases/publish-definition.use-case';
import { ReviseDraftUseCase } from '../use-cases/revise-draft.use-case';
import {
  DefinitionInputRequest,
  DefinitionParams,
  DiffQuery,
  EvaluateDossierRequest,
  ProgrammeParams,
} from './programme.request.dto';
import {
  DefinitionDiffResponse,
  DefinitionResponse,
  DefinitionSummaryResponse,
  EligibilityResponse,
} from './programme.response.dto';

const ADMIN = 'secretariatAdmin';

@ApiTags('definitions')
@Controller('api/programmes/:programmeId/definitions')
export class DefinitionsController {
  constructor(
    private readonly propose: ProposeDefinitionUseCase,
    private readonly revise: ReviseDraftUseCase,
    private readonly publishUseCase: PublishDefinitionUseCase,
    private readonly evaluateUseCase: EvaluateDossierUseCase,
    private readonly definitions: DefinitionsRepository,
    private readonly queries: ProgrammeQueries,
  ) {}

  // A published version is immutable and held in memory by the repository, so its JSON (16 kB
  // for the Hangzhou scheme; serialising it was the largest cost of every form load) is built
  // once, as UTF-8 bytes: a string body would be encoded again on every send. Keyed by the
  // cached entity itself: drafts are fresh objects and never hit.
  private readonly publishedJson = new WeakMap<PipelineDefinitionEntity, Buffer>();

  @Post()
  @RequireRoles(ADMIN)
  @ApiCreatedResponse({ type: DefinitionResponse, description: 'A new draft version' })
  async create(
    @Param() { programmeId }: ProgrammeParams,
    @Body() body: DefinitionInputRequest,
  ): Promise<DefinitionResponse> {
    return DefinitionResponse.from(await this.propose.execute(programmeId, oneInput(body)));
  }

  @Get()
  @Authenticated()
  @ApiOkResponse({ type: [DefinitionSummaryResponse] })
  async list(@Param() { programmeId }: ProgrammeParams): Promise<DefinitionSummaryResponse[]> {
    await this.definitions.programme(programmeId);
    return (await this.queries.listDefinitions(programmeId)).map((d) =>
      DefinitionSummaryResponse.from(d),
    );
  }

  @Get('diff')
  @Authenticated()
  @ApiOkResponse({ type: DefinitionDiffResponse })
  async diff(
    @Param() { programmeId }: ProgrammeParams,
    @Query() { from, to }: DiffQuery,
  ): Promise<DefinitionDiffResponse> {
    const [a, b] = await Promise.all([
      this.definitions.version(programmeId, from),
      this.definitions.version(programmeId, to),
    ]);
    // The stamped version numbers always differ; they are not a change in the rules.
    const changes = diffDefinitions(a.document, b.document).filter((c) => c.path !== '/version');
    return { from, to, changes };
  }

  @Get(':version')
  @Authenticated()
  @Header('content-type', 'application/json; charset=utf-8')
  @ApiOkResponse({ type: DefinitionResponse })
  async get(@Param() { programmeId, version }: DefinitionParams): Promise<Buffer> {
    const definition = await this.definitions.version(programmeId, version);
    let json = this.publishedJson.get(definition);
    if (json === undefined) {
      json = Buffer.from(JSON.stringify(DefinitionResponse.from(definition)));
      if (definition.status === 'published') this.publishedJson.set(definition, json);
    }
    return json;
  }

  @Put(':version')
  @RequireRoles(ADMIN)
  @ApiOkResponse({ type: DefinitionResponse, description: 'The revised draft' })
  async update(
    @Param() { programmeId, version }: DefinitionParams,
    @Body() body: DefinitionInputRequest,
  ): Promise<DefinitionResponse> {
    return DefinitionResponse.from(await this.revise.execute(programmeId, version, oneInput(body)));
  }

  @Post(':version/publish')
  @RequireRoles(ADMIN)
  @HttpCode(200)
  @ApiOkResponse({ type: DefinitionResponse, description: 'Published: immutable from now on' })
  async publish(@Param() { programmeId, version }: DefinitionParams): Promise<DefinitionResponse> {
    return DefinitionResponse.from(await this.publishUseCase.execute(programmeId, version));
  }

  @Post(':version/evaluate')
  @Authenticated()
  @HttpCode(200)
  @ApiOkResponse({ type: EligibilityResponse })
  evaluate(
    @Param() { programmeId, version }: DefinitionParams,
    @Body() body: EvaluateDossierRequest,
  ): Promise<EligibilityResult> {
    return this.evaluateUseCase.execute(programmeId, version, body);
  }
}

function oneInput(body: DefinitionInputRequest): DefinitionInputRequest {
  if ((body.document === undefined) === (body.source === undefined)) {
    throw new RequestValidationError([
      {
        path: 'document',
        message: 'give exactly one of document (JSON object) or source (YAML or JSON text)',
      },
    ]);
  }
  return body;
}
