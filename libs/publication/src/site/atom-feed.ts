import type { LocalizedText } from '@craftcert/pipeline';

export interface FeedEntry {
  editionId: string;
  kind: 'notice' | 'announcement';
  title: LocalizedText;
  publishedAt: Date;
  updatedAt: Date;
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** An Atom feed of notices and announcements (Chinese titles), newest first. */
export function atomFeed(baseUrl: string, entries: readonly FeedEntry[]): string {
  const updated = entries.reduce(
    (latest, e) => (e.updatedAt > latest ? e.updatedAt : latest),
    new Date(0),
  );
  const items = entries.map((e) => {
    const url = `${baseUrl}/editions/${e.editionId}`;
    const kind = e.kind === 'announcement' ? '公告' : '公示';
    return [
      '<entry>',
      `<id>${escape(`${url}#${e.kind}`)}</id>`,
      `<title>${escape(`${e.title.zh} ${kind}`)}</title>`,
      `<link rel="alternate" type="text/html" href="${escape(url)}"/>`,
      `<published>${e.publishedAt.toISOString()}</published>`,
      `<updated>${e.updatedAt.toISOString()}</updated>`,
      '</entry>',
    ].join('');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `<id>${escape(`${baseUrl}/feed.atom`)}</id>`,
    '<title>工匠认定公示与发布</title>',
    `<link rel="self" href="${escape(`${baseUrl}/feed.atom`)}"/>`,
    `<updated>${updated.toISOString()}</updated>`,
    ...items,
    '</feed>',
  ].join('\n');
}
