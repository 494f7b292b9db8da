import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequireRoles } from '@craftcert/platform';
import { AuditQueries } from '../persistence/audit.queries';
import { AuditQuery } from './audit.request.dto';
import { AuditPageResponse, AuditRecordResponse } from './audit.response.dto';

@ApiTags('audit')
@Controller('api/audit')
export class AuditController {
  constructor(private readonly queries: AuditQueries) {}

  @Get()
  @RequireRoles('secretariatAdmin', 'auditor')
  @ApiOkResponse({ type: AuditPageResponse, description: 'Newest first' })
  async list(@Query() query: AuditQuery): Promise<AuditPageResponse> {
    const { rows, nextCursor } = await this.queries.page(query);
    return { items: rows.map((row) => AuditRecordResponse.from(row)), nextCursor };
  }
}
