import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@craftcert/identity';
import { MigrateEditionDefinitionUseCase } from '../use-cases/migrate-edition-definition.use-case';
import { DefinitionMigrationRequest, EditionParams } from './nomination.request.dto';
import { DefinitionMigrationResponse } from './nomination.response.dto';

/** Moving a running edition to another published definition version, with a dry run first. */
@ApiTags('nominations')
@Controller('api/editions/:editionId/definition-migration')
export class DefinitionMigrationController {
  constructor(private readonly migrateEditionDefinition: MigrateEditionDefinitionUseCase) {}

  @Post()
  @Roles('secretariatAdmin')
  @HttpCode(200)
  @ApiOkResponse({ type: DefinitionMigrationResponse })
  async migrate(
    @Param() { editionId }: EditionParams,
    @Body() body: DefinitionMigrationRequest,
  ): Promise<DefinitionMigrationResponse> {
    return DefinitionMigrationResponse.from(
      await this.migrateEditionDefinition.execute(editionId, body.toVersion, body.dryRun),
    );
  }
}
