import { MigrationInterface, QueryRunner } from 'typeorm';

/** The token of a link written into an old outbox payload, as its stored hash. */
const linkHash = (key: string) =>
  `encode(sha256(convert_to(substring(e0.payload->>'${key}' from 'token=([A-Za-z0-9_-]+)'), 'UTF8')), 'hex')`;

/**
 * Rewrites an old topic's payloads to ids only: the row its link's token belongs to is found by
 * the token's hash, and the token, link, address and names are dropped. An event whose link
 * matches no row any more (used, expired and purged) has nothing left to send: it is emptied
 * and stamped relayed.
 */
function stripLinks(topic: string, key: string, table: string, payload: string): string {
  return `UPDATE outbox_event e
             SET payload = COALESCE(${payload}, '{}'::jsonb),
                 dispatched_at = CASE WHEN t.id IS NULL THEN COALESCE(e.dispatched_at, now())
                                      ELSE e.dispatched_at END
            FROM outbox_event e0
            LEFT JOIN ${table} t ON t.token_hash = ${linkHash(key)}
           WHERE e.id = e0.id AND e.topic = '${topic}' AND e.payload ? '${key}'`;
}

/**
 * Notifications: the in-app inbox, deliveries (e-mail, webhooks) with their idempotency keys
 * and dead letters, webhook subscriptions; links' tokens kept encrypted for sending, each
 * recipient's language; and the outbox's existing payloads stripped of tokens, links and
 * addresses (ids only).
 */
export class Notifications1796231000000 implements MigrationInterface {
  name = 'Notifications1796231000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "inbox_notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "event_id" uuid NOT NULL, "topic" character varying(100) NOT NULL, "idempotency_key" character varying(200) NOT NULL, "subject" character varying(300) NOT NULL, "body" text NOT NULL, "data" jsonb NOT NULL, "read_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_inbox_notification_key" UNIQUE ("idempotency_key"), CONSTRAINT "PK_9247cd4aa8443160554366dec4f" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_inbox_notification_user" ON "inbox_notification"  ("user_id", "created_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "webhook_subscription" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "url" character varying(2000) NOT NULL, "topics" character varying(100) array NOT NULL, "secret_ciphertext" text NOT NULL, "previous_secret_ciphertext" text, "previous_secret_expires_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b52cb4811c5ada4f42896c37ba8" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "notification_delivery" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "idempotency_key" character varying(200) NOT NULL, "event_id" uuid NOT NULL, "topic" character varying(100) NOT NULL, "channel" character varying(16) NOT NULL, "recipient_kind" character varying(16) NOT NULL, "recipient_id" uuid NOT NULL, "subscription_id" uuid, "payload" jsonb NOT NULL, "status" character varying(16) NOT NULL DEFAULT \'pending\', "attempts" integer NOT NULL DEFAULT \'0\', "retries" integer NOT NULL DEFAULT \'0\', "last_error" character varying(1000), "response_status" integer, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_notification_delivery_key" UNIQUE ("idempotency_key"), CONSTRAINT "ck_notification_delivery_channel" CHECK (channel IN (\'email\', \'webhook\')), CONSTRAINT "ck_notification_delivery_status" CHECK (status IN (\'pending\', \'sent\', \'skipped\', \'dead\')), CONSTRAINT "PK_109dea88c25343da49d86de6bfd" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_notification_delivery_subscription" ON "notification_delivery"  ("subscription_id", "created_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_notification_delivery_dead" ON "notification_delivery"  ("updated_at") WHERE status = \'dead\'',
    );
    await queryRunner.query(
      'ALTER TABLE "app_user" ADD "language" character varying(2) NOT NULL DEFAULT \'zh\'',
    );
    await queryRunner.query('ALTER TABLE "one_time_token" ADD "link_ciphertext" text');
    await queryRunner.query(
      'ALTER TABLE "one_time_token" ADD "language" character varying(2) NOT NULL DEFAULT \'zh\'',
    );
    await queryRunner.query('ALTER TABLE "nomination_referee" ADD "link_ciphertext" text');
    await queryRunner.query(
      'ALTER TABLE "inbox_notification" ADD CONSTRAINT "fk_inbox_notification_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "webhook_subscription" ADD CONSTRAINT "fk_webhook_subscription_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "notification_delivery" ADD CONSTRAINT "fk_notification_delivery_subscription" FOREIGN KEY ("subscription_id") REFERENCES "webhook_subscription"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      stripLinks(
        'identity.invitation-created',
        'acceptUrl',
        'one_time_token',
        `CASE WHEN t.id IS NOT NULL THEN jsonb_build_object('invitationId', t.id) END`,
      ),
    );
    await queryRunner.query(
      stripLinks(
        'identity.password-reset-requested',
        'resetUrl',
        'one_time_token',
        `CASE WHEN t.id IS NOT NULL THEN jsonb_build_object('resetId', t.id, 'userId', t.user_id) END`,
      ),
    );
    await queryRunner.query(
      stripLinks(
        'nomination.referee-requested',
        'confirmUrl',
        'nomination_referee',
        `CASE WHEN t.id IS NOT NULL THEN jsonb_build_object('nominationId', t.nomination_id, 'refereeId', t.id) END`,
      ),
    );
  }

  /**
   * Drops what `up` added. The outbox payloads stay ids only: the tokens and addresses they
   * once held are gone by design (the links are reissued when their messages are sent).
   */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "notification_delivery" DROP CONSTRAINT "fk_notification_delivery_subscription"',
    );
    await queryRunner.query(
      'ALTER TABLE "webhook_subscription" DROP CONSTRAINT "fk_webhook_subscription_organisation"',
    );
    await queryRunner.query(
      'ALTER TABLE "inbox_notification" DROP CONSTRAINT "fk_inbox_notification_user"',
    );
    await queryRunner.query('ALTER TABLE "nomination_referee" DROP COLUMN "link_ciphertext"');
    await queryRunner.query('ALTER TABLE "one_time_token" DROP COLUMN "language"');
    await queryRunner.query('ALTER TABLE "one_time_token" DROP COLUMN "link_ciphertext"');
    await queryRunner.query('ALTER TABLE "app_user" DROP COLUMN "language"');
    await queryRunner.query('DROP INDEX "public"."ix_notification_delivery_dead"');
    await queryRunner.query('DROP INDEX "public"."ix_notification_delivery_subscription"');
    await queryRunner.query('DROP TABLE "notification_delivery"');
    await queryRunner.query('DROP TABLE "webhook_subscription"');
    await queryRunner.query('DROP INDEX "public"."ix_inbox_notification_user"');
    await queryRunner.query('DROP TABLE "inbox_notification"');
  }
}
