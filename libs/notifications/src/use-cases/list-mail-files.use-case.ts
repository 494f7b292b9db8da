import { Injectable } from '@nestjs/common';
import { MailTransport } from '../channels/mail-transport';
import { decodeHeader, headerOf } from '../domain/mail-headers';

export interface MailFile {
  fileName: string;
  size: number;
  createdAt: Date;
  to: string;
  subject: string;
}

/**
 * The e-mails written as `.eml` files when no SMTP server is configured, newest first, so an
 * administrator can pass an invitation or a reset link on by hand.
 */
@Injectable()
export class ListMailFilesUseCase {
  constructor(private readonly mail: MailTransport) {}

  async execute(limit: number): Promise<{ mode: 'smtp' | 'files'; files: MailFile[] }> {
    const files = (await this.mail.list()).slice(0, limit);
    return {
      mode: this.mail.mode,
      files: files.map((f) => ({
        fileName: f.fileName,
        size: f.size,
        createdAt: f.createdAt,
        to: decodeHeader(headerOf(f.raw, 'to') ?? ''),
        subject: decodeHeader(headerOf(f.raw, 'subject') ?? ''),
      })),
    };
  }
}
