import { Body, Controller, Param, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, Roles, type SignedInActor } from '@craftcert/identity';
import { MapDepartmentsUseCase } from '../use-cases/map-departments.use-case';
import { EditionParams, MapDepartmentsRequest } from './workflow.request.dto';

/** Which real organisation acts as each of the definition's departments in an edition. */
@ApiTags('workflow')
@Controller('api/editions/:editionId/workflow/departments')
export class WorkflowDepartmentsController {
  constructor(private readonly mapDepartments: MapDepartmentsUseCase) {}

  @Put()
  @Roles('secretariatAdmin')
  @ApiOperation({
    summary: 'Map definition departments to department organisations (before their stage)',
  })
  @ApiOkResponse({
    description: 'The full mapping: department id → organisation id',
    schema: { type: 'object', additionalProperties: { type: 'string' } },
  })
  @ApiBadRequestResponse({
    description: 'Unknown department, or an organisation that is not a department',
  })
  @ApiConflictResponse({ description: 'The review stage using the department has been entered' })
  map(
    @CurrentActor() actor: SignedInActor,
    @Param() { editionId }: EditionParams,
    @Body() body: MapDepartmentsRequest,
  ): Promise<Record<string, string>> {
    return this.mapDepartments.execute(editionId, body.departments, actor.userId);
  }
}
