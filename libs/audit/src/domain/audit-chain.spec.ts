import { createHash } from 'node:crypto';
import { AuditContent, auditHash, canonicalJson, chainBreak, GENESIS_HASH } from './audit-chain';

const content = (overrides: Partial<AuditContent> = {}): AuditContent => ({
  seq: '1',
  id: '0b6c5f7e-4a53-4c1e-9d0e-1f2a3b4c5d6e',
  occurredAt: '2026-06-01T08:00:00.000Z',
  actorId: null,
  actorOrganisationId: null,
  action: 'programme.created',
  subjectType: 'programme',
  subjectId: 'p-1',
  summary: { after: { code: 'hangzhou-city-craftsman' } },
  requestId: 'req-1',
  ...overrides,
});

describe('canonicalJson', () => {
  it('does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: 2, c: { y: 1, x: 2 } })).toBe(
      canonicalJson({ c: { x: 2, y: 1 }, a: 2, b: 1 }),
    );
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });

  it('sorts keys of nested objects, including objects inside arrays', () => {
    expect(canonicalJson({ z: [{ b: 1, a: { d: 1, c: 2 } }], y: null })).toBe(
      '{"y":null,"z":[{"a":{"c":2,"d":1},"b":1}]}',
    );
  });

  it('keeps array order: reordering an array is a change', () => {
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
    expect(canonicalJson({ a: [1, 2] })).not.toBe(canonicalJson({ a: [2, 1] }));
  });

  it('drops undefined properties and serialises dates as jsonb would store them', () => {
    expect(canonicalJson({ before: undefined, after: { at: new Date(0) } })).toBe(
      '{"after":{"at":"1970-01-01T00:00:00.000Z"}}',
    );
  });
});

describe('auditHash', () => {
  it('is sha256 of the previous hash followed by the canonical content', () => {
    const c = content();
    const expected = createHash('sha256')
      .update(GENESIS_HASH + canonicalJson(c))
      .digest('hex');
    expect(auditHash(GENESIS_HASH, c)).toBe(expected);
    expect(auditHash(GENESIS_HASH, c)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is the same whatever order the summary keys come back in', () => {
    const a = content({ summary: { before: { status: 'draft' }, after: { v: 1, status: 'x' } } });
    const b = content({ summary: { after: { status: 'x', v: 1 }, before: { status: 'draft' } } });
    expect(auditHash(GENESIS_HASH, a)).toBe(auditHash(GENESIS_HASH, b));
  });

  it('changes with any content field and with the previous hash', () => {
    const base = auditHash(GENESIS_HASH, content());
    expect(auditHash(GENESIS_HASH, content({ subjectId: 'p-2' }))).not.toBe(base);
    expect(auditHash(GENESIS_HASH, content({ summary: {} }))).not.toBe(base);
    expect(auditHash('f'.repeat(64), content())).not.toBe(base);
  });

  it('ignores properties that are not content, such as the stored hashes', () => {
    const row = { ...content(), prevHash: GENESIS_HASH, hash: 'x' };
    expect(auditHash(GENESIS_HASH, row)).toBe(auditHash(GENESIS_HASH, content()));
  });
});

describe('chainBreak', () => {
  const first = {
    ...content(),
    position: '1',
    prevHash: GENESIS_HASH,
    hash: auditHash(GENESIS_HASH, content()),
  };
  // A later seq than position: seqs have gaps (rolled-back writers), positions never do.
  const secondContent = content({ seq: '7', id: 'second' });
  const second = {
    ...secondContent,
    position: '2',
    prevHash: first.hash,
    hash: auditHash(first.hash, secondContent),
  };

  it('accepts a well-formed chain, whatever the gaps in seq', () => {
    expect(chainBreak(undefined, first)).toBeUndefined();
    expect(chainBreak(first, second)).toBeUndefined();
  });

  it('reports a gap in position, a broken link and altered content', () => {
    expect(chainBreak(undefined, second)).toMatch(/starts at position 2/);
    expect(chainBreak(first, { ...second, position: '3' })).toMatch(
      /position 3 follows position 1: records are missing/,
    );
    expect(chainBreak(first, { ...second, prevHash: GENESIS_HASH })).toMatch(/prev_hash/);
    expect(chainBreak(first, { ...second, summary: { after: 'x' } })).toMatch(/altered/);
    expect(chainBreak(first, { ...second, seq: '8' })).toMatch(/altered/);
  });
});
