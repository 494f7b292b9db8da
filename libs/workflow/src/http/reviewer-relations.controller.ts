import { Body, Controller, Get, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, Roles, type SignedInActor } from '@craftcert/identity';
import { DeclareRelationUseCase } from '../use-cases/declare-relation.use-case';
import { ListReviewerRelationsUseCase } from '../use-cases/list-reviewer-relations.use-case';
import { DeclareRelationRequest } from './workflow.request.dto';
import { ReviewerRelationResponse } from './workflow.response.dto';

/** A reviewer's or expert's own profile of relations, checked for conflicts before assignment. */
@ApiTags('workflow')
@Controller('api/reviewer-relations')
export class ReviewerRelationsController {
  constructor(
    private readonly declareRelation: DeclareRelationUseCase,
    private readonly listRelations: ListReviewerRelationsUseCase,
  ) {}

  @Get()
  @Roles('departmentReviewer', 'expert')
  @ApiOperation({ summary: 'The relations declared in your profile' })
  @ApiOkResponse({ type: [ReviewerRelationResponse] })
  list(@CurrentActor() actor: SignedInActor): Promise<ReviewerRelationResponse[]> {
    return this.listRelations.execute(actor);
  }

  @Post()
  @Roles('departmentReviewer', 'expert')
  @ApiOperation({
    summary:
      'Declare an employer, former employer, relative’s employer or mentoring relation in your profile',
  })
  @ApiCreatedResponse({ type: ReviewerRelationResponse })
  @ApiBadRequestResponse({ description: 'A bad kind, or the organisation or ID number missing' })
  @ApiNotFoundResponse({ description: 'No such organisation' })
  async declare(
    @CurrentActor() actor: SignedInActor,
    @Body() body: DeclareRelationRequest,
  ): Promise<ReviewerRelationResponse> {
    const { id, kind, organisationId, note, declaredAt } = await this.declareRelation.execute(
      actor,
      body,
    );
    return { id, kind, organisationId, note, declaredAt };
  }
}
