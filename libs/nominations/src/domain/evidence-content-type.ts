/**
 * The real type of an upload, from its first bytes (its "magic number"), so a script renamed
 * photo.jpg is refused however the client labels it. Covers the formats definitions may allow.
 */
const SIGNATURES: { type: string; offset: number; bytes: number[] }[] = [
  { type: 'image/jpeg', offset: 0, bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/png', offset: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/gif', offset: 0, bytes: [0x47, 0x49, 0x46, 0x38] },
  { type: 'application/pdf', offset: 0, bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: 'image/webp', offset: 8, bytes: [0x57, 0x45, 0x42, 0x50] },
];

export const DETECTABLE_TYPES = SIGNATURES.map((s) => s.type);

export function detectContentType(bytes: Uint8Array): string | undefined {
  const match = SIGNATURES.find(
    (s) =>
      bytes.length >= s.offset + s.bytes.length &&
      s.bytes.every((b, i) => bytes[s.offset + i] === b),
  );
  // WebP shares RIFF with audio/video containers: require the RIFF header too.
  if (
    match?.type === 'image/webp' &&
    !(bytes[0] === 0x52 && bytes[1] === 0x49 && bytes[2] === 0x46 && bytes[3] === 0x46)
  ) {
    return undefined;
  }
  return match?.type;
}
