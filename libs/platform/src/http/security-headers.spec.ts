import helmet from 'helmet';
import { securityHeaders } from './security-headers';

describe('securityHeaders', () => {
  it('matches what helmet sets on a request, CSP directives included', () => {
    const options = {
      contentSecurityPolicy: { directives: { scriptSrc: ["'self'", "'unsafe-inline'"] } },
    };
    const perRequest: Record<string, string> = {};
    helmet(options)(
      {} as never,
      {
        setHeader: (n: string, v: string) => (perRequest[n.toLowerCase()] = v),
        removeHeader: () => undefined,
      } as never,
      () => undefined,
    );
    const once = securityHeaders(options);
    expect(once).toEqual(perRequest);
    expect(once['content-security-policy']).toContain("script-src 'self' 'unsafe-inline'");
    expect(once['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(once['x-content-type-options']).toBe('nosniff');
  });
});
