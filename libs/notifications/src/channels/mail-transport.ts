import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import { AppConfig } from '@craftcert/platform';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** Deterministic per delivery, so a receiving system can recognise a resend. */
  messageId: string;
}

/** A `.eml` file's name: a timestamp and the delivery it holds. */
export const MAIL_FILE = /^\d{8}T\d{6}Z-[0-9a-f-]{36}\.eml$/;

/**
 * E-mail out: over SMTP when SMTP_URL is set, otherwise (the embedded default) each message is
 * written as an `.eml` file under `<DATA_DIR>/mail`, for an administrator to open and pass on.
 */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  private readonly smtp;
  private readonly files = createTransport({ streamTransport: true, buffer: true });
  readonly directory: string;

  constructor(private readonly config: AppConfig) {
    this.smtp = config.SMTP_URL ? createTransport(config.SMTP_URL) : null;
    this.directory = resolve(config.DATA_DIR, 'mail');
  }

  get mode(): 'smtp' | 'files' {
    return this.smtp ? 'smtp' : 'files';
  }

  async send(mail: OutgoingMail, deliveryId: string): Promise<void> {
    const message = {
      from: this.config.MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId: mail.messageId,
      textEncoding: 'base64' as const,
    };
    if (this.smtp) {
      await this.smtp.sendMail(message);
      return;
    }
    const info = await this.files.sendMail(message);
    await mkdir(this.directory, { recursive: true, mode: 0o700 });
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
    // 0600: the file holds a live single-use link.
    await writeFile(resolve(this.directory, `${stamp}-${deliveryId}.eml`), info.message as Buffer, {
      mode: 0o600,
    });
  }

  /** The `.eml` files written so far, newest first (empty when mail goes over SMTP). */
  async list(): Promise<{ fileName: string; size: number; createdAt: Date; raw: string }[]> {
    let names: string[];
    try {
      names = (await readdir(this.directory)).filter((n) => MAIL_FILE.test(n));
    } catch {
      return [];
    }
    const files = await Promise.all(
      names.map(async (fileName) => {
        const path = resolve(this.directory, fileName);
        const [info, raw] = await Promise.all([stat(path), readFile(path, 'utf8')]);
        return { fileName, size: info.size, createdAt: info.mtime, raw };
      }),
    );
    return files.toSorted((a, b) => b.fileName.localeCompare(a.fileName));
  }

  async read(fileName: string): Promise<string | null> {
    if (!MAIL_FILE.test(fileName)) return null;
    try {
      return await readFile(resolve(this.directory, fileName), 'utf8');
    } catch {
      return null;
    }
  }

  onModuleDestroy(): void {
    this.smtp?.close();
  }
}
