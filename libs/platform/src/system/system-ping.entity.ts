import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per processed ping job; `runs` counts executions so duplicates are visible. */
@Entity({ name: 'system_ping' })
export class SystemPingEntity {
  @PrimaryColumn({ name: 'job_id', type: 'varchar', length: 200 })
  jobId: string;

  @Column({ type: 'integer', default: 1 })
  runs: number;

  @Column({ name: 'processed_by', type: 'varchar', length: 200 })
  processedBy: string;

  @Column({ name: 'processed_at', type: 'timestamptz', default: () => 'now()' })
  processedAt: Date;
}
