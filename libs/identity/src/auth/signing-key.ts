import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '@craftcert/platform';
import { randomToken } from './secrets';

/**
 * The token signing secret: JWT_SECRET when configured, otherwise one generated on first start
 * and kept in the database, so every replica signs with the same key with zero set-up.
 */
@Injectable()
export class SigningKey implements OnModuleInit {
  private value?: string;

  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {}

  get secret(): string {
    if (!this.value) throw new Error('signing key not loaded');
    return this.value;
  }

  async onModuleInit(): Promise<void> {
    if (this.config.JWT_SECRET) {
      this.value = this.config.JWT_SECRET;
      return;
    }
    await this.dataSource.query(
      `INSERT INTO platform_secret (name, value) VALUES ('jwt', $1) ON CONFLICT (name) DO NOTHING`,
      [randomToken()],
    );
    const rows: { value: string }[] = await this.dataSource.query(
      `SELECT value FROM platform_secret WHERE name = 'jwt'`,
    );
    this.value = rows[0].value;
  }
}
