import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '@craftcert/identity';
import { ListMailFilesUseCase } from '../use-cases/list-mail-files.use-case';
import { ReadMailFileUseCase } from '../use-cases/read-mail-file.use-case';
import { MailFileParams, PageQuery } from './notifications.request.dto';
import { MailFileResponse, MailListResponse } from './notifications.response.dto';

/**
 * Without SMTP_URL (the embedded default) e-mails are written as `.eml` files: the secretariat
 * reads them here to pass an invitation or a password-reset link on.
 */
@ApiTags('notifications')
@Controller('api/notifications/mail')
export class MailController {
  constructor(
    private readonly listFiles: ListMailFilesUseCase,
    private readonly readFile: ReadMailFileUseCase,
  ) {}

  @Get()
  @Roles('secretariatAdmin')
  @ApiOperation({ summary: 'E-mails written as .eml files, newest first' })
  @ApiOkResponse({ type: MailListResponse })
  @ApiBadRequestResponse({ description: 'Bad query' })
  async list(@Query() query: PageQuery): Promise<MailListResponse> {
    const { mode, files } = await this.listFiles.execute((query.offset ?? 0) + (query.limit ?? 50));
    return { mode, files: files.slice(query.offset ?? 0).map((f) => MailFileResponse.from(f)) };
  }

  @Get(':fileName')
  @Roles('secretariatAdmin')
  @ApiOperation({ summary: 'One .eml file as written (it may hold a live single-use link)' })
  @ApiProduces('message/rfc822')
  @ApiOkResponse({ description: 'The message', schema: { type: 'string' } })
  @ApiBadRequestResponse({ description: 'Bad file name' })
  @ApiNotFoundResponse({ description: 'No such file' })
  async read(
    @Param() { fileName }: MailFileParams,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const raw = await this.readFile.execute(fileName);
    reply.header('content-type', 'message/rfc822').header('cache-control', 'no-store');
    return raw;
  }
}
