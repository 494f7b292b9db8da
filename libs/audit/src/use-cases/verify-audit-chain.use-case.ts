import { DataSource, type EntityManager } from 'typeorm';
import type { AuditCheckpoint } from '../domain/audit-checkpoint';
import { ChainProblem, ChainVerifier } from '../domain/chain-verifier';
import { linkedRecordsAfter } from '../persistence/linked-records';

/** Records are linked within milliseconds of commit; one unlinked for longer was not. */
export const DEFAULT_LINK_GRACE_MS = 60_000;

export interface AuditVerifyOptions {
  /** Signed checkpoints (already checked against their public key) the chain must agree with. */
  checkpoints?: readonly AuditCheckpoint[];
  /** Unlinked records younger than this are pending; an older one is a problem. */
  graceMs?: number;
  now?: Date;
}

export interface AuditChainVerdict {
  ok: boolean;
  /** Linked records checked. */
  count: number;
  head: { position: string; hash: string } | null;
  checkpoints: { total: number; matched: number };
  /** Records committed but not linked yet: normal for a moment after each commit. */
  unlinked: { count: number; oldestAt: string | null };
  /** The first record that disagrees with the chain or a checkpoint, missing ones included. */
  brokenAt?: ChainProblem;
}

/**
 * Walks the linked chain in position order, a batch at a time (keyset pagination, so memory
 * stays flat), checking every link and hash and the hash at every checkpoint's position, then
 * checks that no checkpoint lies beyond the end of the chain (a removed tail). Unlinked records
 * are counted and reported; only one older than the grace period counts as a problem, since the
 * chainer links each record right after its commit.
 */
export async function verifyAuditChain(
  source: DataSource | EntityManager,
  options: AuditVerifyOptions = {},
): Promise<AuditChainVerdict> {
  // One snapshot for every read: the chainer links records meanwhile, and a record it moves from
  // unlinked to linked between two reads would otherwise be counted in neither.
  if (source instanceof DataSource) {
    return source.transaction('REPEATABLE READ', (tx) => verifyAuditChain(tx, options));
  }
  const checkpoints = options.checkpoints ?? [];
  const verifier = new ChainVerifier(checkpoints);
  let problem: ChainProblem | undefined;
  for await (const record of linkedRecordsAfter(source, '0')) {
    problem = verifier.accept(record);
    if (problem) break;
  }
  problem ??= verifier.finish();

  const [unlinked] = (await source.query(
    'SELECT count(*)::int AS count, min(occurred_at) AS oldest FROM audit_record WHERE position IS NULL',
  )) as { count: number; oldest: Date | null }[];
  if (!problem && unlinked.count > 0) problem = await overdueRecord(source, options);
  return {
    ok: !problem,
    count: verifier.count,
    head: verifier.head ?? null,
    checkpoints: { total: checkpoints.length, matched: verifier.checkpointsMatched },
    unlinked: { count: unlinked.count, oldestAt: unlinked.oldest?.toISOString() ?? null },
    ...(problem ? { brokenAt: problem } : {}),
  };
}

/** The first record left unlinked for longer than the grace period, as a problem. */
async function overdueRecord(
  source: DataSource | EntityManager,
  options: AuditVerifyOptions,
): Promise<ChainProblem | undefined> {
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - (options.graceMs ?? DEFAULT_LINK_GRACE_MS));
  const [overdue] = (await source.query(
    `SELECT seq, id, occurred_at FROM audit_record
      WHERE position IS NULL AND occurred_at < $1 ORDER BY seq LIMIT 1`,
    [cutoff.toISOString()],
  )) as { seq: string; id: string; occurred_at: Date }[];
  if (!overdue) return undefined;
  return {
    seq: overdue.seq,
    id: overdue.id,
    reason:
      `written at ${overdue.occurred_at.toISOString()} and still not linked into the chain: ` +
      'the chainer has not run since (start the application or run audit:checkpoint), ' +
      'or the record was inserted around the application',
  };
}
