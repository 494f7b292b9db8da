import { createPublicKey } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditCheckpoint, readCheckpointLog, signCheckpoint } from '../domain/audit-checkpoint';
import { ChainVerifier } from '../domain/chain-verifier';
import { AUDIT_CHAIN_LOCK_KEY, AuditChainer } from '../persistence/audit-chainer';
import { AuditCheckpointStore } from '../persistence/audit-checkpoint.store';
import {
  AUDIT_RECORD_COLUMNS,
  AuditRecordRow,
  toChainedRecord,
} from '../persistence/audit-record.row';

/** The chain contradicts the checkpoint log: signing its head now would bless the change. */
export class AuditCheckpointRefusedError extends Error {}

const BATCH_SIZE = 1000;

/**
 * Signs the chain's head and appends it to the checkpoint log. It first links whatever is
 * pending, then checks the records since the previous checkpoint against it (the previous head
 * still has its signed hash, and every later record links to it), so a checkpoint never vouches
 * for a chain rewritten since the last one. Returns the new checkpoint, or the previous one when
 * nothing was recorded since (the log does not grow while the trail is idle), or null for an
 * empty trail.
 */
@Injectable()
export class CheckpointAuditChainUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: AuditCheckpointStore,
  ) {}

  async execute(): Promise<{ checkpoint: AuditCheckpoint | null; created: boolean }> {
    await AuditChainer.of(this.dataSource).linkPending();
    const privateKey = this.store.privateKey();
    const { checkpoints, problems } = readCheckpointLog(
      this.store.readLog(),
      createPublicKey(privateKey),
    );
    if (problems.length > 0) {
      throw new AuditCheckpointRefusedError(
        `checkpoint log ${this.store.paths.logFile} line ${problems[0].line}: ${problems[0].reason}`,
      );
    }
    const last = checkpoints.reduce<AuditCheckpoint | undefined>(
      (a, c) => (!a || BigInt(c.position) > BigInt(a.position) ? c : a),
      undefined,
    );
    // Under the chainer's lock the head cannot move while it is checked. The transaction takes
    // a transaction id so that its commit is flushed to disk, and with it every link before it
    // (links are committed without waiting for the flush): what is signed survives a crash.
    const head = await this.dataSource.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1), pg_current_xact_id()', [
        AUDIT_CHAIN_LOCK_KEY,
      ]);
      if (last) {
        const [signed] = (await tx.query('SELECT hash FROM audit_record WHERE position = $1', [
          last.position,
        ])) as { hash: string }[];
        if (signed?.hash !== last.hash) {
          throw new AuditCheckpointRefusedError(
            `the audit chain disagrees with the checkpoint signed at ${last.at}: the record at ` +
              `position ${last.position} ${signed ? 'no longer has the signed hash' : 'is missing'}`,
          );
        }
      }
      const verifier = new ChainVerifier([], last);
      let top: AuditRecordRow | undefined;
      for (let after = last?.position ?? '0'; ;) {
        const rows = (await tx.query(
          `SELECT ${AUDIT_RECORD_COLUMNS} FROM audit_record
            WHERE position > $1 ORDER BY position LIMIT $2`,
          [after, BATCH_SIZE],
        )) as AuditRecordRow[];
        for (const row of rows) {
          const problem = verifier.accept(toChainedRecord(row));
          if (problem) {
            throw new AuditCheckpointRefusedError(
              `the audit chain is broken at position ${problem.position} (seq=${problem.seq} id=${problem.id}): ${problem.reason}`,
            );
          }
          top = row;
          after = row.position!;
        }
        if (rows.length < BATCH_SIZE) break;
      }
      return top;
    });
    if (!head) return { checkpoint: last ?? null, created: false };
    const checkpoint = signCheckpoint(
      { position: head.position!, seq: head.seq, id: head.id, hash: head.hash! },
      new Date(),
      privateKey,
    );
    this.store.append(checkpoint);
    return { checkpoint, created: true };
  }
}
