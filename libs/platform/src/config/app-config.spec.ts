import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      DATA_DIR: './.data',
      ROLE: 'all',
      LOG_LEVEL: 'info',
      SHUTDOWN_TIMEOUT_MS: 8000,
    });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.REDIS_URL).toBeUndefined();
  });

  it('reads typed values from strings', () => {
    const config = loadConfig({
      PORT: '8080',
      ROLE: 'worker',
      DATABASE_URL: 'postgres://u@h:5432/db',
      REDIS_URL: 'redis://127.0.0.1:6379',
    });
    expect(config).toMatchObject({
      PORT: 8080,
      ROLE: 'worker',
      REDIS_URL: 'redis://127.0.0.1:6379',
    });
  });

  it('seeds the demo unless SEED_DEMO=false, and refuses anything but true or false', () => {
    expect(loadConfig({}).SEED_DEMO).toBe(true);
    expect(loadConfig({ SEED_DEMO: 'false' }).SEED_DEMO).toBe(false);
    expect(() => loadConfig({ SEED_DEMO: 'no' })).toThrow('SEED_DEMO must be true or false');
  });

  it('treats a blank DATABASE_URL as unset (embedded mode)', () => {
    expect(loadConfig({ DATABASE_URL: '  ' }).DATABASE_URL).toBeUndefined();
  });

  it('lists every invalid variable with what was expected', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: '70000', ROLE: 'boss', REDIS_URL: 'http://x', SHUTDOWN_TIMEOUT_MS: '5s' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toContain('PORT must be an integer between 0 and 65535 (got 70000)');
    expect(problems).toContain('ROLE must be one of: all, api, worker');
    expect(problems).toContain('REDIS_URL must be a redis:// or rediss:// URL');
    expect(problems).toContain('SHUTDOWN_TIMEOUT_MS must be an integer');
  });

  it('never repeats a secret value in an error, only what was wrong with it', () => {
    let error: unknown;
    try {
      loadConfig({
        JWT_SECRET: 'too-short-secret-A1',
        ADMIN_PASSWORD: 'short-B2',
        PII_ENCRYPTION_KEY: 'not-a-key-C3',
        DATABASE_URL: 'mysql://user:password-D4@host/db',
        REDIS_URL: 'redis://user:pass word-E5@host',
      });
    } catch (e) {
      error = e;
    }
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toContain('JWT_SECRET must be at least 32 characters (got 19 characters)');
    expect(problems).toContain('ADMIN_PASSWORD must be at least 10 characters (got 8 characters)');
    expect(problems).toContain('PII_ENCRYPTION_KEY must be 32 bytes, base64-encoded');
    expect(problems).toContain(
      'DATABASE_URL must be a postgres:// or postgresql:// connection URL (got a "mysql://…" URL)',
    );
    expect(problems).toContain('REDIS_URL must be a redis:// or rediss:// URL');
    for (const secret of ['A1', 'B2', 'C3', 'D4', 'E5']) expect(problems).not.toContain(secret);
  });

  it('ignores unrelated environment variables', () => {
    expect(() => loadConfig({ PATH: '/usr/bin', HOME: '/root' })).not.toThrow();
  });
});
