import { Injectable } from '@nestjs/common';
import { Webhook } from 'standardwebhooks';

export class WebhookCallError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

/**
 * Calls a subscriber following Standard Webhooks: `webhook-id` (the delivery's id, the same on
 * every retry, for the receiver's de-duplication), `webhook-timestamp` (seconds) and
 * `webhook-signature` (`v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, one per active secret,
 * space-separated, so a rotation never breaks a receiver). Anything but a 2xx is a failure.
 */
@Injectable()
export class WebhookSender {
  async send(
    call: { url: string; secrets: readonly string[]; id: string; body: string },
    timeoutMs = 10_000,
  ): Promise<number> {
    const now = new Date();
    const signature = call.secrets
      .map((secret) => new Webhook(secret).sign(call.id, now, call.body))
      .join(' ');
    let response: Response;
    try {
      response = await fetch(call.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': call.id,
          'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
          'webhook-signature': signature,
        },
        body: call.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new WebhookCallError(
        `could not reach the subscriber: ${(error as Error).message}`,
        null,
      );
    }
    await response.body?.cancel();
    if (response.status < 200 || response.status > 299) {
      throw new WebhookCallError(`the subscriber answered ${response.status}`, response.status);
    }
    return response.status;
  }
}

/** A new signing secret in the standard's format: `whsec_` and 32 random bytes in base64. */
export function newWebhookSecret(random: Buffer): string {
  return `whsec_${random.toString('base64')}`;
}
