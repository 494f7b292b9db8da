import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fastifyView from '@fastify/view';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Eta } from 'eta';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { shanghaiDate } from './dates';
import { chooseLanguage, LANGUAGE_COOKIE } from './language';
import { translate } from './messages';

const VIEWS = 'libs/publication/src/site/views';

/** The templates: beside this file when run from source, else under the checkout from dist/. */
function viewsDirectory(): string {
  const beside = join(__dirname, 'views');
  if (existsSync(beside)) return beside;
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, VIEWS))) return join(dir, VIEWS);
  }
  throw new Error(`the public site's templates (${VIEWS}) were not found`);
}

/** One HTML stack for every server-rendered page: Eta (escaping by default) through @fastify/view. */
export async function registerSiteViews(app: NestFastifyApplication): Promise<void> {
  const views = viewsDirectory();
  await app.register(fastifyView, {
    engine: { eta: new Eta({ views, cache: true, autoEscape: true }) },
    root: views,
  });
}

/**
 * Renders a public page in the visitor's language (a `?lang=` choice is remembered), with an
 * ETag over the bytes: a matching If-None-Match gets 304 and no body.
 */
export async function renderPage(
  request: FastifyRequest,
  reply: FastifyReply,
  view: string,
  data: Record<string, unknown> & { pageTitle?: string },
  status = 200,
): Promise<string> {
  const { lang, remember } = chooseLanguage(request);
  if (remember) {
    void reply.setCookie(LANGUAGE_COOKIE, lang, {
      path: '/',
      sameSite: 'lax',
      httpOnly: true,
      maxAge: 365 * 24 * 3600,
    });
  }
  const url = new URL(request.url, 'http://site');
  url.searchParams.set('lang', lang === 'zh' ? 'en' : 'zh');
  const t = (key: string, values?: Record<string, string | number>) => translate(lang, key, values);
  const html = await reply.viewAsync(view, {
    ...data,
    lang,
    t,
    pageTitle: data.pageTitle ?? '',
    date: (at: Date | string | null) => (at ? shanghaiDate(new Date(at)) : ''),
    switchUrl: `${url.pathname}${url.search}`,
  });
  const etag = `"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"`;
  void reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'public, max-age=0, must-revalidate')
    .header('vary', 'Accept-Language, Cookie')
    .header('etag', etag);
  if (status === 200 && request.headers['if-none-match'] === etag) {
    void reply.status(304);
    return '';
  }
  return html;
}
