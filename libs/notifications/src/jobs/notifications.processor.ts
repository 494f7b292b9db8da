import { Processor } from '@nestjs/bullmq';
import { JobHandlers, JobName, JobProcessor, QueueName } from '@craftcert/platform';
import { DeliverNotificationUseCase } from '../use-cases/deliver-notification.use-case';
import { DispatchEventUseCase } from '../use-cases/dispatch-event.use-case';

/** Relayed events become deliveries; each delivery is sent by a job of its own. */
@Processor(QueueName.Notifications, { concurrency: 4 })
export class NotificationsProcessor extends JobProcessor {
  readonly queueName = QueueName.Notifications;

  constructor(
    private readonly dispatch: DispatchEventUseCase,
    private readonly deliver: DeliverNotificationUseCase,
  ) {
    super();
  }

  protected readonly handlers: JobHandlers = {
    [JobName.NotificationDispatch]: (data) => this.dispatch.execute(data),
    [JobName.NotificationDeliver]: async (data, job) => ({
      outcome: await this.deliver.execute(data.deliveryId, {
        final: job.attemptsMade + 1 >= (job.opts.attempts ?? 1),
      }),
    }),
  };
}
