import helmet, { type HelmetOptions } from 'helmet';

/**
 * The headers helmet sets, computed once. Helmet (and @fastify/helmet around it) rebuilds the
 * same header values on every request — parsing CSP directives, dashing names — about 7 % of
 * the CPU of a cheap route; with static options the result never changes, so the server sets
 * this object instead.
 */
export function securityHeaders(options: HelmetOptions): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader(name: string, value: unknown) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let failure: unknown;
  let done = false;
  helmet(options)({} as never, response as never, (error?: unknown) => {
    failure = error;
    done = true;
  });
  // Static options make helmet synchronous; anything else could not be computed once.
  if (!done) throw new Error('helmet did not finish synchronously: options must be static');
  if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
  return Object.freeze(headers);
}
