import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { calculateJwkThumbprint, exportJWK, type JWK, jwtVerify, SignJWT } from 'jose';
import { AppConfig } from '@craftcert/platform';

export interface SignedCredential {
  jwt: string;
}

/**
 * Signs certificates as VC-JWTs with one Ed25519 key kept outside the database (mode 0600,
 * generated on first use under DATA_DIR, or CREDENTIAL_KEY_FILE). Its public half is the JWKS.
 */
@Injectable()
export class CredentialIssuer {
  private readonly logger = new Logger('CredentialIssuer');
  private readonly keyFile: string;
  private key?: { private: KeyObject; public: KeyObject; kid: string; jwk: JWK };

  constructor(config: AppConfig) {
    this.keyFile = resolve(
      config.CREDENTIAL_KEY_FILE ?? resolve(config.DATA_DIR, 'credential-signing.key'),
    );
  }

  async sign(payload: Record<string, unknown>, subject: string): Promise<string> {
    const key = await this.signingKey();
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: 'vc+jwt' })
      .setSubject(subject)
      .setIssuedAt()
      .sign(key.private);
  }

  /** The credential's claims when its signature is ours and intact; null otherwise. */
  async verify(jwt: string): Promise<Record<string, unknown> | null> {
    const key = await this.signingKey();
    try {
      const { payload } = await jwtVerify(jwt, key.public, { algorithms: ['EdDSA'] });
      return payload;
    } catch {
      return null;
    }
  }

  async jwks(): Promise<{ keys: JWK[] }> {
    const key = await this.signingKey();
    return { keys: [key.jwk] };
  }

  private async signingKey() {
    if (this.key) return this.key;
    const privateKey = this.readOrCreate();
    const publicKey = createPublicKey(privateKey);
    const jwk = await exportJWK(publicKey);
    const kid = await calculateJwkThumbprint(jwk);
    this.key = {
      private: privateKey,
      public: publicKey,
      kid,
      jwk: { ...jwk, kid, alg: 'EdDSA', use: 'sig' },
    };
    return this.key;
  }

  private readOrCreate(): KeyObject {
    if (!existsSync(this.keyFile)) {
      mkdirSync(dirname(this.keyFile), { recursive: true });
      const { privateKey } = generateKeyPairSync('ed25519');
      try {
        writeFileSync(this.keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), {
          mode: 0o600,
          flag: 'wx',
        });
        this.logger.warn(
          `generated the credential signing key ${this.keyFile}: back it up; every replica needs the same key`,
        );
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    return createPrivateKey(readFileSync(this.keyFile));
  }
}
