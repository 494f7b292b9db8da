import { createHash } from 'node:crypto';

/** The prev_hash of the first record: there is nothing before it. */
export const GENESIS_HASH = '0'.repeat(64);

/** What changed, in small summaries (ids, codes, versions): never secrets or whole documents. */
export interface AuditSummary {
  before?: unknown;
  after?: unknown;
}

/** The fields a record's hash covers (everything except the hashes themselves). */
export interface AuditContent {
  seq: string;
  id: string;
  occurredAt: string;
  actorId: string | null;
  actorOrganisationId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  summary: AuditSummary;
  requestId: string | null;
}

/**
 * JSON with object keys sorted at every depth; arrays keep their order. PostgreSQL's jsonb
 * reorders keys, so a hash over plain JSON.stringify would not survive a round trip.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(toJsonValue(value)));
}

/**
 * What the value becomes once stored as JSON: Dates and other toJSON() objects turn into their
 * JSON form, undefined properties vanish. Store this, so the stored value is the hashed value.
 */
export function toJsonValue<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .toSorted()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}

/**
 * sha256(prev_hash + canonical JSON of the content), hex. The fields are picked one by one so
 * that extra properties on the argument (a whole row, say) never leak into the hash.
 */
export function auditHash(prevHash: string, c: AuditContent): string {
  const content: AuditContent = {
    seq: c.seq,
    id: c.id,
    occurredAt: c.occurredAt,
    actorId: c.actorId,
    actorOrganisationId: c.actorOrganisationId,
    action: c.action,
    subjectType: c.subjectType,
    subjectId: c.subjectId,
    summary: c.summary,
    requestId: c.requestId,
  };
  return createHash('sha256')
    .update(prevHash + canonicalJson(content))
    .digest('hex');
}

/** A record once the chainer has linked it: its place in the chain and its two hashes. */
export interface ChainedRecord extends AuditContent {
  position: string;
  prevHash: string;
  hash: string;
}

/**
 * Why `record` cannot follow `previous` in the chain (undefined for the first record), or
 * undefined when the link holds. Checked in order: a missing record, a broken link, then altered
 * content. Positions are dense (the chainer gives 1, 2, 3…), so a gap means records were removed.
 */
export function chainBreak(
  previous: { position: string; hash: string } | undefined,
  record: ChainedRecord,
): string | undefined {
  const expected = previous ? BigInt(previous.position) + 1n : 1n;
  if (BigInt(record.position) !== expected) {
    return previous
      ? `position ${record.position} follows position ${previous.position}: records are missing before it`
      : `the chain starts at position ${record.position}, not 1: records are missing before it`;
  }
  const expectedPrev = previous ? previous.hash : GENESIS_HASH;
  if (record.prevHash !== expectedPrev) {
    return previous
      ? `prev_hash does not match the hash of the record at position ${previous.position}`
      : 'prev_hash of the first record is not the genesis hash';
  }
  if (auditHash(record.prevHash, record) !== record.hash) {
    return 'hash does not match the record content: the record was altered';
  }
  return undefined;
}
