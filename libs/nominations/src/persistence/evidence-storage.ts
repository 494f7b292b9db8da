import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';

/** Where evidence bytes live. The local directory is the default; an S3-compatible store can replace it. */
export interface EvidenceStorage {
  /** Stores the bytes under a new key and returns it with their SHA-256. */
  put(bytes: Buffer): Promise<{ key: string; sha256: string }>;
  get(key: string): Promise<Buffer>;
  delete(key: string): Promise<void>;
}

export const EVIDENCE_STORAGE = Symbol('EvidenceStorage');

/** Files under a root directory, fanned out by key prefix; writes are atomic (temp file, rename). */
export class LocalEvidenceStorage implements EvidenceStorage {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  async put(bytes: Buffer): Promise<{ key: string; sha256: string }> {
    const key = randomUUID();
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    const temp = `${path}.${process.pid}.tmp`;
    await writeFile(temp, bytes, { mode: 0o600 });
    await rename(temp, path);
    return { key, sha256: createHash('sha256').update(bytes).digest('hex') };
  }

  get(key: string): Promise<Buffer> {
    return readFile(this.pathOf(key));
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  /** Keys are UUIDs we generated; anything else (e.g. "../") is refused outright. */
  private pathOf(key: string): string {
    if (!/^[0-9a-f-]{36}$/.test(key)) throw new Error(`invalid evidence key ${key}`);
    const path = join(this.root, key.slice(0, 2), key);
    if (!path.startsWith(this.root + sep)) throw new Error(`invalid evidence key ${key}`);
    return path;
  }
}
