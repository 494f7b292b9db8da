import { AsyncLocalStorage } from 'node:async_hooks';

/** Who is acting: set by the authentication guard, read by audit and authorisation. */
export interface Actor {
  userId: string;
  organisationId: string;
  roles: readonly string[];
}

export interface RequestContextData {
  requestId: string;
  actor?: Actor;
  ip?: string;
}

const storage = new AsyncLocalStorage<RequestContextData>();

/**
 * Per-request data that deep code (audit records, repositories) needs without threading it
 * through every call. Jobs and CLI commands run outside any request: `current()` is undefined.
 */
export const RequestContext = {
  run<T>(data: RequestContextData, fn: () => T): T {
    return storage.run(data, fn);
  },
  current(): RequestContextData | undefined {
    return storage.getStore();
  },
  setActor(actor: Actor): void {
    const store = storage.getStore();
    if (store) store.actor = actor;
  },
};
