import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Authenticated, CurrentActor, type SignedInActor } from '@craftcert/identity';
import { CountUnreadUseCase } from '../use-cases/count-unread.use-case';
import { ListInboxUseCase } from '../use-cases/list-inbox.use-case';
import { MarkAllReadUseCase } from '../use-cases/mark-all-read.use-case';
import { MarkReadUseCase } from '../use-cases/mark-read.use-case';
import { InboxQuery, NotificationParams } from './notifications.request.dto';
import {
  InboxNotificationResponse,
  MarkedResponse,
  UnreadCountResponse,
} from './notifications.response.dto';

/** Every signed-in user's own in-app inbox. */
@ApiTags('notifications')
@Controller('api/me/notifications')
export class InboxController {
  constructor(
    private readonly listInbox: ListInboxUseCase,
    private readonly countUnread: CountUnreadUseCase,
    private readonly markRead: MarkReadUseCase,
    private readonly markAllRead: MarkAllReadUseCase,
  ) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'Your notifications, newest first' })
  @ApiOkResponse({ type: [InboxNotificationResponse] })
  @ApiBadRequestResponse({ description: 'Bad query' })
  async list(
    @CurrentActor() actor: SignedInActor,
    @Query() query: InboxQuery,
  ): Promise<InboxNotificationResponse[]> {
    const rows = await this.listInbox.execute(actor.userId, {
      unread: query.unread ?? false,
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    });
    return rows.map((r) => InboxNotificationResponse.from(r));
  }

  @Get('unread-count')
  @Authenticated()
  @ApiOperation({ summary: 'How many of your notifications are unread' })
  @ApiOkResponse({ type: UnreadCountResponse })
  async unread(@CurrentActor() actor: SignedInActor): Promise<UnreadCountResponse> {
    return { unread: await this.countUnread.execute(actor.userId) };
  }

  @Post('read-all')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Mark all your notifications read' })
  @ApiOkResponse({ type: MarkedResponse })
  async readAll(@CurrentActor() actor: SignedInActor): Promise<MarkedResponse> {
    return { marked: await this.markAllRead.execute(actor.userId) };
  }

  @Post(':notificationId/read')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({ summary: 'Mark one of your notifications read' })
  @ApiNoContentResponse({ description: 'Marked (again is a no-op)' })
  @ApiBadRequestResponse({ description: 'Bad id' })
  @ApiNotFoundResponse({ description: 'No such notification of yours' })
  async read(
    @CurrentActor() actor: SignedInActor,
    @Param() { notificationId }: NotificationParams,
  ): Promise<void> {
    await this.markRead.execute(actor.userId, notificationId);
  }
}
