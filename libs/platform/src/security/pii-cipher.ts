import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config';

const VERSION = 'v1';

/**
 * Encrypts personal data at rest (AES-256-GCM, a fresh nonce per value) and derives keyed
 * hashes for matching (ID numbers) without storing them. The key comes from PII_ENCRYPTION_KEY;
 * without one, a key file is created once under DATA_DIR (zero set-up for the embedded mode).
 */
@Injectable()
export class PiiCipher {
  private readonly logger = new Logger('PiiCipher');
  private readonly key: Buffer;
  private readonly hashKey: Buffer;

  constructor(config: AppConfig) {
    this.key = config.PII_ENCRYPTION_KEY
      ? Buffer.from(config.PII_ENCRYPTION_KEY, 'base64')
      : this.keyFile(resolve(config.DATA_DIR, 'pii.key'));
    // A separate key for hashing, so a hash never reveals anything about the encryption key.
    this.hashKey = createHmac('sha256', this.key).update('identity-hash').digest();
  }

  encrypt(value: unknown): string {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce);
    const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return [VERSION, nonce, cipher.getAuthTag(), body]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64')))
      .join('.');
  }

  decrypt<T>(sealed: string): T {
    const [version, nonce, tag, body] = sealed.split('.');
    if (version !== VERSION) throw new Error(`unknown ciphertext version ${version}`);
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(nonce, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    const plain = Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as T;
  }

  /** Stable, keyed hash of an identifier (normalised: trimmed, upper-case). */
  identityHash(identifier: string): string {
    return createHmac('sha256', this.hashKey).update(identifier.trim().toUpperCase()).digest('hex');
  }

  private keyFile(path: string): Buffer {
    if (!existsSync(path)) {
      mkdirSync(dirname(path), { recursive: true });
      try {
        writeFileSync(path, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
        this.logger.warn(
          `PII_ENCRYPTION_KEY is not set: generated ${path}. Back it up, and set PII_ENCRYPTION_KEY ` +
            'on every replica when running several hosts: without the key personal data cannot be read.',
        );
      } catch (error) {
        // Another process on this host created it first: use theirs.
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    return Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
  }
}
