import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Domain events written in the same transaction as the change that caused them. The relay
 * (notifications) moves committed ones to the queue and stamps `dispatched_at`, so a crash can
 * neither lose an event nor send one for a change that rolled back. Topics and payload types:
 * `topics.ts`.
 */
@Entity({ name: 'outbox_event' })
@Index('ix_outbox_event_pending', ['createdAt'], { where: 'dispatched_at IS NULL' })
export class OutboxEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 100 })
  topic: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'dispatched_at', type: 'timestamptz', nullable: true })
  dispatchedAt: Date | null;
}
