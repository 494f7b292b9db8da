import { randomBytes } from 'node:crypto';
import { shippedSource } from './factories';
import type { TestApp } from './test-app';

/** A nomination window open from yesterday for a month. */
export const WINDOW = {
  opensAt: new Date(Date.now() - 86400_000).toISOString(),
  closesAt: new Date(Date.now() + 30 * 86400_000).toISOString(),
};

/** Bytes that really are what their name says (the server sniffs content, not labels). */
export const FILES = {
  png: () =>
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      randomBytes(200),
    ]),
  jpeg: () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(200)]),
  pdf: () => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(200)]),
};

/**
 * A programme with the shipped Hangzhou definition published and an edition whose nomination
 * window is open (or as given). Returns the ids.
 */
export async function openEdition(
  t: TestApp,
  options: { code?: string; window?: { opensAt: string; closesAt: string }; source?: string } = {},
): Promise<{ programmeId: string; editionId: string }> {
  const token = await t.adminToken();
  const call = async (method: 'POST' | 'GET', url: string, payload?: unknown) => {
    const res = await t.request({ method, url, payload, token });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json<{ id: string }>();
  };
  const code = options.code ?? `hangzhou-city-craftsman`;
  const source = (options.source ?? shippedSource('hangzhou-city-craftsman')).replace(
    'code: hangzhou-city-craftsman',
    `code: ${code}`,
  );
  const programme = await call('POST', '/api/programmes', {
    code,
    name: { zh: '杭州工匠', en: 'Hangzhou Craftsman' },
  });
  await call('POST', `/api/programmes/${programme.id}/definitions`, { source });
  await call('POST', `/api/programmes/${programme.id}/definitions/1/publish`);
  const edition = await call('POST', `/api/programmes/${programme.id}/editions`, {
    code: `e-${randomBytes(3).toString('hex')}`,
    title: { zh: '第十届杭州工匠', en: '10th Hangzhou Craftsman' },
    definitionVersion: 1,
    referenceDate: '2026-06-01',
    nominationWindow: options.window ?? WINDOW,
  });
  return { programmeId: programme.id, editionId: edition.id };
}

/**
 * Attaches the evidence the Hangzhou definition requires (a photo and the sealed approval form)
 * and records the endorsements the nomination's channel asks for: an in-unit notice that ran from
 * Fri 26 Sep 2025 (ended Thu 9 Oct, across National Day), an approval, a seal.
 */
export async function attachRequiredEvidence(
  t: TestApp,
  token: string,
  nominationId: string,
  options: { endorse?: boolean } = {},
): Promise<void> {
  for (const [kind, bytes, fileName] of [
    ['photo', FILES.png(), 'photo.png'],
    ['approvalForm', FILES.pdf(), '审批表.pdf'],
  ] as const) {
    const res = await t.request({
      method: 'POST',
      url: `/api/nominations/${nominationId}/evidence?kind=${kind}&fileName=${encodeURIComponent(fileName)}`,
      payload: bytes,
      headers: { 'content-type': 'application/octet-stream' },
      token,
    });
    if (res.statusCode !== 201) throw new Error(`upload ${kind}: ${res.statusCode} ${res.body}`);
  }
  if (options.endorse !== false) await recordEndorsements(t, token, nominationId);
}

/** Records every endorsement the nomination's channel asks for, each one already complete. */
export async function recordEndorsements(
  t: TestApp,
  token: string,
  nominationId: string,
  notice: { startsOn: string } = { startsOn: '2025-09-26' },
): Promise<void> {
  const listed = await t.request({ url: `/api/nominations/${nominationId}/endorsements`, token });
  if (listed.statusCode !== 200)
    throw new Error(`endorsements: ${listed.statusCode} ${listed.body}`);
  const { items } = listed.json<{ items: { endorsementId: string; kind: string }[] }>();
  const bodies: Record<string, Record<string, string>> = {
    notice,
    approval: { body: '党政联席会议', meetingOn: '2025-09-20' },
    seal: {},
  };
  for (const item of items) {
    const res = await t.request({
      method: 'PUT',
      url: `/api/nominations/${nominationId}/endorsements/${item.endorsementId}`,
      payload: bodies[item.kind],
      token,
    });
    if (res.statusCode !== 200)
      throw new Error(`endorsement ${item.endorsementId}: ${res.statusCode} ${res.body}`);
  }
}
