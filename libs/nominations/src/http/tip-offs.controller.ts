import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '@craftcert/identity';
import { CredentialRoute } from '@craftcert/platform';
import { ListTipOffsUseCase } from '../use-cases/list-tip-offs.use-case';
import { ReceiveTipOffUseCase } from '../use-cases/receive-tip-off.use-case';
import { EditionParams, TipOffRequest } from './nomination.request.dto';
import { TipOffReceiptResponse, TipOffResponse } from './nomination.response.dto';

/** Tip-offs: anyone may send one; the secretariat follows them up. */
@ApiTags('nominations')
@Controller('api/editions/:editionId/tip-offs')
export class TipOffsController {
  constructor(
    private readonly receiveTipOff: ReceiveTipOffUseCase,
    private readonly listTipOffs: ListTipOffsUseCase,
  ) {}

  @Post()
  @Public()
  @CredentialRoute()
  @ApiCreatedResponse({ type: TipOffReceiptResponse })
  async receive(
    @Param() { editionId }: EditionParams,
    @Body() body: TipOffRequest,
  ): Promise<TipOffReceiptResponse> {
    return TipOffReceiptResponse.from(await this.receiveTipOff.execute(editionId, body));
  }

  @Get()
  @Roles('secretariatAdmin')
  @ApiOkResponse({ type: [TipOffResponse] })
  async list(@Param() { editionId }: EditionParams): Promise<TipOffResponse[]> {
    return (await this.listTipOffs.execute(editionId)).map((t) => TipOffResponse.from(t));
  }
}
