export interface DefinitionChange {
  /** Pointer-like path; array entries with an id are addressed as [id], e.g. /stages[release]/owner */
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

type Json = unknown;

function isObject(v: Json): v is Record<string, Json> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Arrays whose items all carry an id (or kind/code), unique within each side, are matched by it. */
function itemKey(a: Json[], b: Json[]): ((v: Json) => string) | undefined {
  if (a.length + b.length === 0) return undefined;
  for (const prop of ['id', 'kind', 'code']) {
    const keysOf = (items: Json[]) =>
      items.map((v) => (isObject(v) && typeof v[prop] === 'string' ? v[prop] : undefined));
    const ok = [a, b].every((items) => {
      const keys = keysOf(items);
      return keys.every((k) => k !== undefined) && new Set(keys).size === keys.length;
    });
    if (ok) return (v) => (v as Record<string, string>)[prop];
  }
  return undefined;
}

function diffArrays(a: Json[], b: Json[], path: string, out: DefinitionChange[]): void {
  const key = itemKey(a, b);
  if (!key) {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++)
      diffValues(a[i], b[i], `${path}/${i}`, out, i < a.length, i < b.length);
    return;
  }
  const before = new Map(a.map((v) => [key(v), v]));
  const after = new Map(b.map((v) => [key(v), v]));
  for (const [k, v] of before)
    if (!after.has(k)) out.push({ path: `${path}[${k}]`, kind: 'removed', before: v });
  for (const [k, v] of after) {
    if (!before.has(k)) out.push({ path: `${path}[${k}]`, kind: 'added', after: v });
    else diffValues(before.get(k), v, `${path}[${k}]`, out, true, true);
  }
  const common = (m: Map<string, Json>, other: Map<string, Json>) =>
    [...m.keys()].filter((k) => other.has(k));
  const orderA = common(before, after);
  const orderB = common(after, before);
  if (orderA.join('\u0000') !== orderB.join('\u0000')) {
    out.push({ path, kind: 'changed', before: orderA, after: orderB });
  }
}

function diffValues(
  a: Json,
  b: Json,
  path: string,
  out: DefinitionChange[],
  inA = true,
  inB = true,
): void {
  if (!inA) return void out.push({ path, kind: 'added', after: b });
  if (!inB) return void out.push({ path, kind: 'removed', before: a });
  if (Array.isArray(a) && Array.isArray(b)) return diffArrays(a, b, path, out);
  if (isObject(a) && isObject(b)) {
    for (const k of Object.keys(a)) diffValues(a[k], b[k], `${path}/${k}`, out, true, k in b);
    for (const k of Object.keys(b))
      if (!(k in a)) diffValues(undefined, b[k], `${path}/${k}`, out, false, true);
    return;
  }
  if (a !== b) out.push({ path, kind: 'changed', before: a, after: b });
}

/**
 * Structural diff of two definition documents. Lists of rules, stages, tiers… are matched by id,
 * so inserting a rule reports one addition instead of a cascade of index shifts; a changed order
 * of the same ids is reported as one `changed` entry on the list holding both orders.
 */
export function diffDefinitions(a: unknown, b: unknown): DefinitionChange[] {
  const out: DefinitionChange[] = [];
  diffValues(a, b, '', out);
  return out;
}
