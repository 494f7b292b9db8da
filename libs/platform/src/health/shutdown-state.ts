import { Injectable } from '@nestjs/common';

/** Set when a stop signal arrives, so readiness turns 503 and load balancers drain this replica. */
@Injectable()
export class ShutdownState {
  private shuttingDown = false;

  get isShuttingDown(): boolean {
    return this.shuttingDown;
  }

  begin(): void {
    this.shuttingDown = true;
  }
}
