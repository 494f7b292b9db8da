import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '@craftcert/identity';
import { Roles } from '@craftcert/identity';
import { RequestValidationError } from '@craftcert/platform';
import { NominationQueries } from '../persistence/nomination.queries';
import { DraftNominationUseCase } from '../use-cases/draft-nomination.use-case';
import { EvidenceUseCase } from '../use-cases/evidence.use-case';
import { NominationTransitionsUseCase } from '../use-cases/nomination-transitions.use-case';
import { PublicChannelsUseCase } from '../use-cases/public-channels.use-case';
import { ReadPersonalDataUseCase } from '../use-cases/read-personal-data.use-case';
import { RecordAwardUseCase } from '../use-cases/record-award.use-case';
import { MigrateEditionDefinitionUseCase } from '../use-cases/migrate-edition-definition.use-case';
import { NominationSpreadsheetsUseCase } from '../use-cases/nomination-spreadsheets.use-case';
import { SubmitNominationUseCase } from '../use-cases/submit-nomination.use-case';
import { NominationAccess } from '../persistence/nomination-access';
import {
  CreateNominationRequest,
  DefinitionMigrationRequest,
  EditionParams,
  EvidenceParams,
  ImportQuery,
  ListNominationsQuery,
  NominationParams,
  NoteRequest,
  RankRequest,
  RecordAwardRequest,
  ReturnRequest,
  SaveDossierRequest,
  UploadEvidenceQuery,
} from './nomination.request.dto';
import {
  EvidenceFileResponse,
  NominationEventResponse,
  NominationResponse,
} from './nomination.response.dto';

const READERS = ['secretariatAdmin', 'auditor', 'unitNominator', 'unitApprover'] as const;

@ApiTags('nominations')
@Controller('api')
export class NominationsController {
  constructor(
    private readonly drafts: DraftNominationUseCase,
    private readonly submission: SubmitNominationUseCase,
    private readonly transitions: NominationTransitionsUseCase,
    private readonly evidence: EvidenceUseCase,
    private readonly personalData: ReadPersonalDataUseCase,
    private readonly awards: RecordAwardUseCase,
    private readonly queries: NominationQueries,
    private readonly access: NominationAccess,
    private readonly spreadsheets: NominationSpreadsheetsUseCase,
    private readonly migration: MigrateEditionDefinitionUseCase,
    private readonly publicChannels: PublicChannelsUseCase,
  ) {}

  @Post('editions/:editionId/nominations')
  @Roles('unitNominator')
  async create(
    @Req() req: AuthenticatedRequest,
    @Param() { editionId }: EditionParams,
    @Body() body: CreateNominationRequest,
  ) {
    const nomination = await this.drafts.create(
      req.actor!,
      editionId,
      body.channelId,
      body.dossier,
    );
    return NominationResponse.from(nomination);
  }

  @Get('editions/:editionId/nominations')
  @Roles(...READERS)
  async list(
    @Req() req: AuthenticatedRequest,
    @Param() { editionId }: EditionParams,
    @Query() query: ListNominationsQuery,
  ) {
    const rows = await this.queries.list(req.actor!, editionId, query);
    return rows.map((r) =>
      NominationResponse.from(r.nomination, { organisationName: r.organisationName }),
    );
  }

  @Get('nominations/:nominationId')
  @Roles(...READERS)
  async get(@Req() req: AuthenticatedRequest, @Param() { nominationId }: NominationParams) {
    return NominationResponse.from(await this.access.load(req.actor!, nominationId), {
      withTrace: true,
    });
  }

  @Put('nominations/:nominationId/dossier')
  @Roles('unitNominator')
  async save(
    @Req() req: AuthenticatedRequest,
    @Param() { nominationId }: NominationParams,
    @Body() body: SaveDossierRequest,
  ) {
    return NominationResponse.from(
      await this.drafts.update(req.actor!, nominationId, body.dossier),
    );
  }

  @Post('nominations/:nominationId/submit')
  @Roles('unitNominator')
  @HttpCode(200)
  async submit(@Req() req: AuthenticatedRequest, @Param() { nominationId }: NominationParams) {
    return NominationResponse.from(await this.submission.execute(req.actor!, nominationId), {
      withTrace: true,
    });
  }

  @Post('nominations/:nominationId/withdraw')
  @Roles('unitNominator')
  @HttpCode(200)
  async withdraw(
    @Req() req: AuthenticatedRequest,
    @Param() { nominationId }: NominationParams,
    @Body() body: NoteRequest,
  ) {
    return NominationResponse.from(
      await this.transitions.withdraw(req.actor!, nominationId, body.reason),
    );
  }

  @Post('nominations/:nominationId/forward')
  @Roles('unitApprover')
  @HttpCode(200)
  async forward(@Req() req: AuthenticatedRequest, @Param() { nominationId }: NominationParams) {
    return NominationResponse.from(await this.transitions.forward(req.actor!, nominationId));
  }

  @Post('nominations/:nominationId/return')
  @Roles('unitApprover')
  @HttpCode(200)
  async sendBack(
    @Req() req: AuthenticatedRequest,
    @Param() { nominationId }: NominationParams,
    @Body() body: ReturnRequest,
  ) {
    return NominationResponse.from(
      await this.transitions.returnToUnit(req.actor!, nominationId, body.reason),
    );
  }

  @Put('editions/:editionId/rankings')
  @Roles('unitApprover')
  @HttpCode(204)
  async rank(
    @Req() req: AuthenticatedRequest,
    @Param() { editionId }: EditionParams,
    @Body() body: RankRequest,
  ) {
    await this.transitions.rank(req.actor!, editionId, body.channelId, body.order);
  }

  @Get('nominations/:nominationId/personal-data')
  @Roles('secretariatAdmin', 'unitNominator', 'unitApprover')
  personal(@Req() req: AuthenticatedRequest, @Param() { nominationId }: NominationParams) {
    return this.personalData.execute(req.actor!, nominationId);
  }

  @Get('nominations/:nominationId/timeline')
  @Roles(...READERS)
  async timeline(@Req() req: AuthenticatedRequest, @Param() { nominationId }: NominationParams) {
    return (await this.queries.timeline(req.actor!, nominationId)).map((e) =>
      NominationEventResponse.from(e),
    );
  }

  @Post('nominations/:nominationId/evidence')
  @Roles('unitNominator')
  async upload(
    @Req() req: AuthenticatedRequest,
    @Param() { nominationId }: NominationParams,
    @Query() query: UploadEvidenceQuery,
  ) {
    const bytes = req.body;
    if (!Buffer.isBuffer(bytes)) {
      throw new RequestValidationError([
        {
          path: 'file',
          message:
            'send the file itself as the request body (e.g. Content-Type: application/octet-stream)',
        },
      ]);
    }
    return EvidenceFileResponse.from(
      await this.evidence.upload(req.actor!, nominationId, { ...query, bytes }),
    );
  }

  @Get('nominations/:nominationId/evidence')
  @Roles(...READERS)
  async files(@Req() req: AuthenticatedRequest, @Param() { nominationId }: NominationParams) {
    return (await this.evidence.list(req.actor!, nominationId)).map((f) =>
      EvidenceFileResponse.from(f),
    );
  }

  @Get('nominations/:nominationId/evidence/:fileId')
  @Roles(...READERS)
  async download(
    @Req() req: AuthenticatedRequest,
    @Param() { nominationId, fileId }: EvidenceParams,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { file, bytes } = await this.evidence.download(req.actor!, nominationId, fileId);
    void reply
      .header('content-type', file.contentType)
      .header(
        'content-disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      );
    return bytes;
  }

  @Delete('nominations/:nominationId/evidence/:fileId')
  @Roles('unitNominator')
  @HttpCode(204)
  async removeFile(
    @Req() req: AuthenticatedRequest,
    @Param() { nominationId, fileId }: EvidenceParams,
  ) {
    await this.evidence.remove(req.actor!, nominationId, fileId);
  }

  @Get('editions/:editionId/nominations/template.xlsx')
  @Roles(...READERS)
  async template(
    @Param() { editionId }: EditionParams,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return xlsx(reply, 'nomination-template.xlsx', await this.spreadsheets.template(editionId));
  }

  @Get('editions/:editionId/nominations.xlsx')
  @Roles(...READERS)
  async exportXlsx(
    @Req() req: AuthenticatedRequest,
    @Param() { editionId }: EditionParams,
    @Query() query: ListNominationsQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { revealPersonalData, ...filter } = query;
    const bytes = await this.spreadsheets.export(
      req.actor!,
      editionId,
      filter,
      revealPersonalData === 'true',
    );
    return xlsx(reply, 'nominations.xlsx', bytes);
  }

  @Post('editions/:editionId/nominations/import')
  @Roles('unitNominator')
  @HttpCode(200)
  importXlsx(
    @Req() req: AuthenticatedRequest,
    @Param() { editionId }: EditionParams,
    @Query() { channelId }: ImportQuery,
  ) {
    if (!Buffer.isBuffer(req.body)) {
      throw new RequestValidationError([
        { path: 'file', message: 'send the .xlsx file itself as the request body' },
      ]);
    }
    return this.spreadsheets.import(req.actor!, editionId, channelId, req.body);
  }

  @Post('editions/:editionId/definition-migration')
  @Roles('secretariatAdmin')
  @HttpCode(200)
  migrate(@Param() { editionId }: EditionParams, @Body() body: DefinitionMigrationRequest) {
    return this.migration.execute(editionId, body.toVersion, body.dryRun);
  }

  @Get('editions/:editionId/tip-offs')
  @Roles('secretariatAdmin')
  tipOffs(@Param() { editionId }: EditionParams) {
    return this.publicChannels.listTipOffs(editionId);
  }

  @Post('awards')
  @Roles('secretariatAdmin')
  async recordAward(@Body() body: RecordAwardRequest) {
    const award = await this.awards.execute(body);
    return { id: award.id, programmeCode: award.programmeCode, year: award.year, tier: award.tier };
  }
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function xlsx(reply: FastifyReply, fileName: string, bytes: Buffer): Buffer {
  void reply
    .header('content-type', XLSX)
    .header('content-disposition', `attachment; filename="${fileName}"`);
  return bytes;
}
