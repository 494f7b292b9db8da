import { resolve } from 'node:path';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { AppConfig, randomSecret, readOrCreateSecretFile } from '@craftcert/platform';

/**
 * The access-token signing secret: JWT_SECRET when configured, otherwise a key file generated
 * once under DATA_DIR (mode 0600). It is never kept in the database, so whoever can read the
 * database (a leaked backup, a stolen connection) still cannot forge a session.
 */
@Injectable()
export class SigningKey implements OnModuleInit {
  private readonly logger = new Logger('SigningKey');
  private value?: string;

  constructor(private readonly config: AppConfig) {}

  get secret(): string {
    if (!this.value) throw new Error('signing key not loaded');
    return this.value;
  }

  onModuleInit(): void {
    if (this.config.JWT_SECRET) {
      this.value = this.config.JWT_SECRET;
      return;
    }
    const path = resolve(this.config.DATA_DIR, 'jwt.key');
    const file = readOrCreateSecretFile(path, randomSecret);
    if (file.created) {
      this.logger.warn(
        `JWT_SECRET is not set: generated ${path}. Set JWT_SECRET to the same value on every ` +
          'host when running replicas on several hosts, or tokens from one are refused by another.',
      );
    }
    this.value = file.value;
  }
}
