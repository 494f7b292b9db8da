import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentActor, Roles, type SignedInActor } from '@craftcert/identity';
import { NominationQueries } from '../persistence/nomination.queries';
import { DownloadEvidenceUseCase } from '../use-cases/download-evidence.use-case';
import { RemoveEvidenceUseCase } from '../use-cases/remove-evidence.use-case';
import { UploadEvidenceUseCase } from '../use-cases/upload-evidence.use-case';
import { NOMINATION_READERS } from './nomination-readers';
import { EvidenceParams, NominationParams, UploadEvidenceQuery } from './nomination.request.dto';
import { EvidenceFileResponse } from './nomination.response.dto';
import { uploadedFile } from './uploaded-file';

/** A nomination's evidence files: uploaded as raw bytes, listed, downloaded (audited), removed. */
@ApiTags('nominations')
@Controller('api/nominations/:nominationId/evidence')
export class EvidenceController {
  constructor(
    private readonly uploadEvidence: UploadEvidenceUseCase,
    private readonly downloadEvidence: DownloadEvidenceUseCase,
    private readonly removeEvidence: RemoveEvidenceUseCase,
    private readonly queries: NominationQueries,
  ) {}

  @Post()
  @Roles('unitNominator')
  @ApiConsumes('application/octet-stream')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({ type: EvidenceFileResponse })
  async upload(
    @CurrentActor() actor: SignedInActor,
    @Param() { nominationId }: NominationParams,
    @Query() query: UploadEvidenceQuery,
    @Body() body: unknown,
  ): Promise<EvidenceFileResponse> {
    const bytes = uploadedFile(
      body,
      'send the file itself as the request body (e.g. Content-Type: application/octet-stream)',
    );
    return EvidenceFileResponse.from(
      await this.uploadEvidence.execute(actor, nominationId, { ...query, bytes }),
    );
  }

  @Get()
  @Roles(...NOMINATION_READERS)
  @ApiOkResponse({ type: [EvidenceFileResponse] })
  async list(
    @CurrentActor() actor: SignedInActor,
    @Param() { nominationId }: NominationParams,
  ): Promise<EvidenceFileResponse[]> {
    return (await this.queries.evidence(actor, nominationId)).map((f) =>
      EvidenceFileResponse.from(f),
    );
  }

  @Get(':fileId')
  @Roles(...NOMINATION_READERS)
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({
    description: 'The file, with its detected content type',
    schema: { type: 'string', format: 'binary' },
  })
  async download(
    @CurrentActor() actor: SignedInActor,
    @Param() { nominationId, fileId }: EvidenceParams,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { file, bytes } = await this.downloadEvidence.execute(actor, nominationId, fileId);
    void reply
      .header('content-type', file.contentType)
      .header(
        'content-disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      );
    return bytes;
  }

  @Delete(':fileId')
  @Roles('unitNominator')
  @HttpCode(204)
  @ApiNoContentResponse()
  async remove(
    @CurrentActor() actor: SignedInActor,
    @Param() { nominationId, fileId }: EvidenceParams,
  ): Promise<void> {
    await this.removeEvidence.execute(actor, nominationId, fileId);
  }
}
