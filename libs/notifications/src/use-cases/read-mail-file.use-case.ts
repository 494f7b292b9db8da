import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@craftcert/platform';
import { MailTransport } from '../channels/mail-transport';

/** One `.eml` file as written (RFC 5322), for a mail program or to read the link from. */
@Injectable()
export class ReadMailFileUseCase {
  constructor(private readonly mail: MailTransport) {}

  async execute(fileName: string): Promise<string> {
    const raw = await this.mail.read(fileName);
    if (raw === null) throw new NotFoundError(`Mail file ${fileName}`);
    return raw;
  }
}
