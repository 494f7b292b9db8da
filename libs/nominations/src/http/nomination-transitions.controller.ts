import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type SignedInActor } from '@craftcert/identity';
import { ForwardNominationUseCase } from '../use-cases/forward-nomination.use-case';
import { ReturnNominationUseCase } from '../use-cases/return-nomination.use-case';
import { SubmitNominationUseCase } from '../use-cases/submit-nomination.use-case';
import { WithdrawNominationUseCase } from '../use-cases/withdraw-nomination.use-case';
import { NominationParams, NoteRequest, ReturnRequest } from './nomination.request.dto';
import { NominationResponse } from './nomination.response.dto';

/** A nomination's way up: the unit submits or withdraws it, its union forwards or returns it. */
@ApiTags('nominations')
@Controller('api/nominations/:nominationId')
export class NominationTransitionsController {
  constructor(
    private readonly submitNomination: SubmitNominationUseCase,
    private readonly withdrawNomination: WithdrawNominationUseCase,
    private readonly forwardNomination: ForwardNominationUseCase,
    private readonly returnNomination: ReturnNominationUseCase,
  ) {}

  @Post('submit')
  @Roles('unitNominator')
  @HttpCode(200)
  @ApiOkResponse({ type: NominationResponse, description: 'With the explained eligibility' })
  async submit(
    @CurrentActor() actor: SignedInActor,
    @Param() { nominationId }: NominationParams,
  ): Promise<NominationResponse> {
    return NominationResponse.from(
      await this.submitNomination.execute(actor, nominationId),
      actor,
      {
        withTrace: true,
      },
    );
  }

  @Post('withdraw')
  @Roles('unitNominator')
  @HttpCode(200)
  @ApiOkResponse({ type: NominationResponse })
  async withdraw(
    @CurrentActor() actor: SignedInActor,
    @Param() { nominationId }: NominationParams,
    @Body() body: NoteRequest,
  ): Promise<NominationResponse> {
    return NominationResponse.from(
      await this.withdrawNomination.execute(actor, nominationId, body.reason),
      actor,
    );
  }

  @Post('forward')
  @Roles('unitApprover')
  @HttpCode(200)
  @ApiOkResponse({ type: NominationResponse })
  async forward(
    @CurrentActor() actor: SignedInActor,
    @Param() { nominationId }: NominationParams,
  ): Promise<NominationResponse> {
    return NominationResponse.from(
      await this.forwardNomination.execute(actor, nominationId),
      actor,
    );
  }

  @Post('return')
  @Roles('unitApprover')
  @HttpCode(200)
  @ApiOkResponse({ type: NominationResponse })
  async return(
    @CurrentActor() actor: SignedInActor,
    @Param() { nominationId }: NominationParams,
    @Body() body: ReturnRequest,
  ): Promise<NominationResponse> {
    return NominationResponse.from(
      await this.returnNomination.execute(actor, nominationId, body.reason),
      actor,
    );
  }
}
