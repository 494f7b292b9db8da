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

  it('ignores unrelated environment variables', () => {
    expect(() => loadConfig({ PATH: '/usr/bin', HOME: '/root' })).not.toThrow();
  });
});
