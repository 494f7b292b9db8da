import { Injectable } from '@nestjs/common';
import { DeliveryRepository } from '../persistence/delivery.repository';
import type { NotificationDeliveryEntity } from '../persistence/notification.entities';

/** Deliveries that failed every attempt, most recent first. */
@Injectable()
export class ListDeadLettersUseCase {
  constructor(private readonly deliveries: DeliveryRepository) {}

  execute(page: { limit: number; offset: number }): Promise<NotificationDeliveryEntity[]> {
    return this.deliveries.dead(page.limit, page.offset);
  }
}
