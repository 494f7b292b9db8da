import type { TestApp } from './test-app';
import { waitFor } from './test-app';

/** The text body of a single-part message as nodemailer writes it (base64 or plain). */
export function mailBody(raw: string): string {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  return /content-transfer-encoding:\s*base64/i.test(head)
    ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
    : body;
}

/**
 * The token of the single-use link in the newest e-mail to an address, read the way an
 * administrator of the embedded mode would: the mail list, then the `.eml` file. Waits until at
 * least `count` e-mails to that address were written.
 */
export async function mailedToken(
  t: TestApp,
  email: string,
  page: 'accept-invitation' | 'reset-password' | 'referee',
  count = 1,
): Promise<string> {
  const token = await t.adminToken();
  const newest = await waitFor(
    async () => {
      const res = await t.request({ url: '/api/notifications/mail?limit=200', token });
      const files = res
        .json<{ files: { fileName: string; to: string }[] }>()
        .files.filter((f) => f.to.includes(email));
      return files.length >= count ? files[0] : undefined;
    },
    { what: `e-mail ${count} to ${email}`, timeoutMs: 60000 },
  );
  const raw = await t.request({ url: `/api/notifications/mail/${newest.fileName}`, token });
  const link = new RegExp(`https?://\\S+/${page}\\?token=[A-Za-z0-9_-]+`).exec(mailBody(raw.body));
  if (!link) throw new Error(`no ${page} link in ${newest.fileName}`);
  return new URL(link[0]).searchParams.get('token')!;
}
