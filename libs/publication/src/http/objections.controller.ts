import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, Roles, type SignedInActor } from '@craftcert/identity';
import { ListObjectionsUseCase } from '../use-cases/list-objections.use-case';
import { ReadObjectorContactUseCase } from '../use-cases/read-objector-contact.use-case';
import { SubmitObjectionUseCase } from '../use-cases/submit-objection.use-case';
import { TriageObjectionUseCase } from '../use-cases/triage-objection.use-case';
import {
  ObjectionParams,
  PublicEditionParams,
  RecordObjectionBody,
  TriageObjectionBody,
} from './publication.request.dto';
import {
  ObjectionReceiptResponse,
  ObjectionResponse,
  ObjectorContactResponse,
  TriageResponse,
} from './publication.response.dto';

/** The secretariat's side of objections: record those received offline, read, triage. */
@ApiTags('objections')
@Controller('api')
export class ObjectionsController {
  constructor(
    private readonly submitObjection: SubmitObjectionUseCase,
    private readonly listObjections: ListObjectionsUseCase,
    private readonly readContact: ReadObjectorContactUseCase,
    private readonly triageObjection: TriageObjectionUseCase,
  ) {}

  @Post('editions/:editionId/objections')
  @Roles('secretariatAdmin')
  @ApiOperation({ summary: 'Record an objection received by letter, phone or visit' })
  @ApiCreatedResponse({ type: ObjectionReceiptResponse })
  @ApiBadRequestResponse({ description: 'A field is missing or invalid (named in errors)' })
  @ApiConflictResponse({ description: 'The notice period is over' })
  @ApiNotFoundResponse({ description: 'The edition has no public notice' })
  record(
    @CurrentActor() actor: SignedInActor,
    @Param() { editionId }: PublicEditionParams,
    @Body() body: RecordObjectionBody,
  ): Promise<ObjectionReceiptResponse> {
    return this.submitObjection.execute({ ...body, editionId, recordedBy: actor.userId });
  }

  @Get('editions/:editionId/objections')
  @Roles('secretariatAdmin')
  @ApiOperation({ summary: "An edition's objections (objectors masked, contacts withheld)" })
  @ApiOkResponse({ type: [ObjectionResponse] })
  list(@Param() { editionId }: PublicEditionParams): Promise<ObjectionResponse[]> {
    return this.listObjections.execute(editionId);
  }

  @Get('objections/:objectionId/contact')
  @Roles('secretariatAdmin')
  @ApiOperation({ summary: "The objector's name and contact details (audited)" })
  @ApiOkResponse({ type: ObjectorContactResponse })
  @ApiNotFoundResponse({ description: 'No such objection' })
  contact(@Param() { objectionId }: ObjectionParams): Promise<ObjectorContactResponse> {
    return this.readContact.execute(objectionId);
  }

  @Post('objections/:objectionId/triage')
  @HttpCode(200)
  @Roles('secretariatAdmin')
  @ApiOperation({
    summary: 'Move an objection: investigating, then upheld (removes the person) or dismissed',
  })
  @ApiOkResponse({ type: TriageResponse })
  @ApiNotFoundResponse({ description: 'No such objection' })
  @ApiConflictResponse({ description: 'Out of order (e.g. upheld before investigating)' })
  triage(
    @Param() { objectionId }: ObjectionParams,
    @Body() { status, findings }: TriageObjectionBody,
  ): Promise<TriageResponse> {
    return this.triageObjection.execute(objectionId, status, findings);
  }
}
