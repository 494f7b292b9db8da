import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '@craftcert/identity';
import { ListDeadLettersUseCase } from '../use-cases/list-dead-letters.use-case';
import { RetryDeliveryUseCase } from '../use-cases/retry-delivery.use-case';
import { DeliveryParams, PageQuery } from './notifications.request.dto';
import { DeliveryResponse } from './notifications.response.dto';

/** Deliveries that failed every attempt, for the secretariat to inspect and send again. */
@ApiTags('notifications')
@Controller('api/notifications')
export class DeadLettersController {
  constructor(
    private readonly listDead: ListDeadLettersUseCase,
    private readonly retryDelivery: RetryDeliveryUseCase,
  ) {}

  @Get('dead-letters')
  @Roles('secretariatAdmin')
  @ApiOperation({ summary: 'Deliveries that failed every attempt, most recent first' })
  @ApiOkResponse({ type: [DeliveryResponse] })
  @ApiBadRequestResponse({ description: 'Bad query' })
  async list(@Query() query: PageQuery): Promise<DeliveryResponse[]> {
    const rows = await this.listDead.execute({
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    });
    return rows.map((d) => DeliveryResponse.from(d));
  }

  @Post('deliveries/:deliveryId/retry')
  @HttpCode(204)
  @Roles('secretariatAdmin')
  @ApiOperation({ summary: 'Send a dead letter again (with a fresh set of attempts)' })
  @ApiNoContentResponse({ description: 'Queued for sending' })
  @ApiBadRequestResponse({ description: 'Bad id' })
  @ApiNotFoundResponse({ description: 'No such delivery' })
  @ApiConflictResponse({ description: 'Not a dead letter' })
  async retry(@Param() { deliveryId }: DeliveryParams): Promise<void> {
    await this.retryDelivery.execute(deliveryId);
  }
}
