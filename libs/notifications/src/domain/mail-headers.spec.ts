import { decodeHeader, headerOf } from './mail-headers';

describe('reading .eml headers', () => {
  const raw = [
    'From: craftcert <no-reply@craftcert.local>',
    'To: a@b.test',
    'Subject: =?UTF-8?B?6YKA6K+35oKo5Yqg5YWl?=',
    ' =?UTF-8?Q?_craftcert?=',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Subject: not a header',
  ].join('\r\n');

  it('unfolds and decodes a Chinese subject', () => {
    expect(decodeHeader(headerOf(raw, 'subject')!)).toBe('邀请您加入 craftcert');
    expect(headerOf(raw, 'to')).toBe('a@b.test');
  });

  it('reads headers only, never the body', () => {
    expect(headerOf(raw, 'x-missing')).toBeUndefined();
  });
});
