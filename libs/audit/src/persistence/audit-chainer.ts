import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner } from 'typeorm';
import { auditHash, GENESIS_HASH } from '../domain/audit-chain';
import { AuditRecordRow, toAuditContent } from './audit-record.row';

// One chainer at a time across every process; any constant works as long as all agree.
export const AUDIT_CHAIN_LOCK_KEY = 727_002;
const BATCH_SIZE = 1000;
// A pass starts this long after the commit that asked for it, so that under steady load one
// pass links the records of several commits instead of one pass per commit.
const LINK_DELAY_MS = 50;

const chainers = new WeakMap<DataSource, AuditChainer>();
/** Transactions that wrote an audit record and have not committed yet. */
const writers = new WeakSet<QueryRunner>();

/**
 * Links audit records into the hash chain after their transactions commit. Writers only insert
 * (no lock, no read of the chain's head), so concurrent submissions never wait for each other;
 * the chain is extended here, by one chainer at a time, a batch per transaction: each record gets
 * the next position, the previous record's hash and its own hash. Records are linked in seq
 * order among those committed when the chainer looks; one whose transaction commits later than a
 * higher seq is simply linked after it (positions, not seqs, are the chain order).
 *
 * One instance per data source, triggered after every commit that wrote a record. Anything left
 * unlinked (the process died between commit and linking) is linked by the next run: at start,
 * before every checkpoint, and after the next write.
 */
export class AuditChainer {
  private readonly logger = new Logger('AuditChainer');
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  private constructor(private readonly dataSource: DataSource) {}

  static of(dataSource: DataSource): AuditChainer {
    let chainer = chainers.get(dataSource);
    if (!chainer) {
      const created = new AuditChainer(dataSource);
      chainers.set(dataSource, created);
      dataSource.subscribers.push(created.subscriber());
      chainer = created;
    }
    return chainer;
  }

  /** Called by the writer inside its transaction: link the record once that transaction commits. */
  static linkAfterCommit(manager: EntityManager): void {
    AuditChainer.of(manager.dataSource);
    writers.add(manager.queryRunner!);
  }

  /** Starts linking in the background shortly (or makes the running pass go round once more). */
  schedule(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = new Promise((r) => setTimeout(r, LINK_DELAY_MS))
      .then(() => this.loop())
      .finally(() => {
        this.running = undefined;
      });
  }

  /** Links every record committed so far; resolves with how many it linked. */
  async linkPending(): Promise<number> {
    let total = 0;
    for (;;) {
      const linked = await this.linkBatch();
      total += linked;
      if (linked < BATCH_SIZE) return total;
    }
  }

  /** Resolves when no background pass is running. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** No new passes; waits for the running one (before the data source closes). */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.idle();
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.linkPending();
      } catch (error) {
        // Closing down, or the database is away: the next write or start links what is left.
        if (this.dataSource.isInitialized && !this.stopped) {
          this.logger.warn(`linking audit records failed, retried later: ${String(error)}`);
        }
        return;
      }
    } while (this.again && !this.stopped);
  }

  private linkBatch(): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      // Links are derived from records already committed durably, so they need not wait for
      // their own flush to disk: after a crash, anything lost is simply linked again. (A
      // checkpoint flushes before it signs, so it never vouches for a link that could be lost.)
      await tx.query(
        `SELECT pg_advisory_xact_lock($1), set_config('synchronous_commit', 'off', true)`,
        [AUDIT_CHAIN_LOCK_KEY],
      );
      // The unlinked records, each row also carrying the chain's current head.
      const rows = (await tx.query(
        `WITH head AS MATERIALIZED (
           SELECT position, hash FROM audit_record
            WHERE position IS NOT NULL ORDER BY position DESC LIMIT 1)
         SELECT unlinked.*, head.position AS head_position, head.hash AS head_hash
           FROM (SELECT * FROM audit_record WHERE position IS NULL ORDER BY seq LIMIT $1) unlinked
           LEFT JOIN head ON true
          ORDER BY seq`,
        [BATCH_SIZE],
      )) as (AuditRecordRow & { head_position: string | null; head_hash: string | null })[];
      if (rows.length === 0) return 0;
      let position = BigInt(rows[0].head_position ?? 0);
      let prevHash = rows[0].head_hash ?? GENESIS_HASH;
      const links = {
        seq: [] as string[],
        position: [] as string[],
        prev: [] as string[],
        hash: [] as string[],
      };
      for (const row of rows) {
        position++;
        const hash = auditHash(prevHash, toAuditContent(row));
        links.seq.push(row.seq);
        links.position.push(String(position));
        links.prev.push(prevHash);
        links.hash.push(hash);
        prevHash = hash;
      }
      await tx.query(
        `UPDATE audit_record a SET position = l.position, prev_hash = l.prev_hash, hash = l.hash
           FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) AS l(seq, position, prev_hash, hash)
          WHERE a.seq = l.seq`,
        [links.seq, links.position, links.prev, links.hash],
      );
      return rows.length;
    });
  }

  private subscriber(): EntitySubscriberInterface {
    return {
      afterTransactionCommit: ({ queryRunner }) => {
        // Releasing a savepoint also reports a commit: wait for the outer transaction.
        if (!queryRunner.isTransactionActive && writers.delete(queryRunner)) this.schedule();
      },
      afterTransactionRollback: ({ queryRunner }) => {
        if (!queryRunner.isTransactionActive) writers.delete(queryRunner);
      },
    };
  }
}
