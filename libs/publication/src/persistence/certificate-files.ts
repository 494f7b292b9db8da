import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@craftcert/platform';

/**
 * Rendered certificates under `<DATA_DIR>/certificates`: a PDF is drawn once (it prints no status,
 * so revocation never makes it stale) and served from disk afterwards. Written under a temporary
 * name and renamed, so a concurrent reader never sees half a file.
 */
@Injectable()
export class CertificateFiles {
  private readonly dir: string;

  constructor(config: AppConfig) {
    this.dir = resolve(config.DATA_DIR, 'certificates');
  }

  async read(certificateNo: string): Promise<Buffer | undefined> {
    try {
      return await readFile(this.path(certificateNo));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async write(certificateNo: string, pdf: Buffer): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const temporary = `${this.path(certificateNo)}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temporary, pdf, { mode: 0o644 });
    await rename(temporary, this.path(certificateNo));
  }

  // The number is checked against its pattern before any lookup: no path can be smuggled in.
  private path(certificateNo: string): string {
    return join(this.dir, `${certificateNo.replace(/[^0-9A-Z*~$=]/g, '_')}.pdf`);
  }
}
