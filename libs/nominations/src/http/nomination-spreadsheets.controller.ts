import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentActor, Roles, type SignedInActor } from '@craftcert/identity';
import { BuildNominationTemplateUseCase } from '../use-cases/build-nomination-template.use-case';
import { ExportNominationsUseCase } from '../use-cases/export-nominations.use-case';
import { ImportNominationsUseCase } from '../use-cases/import-nominations.use-case';
import { NOMINATION_READERS } from './nomination-readers';
import { EditionParams, ImportQuery, ListNominationsQuery } from './nomination.request.dto';
import { ImportReportResponse } from './nomination.response.dto';
import { uploadedFile } from './uploaded-file';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An edition's nominations as spreadsheets: the template, the export, the import. */
@ApiTags('nominations')
@Controller('api/editions/:editionId')
export class NominationSpreadsheetsController {
  constructor(
    private readonly buildTemplate: BuildNominationTemplateUseCase,
    private readonly exportNominations: ExportNominationsUseCase,
    private readonly importNominations: ImportNominationsUseCase,
  ) {}

  @Get('nominations/template.xlsx')
  @Roles(...NOMINATION_READERS)
  @ApiProduces(XLSX)
  @ApiOkResponse({
    description: "The template the edition's definition implies",
    schema: { type: 'string', format: 'binary' },
  })
  async template(
    @Param() { editionId }: EditionParams,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    return xlsx(reply, 'nomination-template.xlsx', await this.buildTemplate.execute(editionId));
  }

  @Get('nominations.xlsx')
  @Roles(...NOMINATION_READERS)
  @ApiProduces(XLSX)
  @ApiOkResponse({
    description: 'Personal data masked unless the secretariat asks (audited)',
    schema: { type: 'string', format: 'binary' },
  })
  async export(
    @CurrentActor() actor: SignedInActor,
    @Param() { editionId }: EditionParams,
    @Query() query: ListNominationsQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { revealPersonalData, ...filter } = query;
    const bytes = await this.exportNominations.execute(
      actor,
      editionId,
      filter,
      revealPersonalData === 'true',
    );
    return xlsx(reply, 'nominations.xlsx', bytes);
  }

  @Post('nominations/import')
  @Roles('unitNominator')
  @HttpCode(200)
  @ApiConsumes(XLSX)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({ type: ImportReportResponse })
  async import(
    @CurrentActor() actor: SignedInActor,
    @Param() { editionId }: EditionParams,
    @Query() { channelId }: ImportQuery,
    @Body() body: unknown,
  ): Promise<ImportReportResponse> {
    const bytes = uploadedFile(body, 'send the .xlsx file itself as the request body');
    return ImportReportResponse.from(
      await this.importNominations.execute(actor, editionId, channelId, bytes),
    );
  }
}

function xlsx(reply: FastifyReply, fileName: string, bytes: Buffer): Buffer {
  void reply
    .header('content-type', XLSX)
    .header('content-disposition', `attachment; filename="${fileName}"`);
  return bytes;
}
