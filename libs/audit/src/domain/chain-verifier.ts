import type { AuditCheckpoint } from './audit-checkpoint';
import { chainBreak, ChainedRecord } from './audit-chain';

/** The first record that disagrees with the chain or with a checkpoint, and why. */
export interface ChainProblem {
  /** Absent for a record that is not linked. */
  position?: string;
  /** Absent when the record itself is missing. */
  seq?: string;
  id?: string;
  reason: string;
}

/**
 * Checks a chain fed record by record in position order (so a whole trail is checked in flat
 * memory) against itself and against signed checkpoints. Every checkpoint pins the hash at its
 * position, and the hash covers everything before it: a chain rewritten with recomputed hashes
 * differs at the first checkpoint after the rewrite, and a removed tail leaves checkpoints past
 * the end of the chain.
 */
export class ChainVerifier {
  private previous: { position: string; hash: string } | undefined;
  private readonly checkpoints: AuditCheckpoint[];
  private next = 0;
  private lastMatched: AuditCheckpoint | undefined;
  count = 0;

  /**
   * `from`: start after a record already known to be good (the head of the last checkpoint),
   * instead of at the first record.
   */
  constructor(checkpoints: readonly AuditCheckpoint[], from?: { position: string; hash: string }) {
    this.previous = from;
    this.checkpoints = checkpoints.toSorted((a, b) =>
      BigInt(a.position) < BigInt(b.position)
        ? -1
        : BigInt(a.position) > BigInt(b.position)
          ? 1
          : 0,
    );
  }

  get head(): { position: string; hash: string } | undefined {
    return this.previous;
  }

  get checkpointsMatched(): number {
    return this.next;
  }

  /** The problem `record` reveals, or undefined when it is in order. */
  accept(record: ChainedRecord): ChainProblem | undefined {
    this.count++;
    const name = { position: record.position, seq: record.seq, id: record.id };
    const reason = chainBreak(this.previous, record);
    if (reason) return { ...name, reason };
    const position = BigInt(record.position);
    for (; this.next < this.checkpoints.length; this.next++) {
      const checkpoint = this.checkpoints[this.next];
      if (BigInt(checkpoint.position) > position) break;
      if (checkpoint.hash !== record.hash) {
        const since = this.lastMatched
          ? `; it still matched the checkpoint at position ${this.lastMatched.position} signed at ${this.lastMatched.at}`
          : '';
        return {
          ...name,
          reason: `hash differs from the checkpoint signed at ${checkpoint.at}: the chain was rewritten at or before this record${since}`,
        };
      }
      this.lastMatched = checkpoint;
    }
    this.previous = record;
    return undefined;
  }

  /** After the last record: checkpoints beyond the end of the chain mean its tail was removed. */
  finish(): ChainProblem | undefined {
    if (this.next >= this.checkpoints.length) return undefined;
    const last = this.checkpoints[this.checkpoints.length - 1];
    const end = this.previous ? BigInt(this.previous.position) : 0n;
    const missing = String(end + 1n);
    const known = this.checkpoints.find((c) => c.position === missing);
    return {
      position: missing,
      ...(known ? { seq: known.seq, id: known.id } : {}),
      reason:
        `the record is missing: the checkpoint signed at ${last.at} covers the chain up to position ` +
        `${last.position} (seq=${last.seq} id=${last.id}), but the chain ends at position ${end}: ` +
        `${BigInt(last.position) - end} records were removed from its tail`,
    };
  }
}
