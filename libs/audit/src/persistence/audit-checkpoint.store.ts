import { createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import type { AppConfig } from '@craftcert/platform';
import type { AuditCheckpoint } from '../domain/audit-checkpoint';

/**
 * Where checkpoints live: outside the database on purpose. The signing key is a PEM file (mode
 * 0600) created on first use; the log is a file of JSON lines, appended to and never rewritten.
 * Both default to the data directory; back them up somewhere the database's administrators
 * cannot write.
 */
export class AuditCheckpointStore {
  private readonly logger = new Logger('AuditCheckpoints');

  constructor(readonly paths: { keyFile: string; logFile: string }) {}

  static fromConfig(config: AppConfig): AuditCheckpointStore {
    return new AuditCheckpointStore({
      keyFile: resolve(
        config.AUDIT_CHECKPOINT_KEY_FILE ?? resolve(config.DATA_DIR, 'audit-checkpoint.key'),
      ),
      logFile: resolve(
        config.AUDIT_CHECKPOINT_LOG ?? resolve(config.DATA_DIR, 'audit-checkpoints.jsonl'),
      ),
    });
  }

  /** The signing key, generated (Ed25519) the first time it is needed. */
  privateKey(): KeyObject {
    const path = this.paths.keyFile;
    if (!existsSync(path)) {
      mkdirSync(dirname(path), { recursive: true });
      const { privateKey } = generateKeyPairSync('ed25519');
      try {
        writeFileSync(path, privateKey.export({ type: 'pkcs8', format: 'pem' }), {
          mode: 0o600,
          flag: 'wx',
        });
        this.logger.warn(
          `generated the audit checkpoint signing key ${path}: back it up (or its public key, ` +
            'for verifying) together with the checkpoint log',
        );
      } catch (error) {
        // Another process on this host created it first: use theirs.
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    return createPrivateKey(readFileSync(path));
  }

  /** The public half of the signing key, or undefined while no key exists. */
  publicKey(): KeyObject | undefined {
    return existsSync(this.paths.keyFile) ? createPublicKey(this.privateKey()) : undefined;
  }

  /** The whole log as text ('' while there is none). */
  readLog(): string {
    return existsSync(this.paths.logFile) ? readFileSync(this.paths.logFile, 'utf8') : '';
  }

  append(checkpoint: AuditCheckpoint): void {
    mkdirSync(dirname(this.paths.logFile), { recursive: true });
    // One write per line with O_APPEND: lines from concurrent writers never interleave.
    appendFileSync(this.paths.logFile, `${JSON.stringify(checkpoint)}\n`, { mode: 0o644 });
  }
}
