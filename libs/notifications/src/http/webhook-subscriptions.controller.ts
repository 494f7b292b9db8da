import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, Roles, type SignedInActor } from '@craftcert/identity';
import { CreateWebhookSubscriptionUseCase } from '../use-cases/create-webhook-subscription.use-case';
import { DeleteWebhookSubscriptionUseCase } from '../use-cases/delete-webhook-subscription.use-case';
import { ListWebhookDeliveriesUseCase } from '../use-cases/list-webhook-deliveries.use-case';
import { ListWebhookSubscriptionsUseCase } from '../use-cases/list-webhook-subscriptions.use-case';
import { RotateWebhookSecretUseCase } from '../use-cases/rotate-webhook-secret.use-case';
import {
  CreateSubscriptionRequest,
  PageQuery,
  SubscriptionParams,
} from './notifications.request.dto';
import {
  CreatedSubscriptionResponse,
  DeliveryResponse,
  RotatedSecretResponse,
  SubscriptionResponse,
} from './notifications.response.dto';

/** Partner systems' webhook subscriptions (Standard Webhooks), managed by the secretariat. */
@ApiTags('notifications')
@Controller('api/webhook-subscriptions')
export class WebhookSubscriptionsController {
  constructor(
    private readonly createSubscription: CreateWebhookSubscriptionUseCase,
    private readonly listSubscriptions: ListWebhookSubscriptionsUseCase,
    private readonly rotateSecret: RotateWebhookSecretUseCase,
    private readonly deleteSubscription: DeleteWebhookSubscriptionUseCase,
    private readonly listDeliveries: ListWebhookDeliveriesUseCase,
  ) {}

  @Get()
  @Roles('secretariatAdmin')
  @ApiOperation({ summary: 'Every subscription (secrets are never shown again)' })
  @ApiOkResponse({ type: [SubscriptionResponse] })
  async list(): Promise<SubscriptionResponse[]> {
    return (await this.listSubscriptions.execute()).map((s) => SubscriptionResponse.from(s));
  }

  @Post()
  @Roles('secretariatAdmin')
  @ApiOperation({ summary: "Subscribe a URL to some topics of an organisation's events" })
  @ApiCreatedResponse({ type: CreatedSubscriptionResponse })
  @ApiBadRequestResponse({ description: 'Bad body or topic' })
  @ApiNotFoundResponse({ description: 'No such organisation' })
  async create(
    @CurrentActor() actor: SignedInActor,
    @Body() body: CreateSubscriptionRequest,
  ): Promise<CreatedSubscriptionResponse> {
    const { subscription, secret } = await this.createSubscription.execute(body, actor);
    return { ...SubscriptionResponse.from(subscription), secret };
  }

  @Post(':subscriptionId/secret')
  @HttpCode(200)
  @Roles('secretariatAdmin')
  @ApiOperation({ summary: 'Rotate the signing secret; the previous one also signs for a day' })
  @ApiOkResponse({ type: RotatedSecretResponse })
  @ApiBadRequestResponse({ description: 'Bad id' })
  @ApiNotFoundResponse({ description: 'No such subscription' })
  async rotate(
    @CurrentActor() actor: SignedInActor,
    @Param() { subscriptionId }: SubscriptionParams,
  ): Promise<RotatedSecretResponse> {
    const { secret, previousValidUntil } = await this.rotateSecret.execute(subscriptionId, actor);
    return { secret, previousValidUntil: previousValidUntil.toISOString() };
  }

  @Delete(':subscriptionId')
  @HttpCode(204)
  @Roles('secretariatAdmin')
  @ApiOperation({ summary: 'End a subscription' })
  @ApiNoContentResponse({ description: 'Ended' })
  @ApiBadRequestResponse({ description: 'Bad id' })
  @ApiNotFoundResponse({ description: 'No such subscription' })
  async remove(
    @CurrentActor() actor: SignedInActor,
    @Param() { subscriptionId }: SubscriptionParams,
  ): Promise<void> {
    await this.deleteSubscription.execute(subscriptionId, actor);
  }

  @Get(':subscriptionId/deliveries')
  @Roles('secretariatAdmin')
  @ApiOperation({ summary: "The subscription's delivery log, newest first" })
  @ApiOkResponse({ type: [DeliveryResponse] })
  @ApiBadRequestResponse({ description: 'Bad id or query' })
  @ApiNotFoundResponse({ description: 'No such subscription' })
  async deliveries(
    @Param() { subscriptionId }: SubscriptionParams,
    @Query() query: PageQuery,
  ): Promise<DeliveryResponse[]> {
    const rows = await this.listDeliveries.execute(subscriptionId, {
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    });
    return rows.map((d) => DeliveryResponse.from(d));
  }
}
