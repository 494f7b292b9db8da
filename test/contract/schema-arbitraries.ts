import * as fc from 'fast-check';

/** The part of OpenAPI's schema language that @nestjs/swagger writes. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  pattern?: string;
  example?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  nullable?: boolean;
  items?: Schema;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
}

/** Real values (ids of existing records, e-mails of real users…) to draw on, by field name. */
export type Pools = Record<string, readonly unknown[]>;

const LONE_SURROGATES = ['\ud800', '\udbff', '\udc00', '\udfff', 'a\ud83d', '\ude00b'];

/** Text no form produces: lone surrogates, NUL, control and bidi characters, markup, paths. */
const nastyText = fc.oneof(
  fc
    .tuple(
      fc.string({ maxLength: 8 }),
      fc.constantFrom(...LONE_SURROGATES),
      fc.string({ maxLength: 8 }),
    )
    .map((parts) => parts.join('')),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\u202e\u0007\b\f',
    '../../etc/passwd',
    '<script>alert(1)</script>',
    "'; DROP TABLE programme; --",
    '%00',
    '${jndi:ldap://x}',
    '王建国'.repeat(300),
    '𠮷'.repeat(100),
    'NaN',
    '-1',
    '1e309',
    '0x10',
    'null',
    'true',
    '2026-02-30',
    '2026-13-01T25:61:00Z',
    '00000000-0000-0000-0000-000000000000',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/** Sizes around the limits: a field's own limit, the 1 MiB body limit. */
const hugeText = fc
  .constantFrom(1_000, 10_000, 200_000, 1_100_000)
  .chain((size) => fc.constantFrom('a', '工', '\u00e9').map((c) => c.repeat(size)));

function nested(depth: number, leaf: unknown): unknown {
  let value: unknown = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

/** Values of the wrong kind, or of the right kind but hostile; null and empty ones most often. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.constantFrom([], {}, '', 0, false) },
  { weight: 2, arbitrary: fc.oneof(fc.boolean(), fc.integer(), fc.double()) },
  { weight: 1, arbitrary: fc.constantFrom(-1, 2 ** 53, -(2 ** 31), 1.5, 1e308) },
  { weight: 1, arbitrary: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }) },
  { weight: 3, arbitrary: nastyText },
  { weight: 1, arbitrary: hugeText },
  { weight: 1, arbitrary: fc.integer({ min: 20, max: 3000 }).map((depth) => nested(depth, 'x')) },
  {
    weight: 1,
    arbitrary: fc.constant(
      JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}'),
    ),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

type Path = (string | number)[];

/** Every node of a JSON value (the root too), as paths, breadth first and capped. */
function nodePaths(value: unknown): Path[] {
  const paths: Path[] = [];
  const queue: [unknown, Path][] = [[value, []]];
  while (queue.length > 0 && paths.length < 200) {
    const [node, path] = queue.shift()!;
    paths.push(path);
    if (path.length >= 8 || node === null || typeof node !== 'object') continue;
    for (const [key, child] of Object.entries(node))
      queue.push([child, [...path, Array.isArray(node) ? Number(key) : key]]);
  }
  return paths;
}

const REMOVE = Symbol('remove');

/** A copy of value with the node at path replaced by change(node) (or removed). */
function changeAt(value: unknown, path: Path, change: (node: unknown) => unknown): unknown {
  if (path.length === 0) return change(value);
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    const next = changeAt(copy[head as number], rest, change);
    if (next === REMOVE) copy.splice(head as number, 1);
    else copy[head as number] = next;
    return copy;
  }
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  const next = changeAt(copy[head as string], rest, change);
  if (next === REMOVE) delete copy[head as string];
  else copy[head as string] = next;
  return copy;
}

export type Mutation = 'replace' | 'remove' | 'add';

/** One edit to an otherwise well-shaped value: validation then meets exactly one fault. */
export function mutate(
  value: unknown,
  at: number,
  kind: Mutation,
  replacement: unknown,
  key: string,
): unknown {
  // Below the root (a hostile root is generated on its own); top-level fields count thrice.
  const paths = nodePaths(value).slice(1);
  if (paths.length === 0) return kind === 'remove' ? undefined : replacement;
  const top = paths.filter((p) => p.length === 1);
  const candidates = [...top, ...top, ...paths];
  const path = candidates[at % candidates.length];
  return changeAt(value, path, (node) => {
    if (kind === 'remove') return REMOVE;
    if (kind === 'add' && node && typeof node === 'object' && !Array.isArray(node))
      return { ...node, [key]: replacement };
    return replacement;
  });
}

const mutations = fc.record({
  // Unbiased: fast-check otherwise prefers small numbers, and so the first field.
  at: fc.noBias(fc.nat(1_000_000)),
  kind: fc.constantFrom<Mutation>('replace', 'replace', 'remove', 'remove', 'add'),
  replacement: hostileValue,
  key: fc.oneof(
    { weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: 12 }) },
    { weight: 1, arbitrary: fc.constantFrom('__proto__', 'id', 'constructor') },
  ),
});

/** A well-shaped value with one fault (sometimes two), or a plain hostile value instead. */
export function faulty(shaped: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const once = fc
    .tuple(shaped, mutations)
    .map(([v, m]) => mutate(v, m.at, m.kind, m.replacement, m.key));
  const twice = fc
    .tuple(once, mutations)
    .map(([v, m]) => mutate(v, m.at, m.kind, m.replacement, m.key));
  return fc.oneof(
    { weight: 6, arbitrary: once },
    { weight: 1, arbitrary: twice },
    { weight: 1, arbitrary: hostileValue },
  );
}

export class SchemaArbitraries {
  constructor(
    private readonly components: Record<string, Schema>,
    private readonly pools: Pools,
  ) {}

  resolve(schema: Schema | undefined): Schema {
    if (!schema) return {};
    if (schema.allOf?.length === 1)
      return { ...this.resolve(schema.allOf[0]), ...schema, allOf: undefined };
    if (schema.$ref) return this.resolve(this.components[schema.$ref.split('/').pop()!]);
    return schema;
  }

  /** A value that has the schema's shape (which the server may still refuse: rules differ). */
  shaped(schema: Schema, name?: string, depth = 0): fc.Arbitrary<unknown> {
    const pool = name ? this.pools[name] : undefined;
    const own = this.byType(schema, depth);
    const withPool = pool?.length
      ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: own })
      : own;
    return schema.nullable ? fc.option(withPool, { nil: null, freq: 8 }) : withPool;
  }

  private byType(schema: Schema, depth: number): fc.Arbitrary<unknown> {
    if (schema.oneOf)
      return fc.oneof(...schema.oneOf.map((s) => this.shaped(this.resolve(s), undefined, depth)));
    if (schema.enum?.length) return fc.constantFrom(...schema.enum);
    const examples = schema.example === undefined ? [] : [fc.constant(schema.example)];
    switch (schema.type) {
      case 'integer':
      case 'number': {
        const min = schema.minimum ?? -5;
        const max = schema.maximum ?? Math.max(min + 10, 3000);
        return fc.oneof(...examples, fc.integer({ min, max }), fc.constantFrom(min, max));
      }
      case 'boolean':
        return fc.boolean();
      case 'array':
        return fc.array(this.shaped(this.resolve(schema.items), undefined, depth + 1), {
          maxLength: depth > 4 ? 0 : 4,
        });
      case 'object':
        return this.object(schema, depth);
      case 'string':
        return fc.oneof(...examples, this.text(schema));
      default:
        return schema.properties ? this.object(schema, depth) : fc.jsonValue({ maxDepth: 2 });
    }
  }

  private text(schema: Schema): fc.Arbitrary<string> {
    switch (schema.format) {
      case 'uuid':
        return fc.uuid();
      case 'email':
        return fc.emailAddress();
      case 'date-time':
        return fc
          .date({ min: new Date('2000-01-01'), max: new Date('2040-01-01'), noInvalidDate: true })
          .map((d) => d.toISOString());
      case 'binary':
        return fc.string();
    }
    if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
    const minLength = schema.minLength ?? 0;
    const maxLength = Math.min(schema.maxLength ?? 60, minLength + 60);
    return fc.string({
      minLength,
      maxLength,
      unit: fc.constantFrom('a', 'Z', '7', '-', ' ', '工', '匠', 'é'),
    });
  }

  private object(schema: Schema, depth: number): fc.Arbitrary<unknown> {
    const properties = schema.properties ?? {};
    if (Object.keys(properties).length === 0) {
      const pool = this.pools['@object'];
      const free = fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), {
        maxKeys: 5,
      });
      return pool?.length ? fc.oneof(fc.constantFrom(...pool), free) : free;
    }
    const model = Object.fromEntries(
      Object.entries(properties).map(([key, property]) => [
        key,
        this.shaped(this.resolve(property), key, depth + 1),
      ]),
    );
    return fc.record(model, { requiredKeys: schema.required ?? [] });
  }
}
