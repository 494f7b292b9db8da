import { Injectable } from '@nestjs/common';
import { DomainError, JobName, JobQueue, NotFoundError } from '@craftcert/platform';
import { deliverJobId } from '../domain/delivery-keys';
import { DeliveryRepository } from '../persistence/delivery.repository';
import { DispatchEventUseCase } from './dispatch-event.use-case';

/**
 * Sends a dead letter again: back to pending, with a job of its own (the job id counts the
 * manual retries, so retrying twice quickly is still one job per retry, and never a second
 * message once one was sent).
 */
@Injectable()
export class RetryDeliveryUseCase {
  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly jobs: JobQueue,
    private readonly dispatch: DispatchEventUseCase,
  ) {}

  async execute(deliveryId: string): Promise<void> {
    const retries = await this.deliveries.revive(deliveryId);
    if (retries === null) {
      if (!(await this.deliveries.exists(deliveryId))) {
        throw new NotFoundError(`Delivery ${deliveryId}`);
      }
      throw new DomainError('INVALID_TRANSITION', 'Only a dead letter can be retried');
    }
    await this.jobs.enqueueMany(
      JobName.NotificationDeliver,
      [{ jobId: deliverJobId(deliveryId, retries), data: { deliveryId } }],
      this.dispatch.retryPolicy(),
    );
  }
}
