import { detectContentType } from './evidence-content-type';

describe('detectContentType', () => {
  const bytes = (...b: number[]) => Buffer.from([...b, 0, 0, 0, 0, 0, 0, 0, 0]);

  it.each([
    ['image/jpeg', bytes(0xff, 0xd8, 0xff, 0xe0)],
    ['image/png', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)],
    ['application/pdf', Buffer.from('%PDF-1.7\n...')],
    ['image/gif', Buffer.from('GIF89a......')],
    [
      'image/webp',
      Buffer.concat([Buffer.from('RIFF'), Buffer.from([1, 2, 3, 4]), Buffer.from('WEBPVP8 ')]),
    ],
  ])('recognises %s from its bytes', (type, content) => {
    expect(detectContentType(content)).toBe(type);
  });

  it('does not trust a name or label: script text is not an image', () => {
    expect(detectContentType(Buffer.from('<script>alert(1)</script>'))).toBeUndefined();
    expect(detectContentType(Buffer.from('#!/bin/sh\nrm -rf /'))).toBeUndefined();
  });

  it('refuses RIFF containers that are not WebP, and truncated files', () => {
    expect(
      detectContentType(
        Buffer.concat([Buffer.from('RIFF'), Buffer.from([1, 2, 3, 4]), Buffer.from('WAVEfmt ')]),
      ),
    ).toBeUndefined();
    expect(detectContentType(Buffer.from([0xff, 0xd8]))).toBeUndefined();
    expect(detectContentType(Buffer.alloc(0))).toBeUndefined();
  });
});
