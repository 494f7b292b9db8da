const SMALL_INTS = 1024;

/**
 * Caches a pure function of one primitive key. Reasons and verdicts depend only on the value a rule
 * looks at (a field value, a count, a set of met children), so each distinct text is built once
 * per compiled definition and shared, frozen, across results. Small integers and booleans — the
 * common keys — hit arrays and fields rather than a Map; the Map is capped to bound memory for
 * fields with unbounded value sets, and object keys are never cached.
 */
export function memoize<K, V>(compute: (key: K) => V, limit = 1024): (key: K) => V {
  const ints: (V | undefined)[] = [];
  let ifTrue: V | undefined;
  let ifFalse: V | undefined;
  const cache = new Map<K, V>();
  return (key) => {
    if (typeof key === 'number' && key >= 0 && key < SMALL_INTS && (key | 0) === key) {
      return (ints[key] ??= compute(key));
    }
    if (key === true) return (ifTrue ??= compute(key));
    if (key === false) return (ifFalse ??= compute(key));
    let value = cache.get(key);
    if (value === undefined) {
      value = compute(key);
      if (cache.size < limit && (typeof key !== 'object' || key === null)) cache.set(key, value);
    }
    return value;
  };
}

export function frozen<T extends object>(value: T): Readonly<T> {
  return Object.freeze(value);
}
