import { readFileSync } from 'node:fs';
import { shippedDefinitionPath } from '@craftcert/pipeline';
import { openBenchDatabase } from './bench-database';
import { postJson, ServerProcess, startApiServer } from './server-process';

export const ADMIN = { email: 'bench@craftcert.test', password: 'bench-password-123' };
const SESSIONS = 32;

export interface ApiFixture {
  server: ServerProcess;
  /** One `authorization` header per session, used in turn so no single token is hot. */
  bearerHeaders: Record<string, string>[];
  /** A published definition: the hot, cached read every nominator's form needs. */
  definitionPath: string;
  close(): Promise<void>;
}

/** A fresh database, the API server on it, SESSIONS signed-in sessions and a published definition. */
export async function openApiFixture(): Promise<ApiFixture> {
  const db = await openBenchDatabase();
  let server: ServerProcess | undefined;
  try {
    server = await startApiServer({
      DATABASE_URL: db.url,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
    });
    const url = server.url;
    const bearerHeaders: Record<string, string>[] = [];
    for (let i = 0; i < SESSIONS; i++) {
      const { accessToken } = await postJson<{ accessToken: string }>(
        `${url}/api/auth/login`,
        ADMIN,
      );
      bearerHeaders.push({ authorization: `Bearer ${accessToken}` });
    }
    if (new Set(bearerHeaders.map((h) => h.authorization)).size !== SESSIONS)
      throw new Error('sessions should have distinct tokens');
    const definitionPath = await publishDefinition(url, bearerHeaders[0]);
    const s = server;
    return {
      server: s,
      bearerHeaders,
      definitionPath,
      close: async () => {
        await s.stop();
        await db.close();
      },
    };
  } catch (error) {
    await server?.stop();
    await db.close();
    throw error;
  }
}

async function publishDefinition(url: string, auth: Record<string, string>): Promise<string> {
  const source = readFileSync(shippedDefinitionPath('hangzhou-city-craftsman'), 'utf8');
  const { id } = await postJson<{ id: string }>(
    `${url}/api/programmes`,
    { code: 'hangzhou-city-craftsman', name: { zh: '杭州工匠', en: 'Hangzhou Craftsman' } },
    auth,
  );
  await postJson(`${url}/api/programmes/${id}/definitions`, { source }, auth);
  await postJson(`${url}/api/programmes/${id}/definitions/1/publish`, {}, auth);
  return `/api/programmes/${id}/definitions/1`;
}

/** The body a route answers now, to check every later response against. */
export async function currentBody(
  server: ServerProcess,
  path: string,
  headers: Record<string, string> = {},
): Promise<Buffer> {
  const res = await fetch(server.url + path, { headers });
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}
