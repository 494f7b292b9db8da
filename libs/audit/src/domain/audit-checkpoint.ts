import { createHash, createPublicKey, KeyObject, sign, verify } from 'node:crypto';
import { canonicalJson } from './audit-chain';

/**
 * A signed statement of the chain's head at one moment, kept outside the database: whoever can
 * rewrite the table (a superuser with the triggers off) cannot rewrite what was signed with a key
 * they do not hold, so a rewritten chain or a removed tail no longer matches the checkpoints.
 */
export interface AuditCheckpoint {
  /** Position of the head record in the chain. */
  position: string;
  /** The head record's seq and id, to name it in reports. */
  seq: string;
  id: string;
  /** The head record's hash: it covers every record before it. */
  hash: string;
  /** When the checkpoint was signed (ISO 8601). */
  at: string;
  /** Which key signed it: see `checkpointKeyId`. */
  key: string;
  /** Ed25519 signature over `checkpointMessage`, base64. */
  signature: string;
}

export type UnsignedCheckpoint = Omit<AuditCheckpoint, 'signature'>;

// A fixed prefix, so a signature made for anything else can never pass as a checkpoint.
const MESSAGE_PREFIX = 'craftcert audit checkpoint v1\n';

export function checkpointMessage(c: UnsignedCheckpoint): Buffer {
  const { position, seq, id, hash, at, key } = c;
  return Buffer.from(MESSAGE_PREFIX + canonicalJson({ position, seq, id, hash, at, key }), 'utf8');
}

/** A short, stable name for a public key: the first 16 hex digits of sha256 over its DER form. */
export function checkpointKeyId(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

export function signCheckpoint(
  head: { position: string; seq: string; id: string; hash: string },
  at: Date,
  privateKey: KeyObject,
): AuditCheckpoint {
  const unsigned: UnsignedCheckpoint = {
    position: head.position,
    seq: head.seq,
    id: head.id,
    hash: head.hash,
    at: at.toISOString(),
    key: checkpointKeyId(createPublicKey(privateKey)),
  };
  const signature = sign(null, checkpointMessage(unsigned), privateKey).toString('base64');
  return { ...unsigned, signature };
}

export function checkpointSignatureValid(c: AuditCheckpoint, publicKey: KeyObject): boolean {
  if (c.key !== checkpointKeyId(publicKey)) return false;
  try {
    return verify(null, checkpointMessage(c), publicKey, Buffer.from(c.signature, 'base64'));
  } catch {
    return false;
  }
}

export interface CheckpointLogProblem {
  line: number;
  reason: string;
}

const FIELDS = ['position', 'seq', 'id', 'hash', 'at', 'key', 'signature'] as const;

/**
 * Reads a checkpoint log (one JSON object per line) and checks every signature. A line that is
 * malformed or whose signature fails is a problem: someone edited the log, or it was signed by
 * another key.
 */
export function readCheckpointLog(
  text: string,
  publicKey: KeyObject,
): { checkpoints: AuditCheckpoint[]; problems: CheckpointLogProblem[] } {
  const checkpoints: AuditCheckpoint[] = [];
  const problems: CheckpointLogProblem[] = [];
  for (const [index, raw] of text.split('\n').entries()) {
    if (raw.trim() === '') continue;
    const line = index + 1;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      problems.push({ line, reason: 'not valid JSON' });
      continue;
    }
    const entry = parsed as Record<string, unknown>;
    if (
      typeof parsed !== 'object' ||
      parsed === null ||
      FIELDS.some((f) => typeof entry[f] !== 'string') ||
      !/^[1-9]\d*$/.test(entry.position as string)
    ) {
      problems.push({ line, reason: `expected the fields ${FIELDS.join(', ')} as strings` });
      continue;
    }
    const checkpoint = Object.fromEntries(
      FIELDS.map((f) => [f, entry[f]]),
    ) as unknown as AuditCheckpoint;
    if (!checkpointSignatureValid(checkpoint, publicKey)) {
      problems.push({
        line,
        reason:
          checkpoint.key === checkpointKeyId(publicKey)
            ? 'the signature does not match the checkpoint: the line was altered'
            : `signed by key ${checkpoint.key}, not by the given public key ${checkpointKeyId(publicKey)}`,
      });
      continue;
    }
    checkpoints.push(checkpoint);
  }
  return { checkpoints, problems };
}
