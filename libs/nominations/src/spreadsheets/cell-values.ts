// Turns what exceljs hands back for a cell into a typed dossier value, or into a message that says
// what was expected and what the cell held. Nothing here evaluates a formula: formula cells count
// by the value Excel last calculated, and formula-like text stays text.
import type { CellValue } from 'exceljs';
import type { ListField, ScalarField } from '@craftcert/pipeline';
import {
  INSTRUCTIONS_SHEET,
  enumOptions,
  isoDateOf,
  listExample,
  restoreFormulaText,
} from './workbook-layout';

/** A cell reduced to one plain value; `error` is an Excel error such as #REF!. */
export type CellInput = string | number | boolean | Date | { error: string };

export type Coerced<T> = { ok: true; value: T } | { ok: false; message: string };

export interface FieldError {
  path: string;
  message: string;
}

const ok = <T>(value: T): Coerced<T> => ({ ok: true, value });
const expected = (what: string, got: CellInput): Coerced<never> => ({
  ok: false,
  message: `expected ${what}, got ${quoteValue(got)}`,
});

/** How a cell's content is quoted back to the user in a message. */
export function quoteValue(value: CellInput): string {
  if (value instanceof Date) return `the date ${isoDateOf(value)}`;
  if (typeof value === 'object') return `the Excel error ${value.error}`;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return String(value);
  const chars = Array.from(value);
  return JSON.stringify(chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : value);
}

const ERROR_RESULT = '(an error result such as #REF! or #N/A)';

/**
 * Reduces rich text, hyperlinks and formulas to their text or calculated result; undefined when the
 * cell is empty. A formula nobody has calculated (no cached result) is reported, not evaluated.
 */
export function reduceCell(value: CellValue): CellInput | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return blankToUndefined(restoreFormulaText(value));
  // A streamed formula whose cached result is an error (#REF!…) comes back as NaN, its text lost.
  if (typeof value === 'number' && Number.isNaN(value)) return { error: ERROR_RESULT };
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('error' in value) return { error: value.error };
  if ('richText' in value) return reduceCell(value.richText.map((run) => run.text).join(''));
  if ('hyperlink' in value) return reduceCell(value.text as CellValue);
  if ('formula' in value || 'sharedFormula' in value) {
    return value.result === undefined
      ? { error: 'formula without a calculated value' }
      : reduceCell(value.result);
  }
  return undefined;
}

function blankToUndefined(text: string): string | undefined {
  return text.trim() === '' ? undefined : text;
}

// NFKC folds full-width digits and punctuation (１９９０－０５－０１) that Chinese input methods produce.
const normalise = (text: string): string => text.normalize('NFKC').trim();

const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function toText(input: CellInput): Coerced<string> {
  if (typeof input === 'string') return ok(input.trim());
  if (input instanceof Date) return ok(isoDateOf(input));
  // Excel keeps 15 significant digits: an 18-digit ID number typed into a General cell is
  // already damaged, so refuse it rather than store a wrong number.
  if (typeof input === 'number' && Number.isInteger(input) && Math.abs(input) >= 1e15) {
    return {
      ok: false,
      message: `expected text, got the number ${input}, which Excel has rounded to 15 digits; format the column as Text (文本) and type the value again`,
    };
  }
  if (typeof input === 'number') return ok(String(input));
  if (typeof input === 'boolean') return ok(input ? 'TRUE' : 'FALSE');
  return expected('text', input);
}

function toNumber(input: CellInput): Coerced<number> {
  if (typeof input === 'number') return ok(input);
  if (typeof input === 'string' && NUMBER_TEXT.test(normalise(input)))
    return ok(Number(normalise(input)));
  return expected('a number', input);
}

const DATE_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

function toDate(input: CellInput): Coerced<string> {
  if (input instanceof Date) return ok(isoDateOf(input));
  const match = typeof input === 'string' ? DATE_TEXT.exec(normalise(input)) : null;
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    // Date.UTC rolls 2023-02-30 over into March; a changed month or day means no such date.
    if (date.getUTCMonth() === month - 1 && date.getUTCDate() === day) return ok(isoDateOf(date));
  }
  return expected('a date as YYYY-MM-DD (e.g. 1990-05-01) or an Excel date', input);
}

const BOOLEAN_WORDS = new Map<string, boolean>([
  ['是', true],
  ['否', false],
  ['true', true],
  ['false', false],
  ['yes', true],
  ['no', false],
  ['1', true],
  ['0', false],
]);

function toBoolean(input: CellInput): Coerced<boolean> {
  if (typeof input === 'boolean') return ok(input);
  if (typeof input === 'number' || typeof input === 'string') {
    const word = BOOLEAN_WORDS.get(normalise(String(input)).toLowerCase());
    if (word !== undefined) return ok(word);
  }
  return expected('是 or 否 (also yes/no, true/false, 1/0)', input);
}

const enumKey = (text: string): string => normalise(text).toLowerCase().replace(/\s+/g, ' ');

type EnumScalar = Extract<ScalarField, { type: 'enum' }>;

// Built once per field object: a 1000-row import would otherwise rebuild it for every cell.
const lookups = new WeakMap<EnumScalar, Map<string, string>>();

/** Code, zh label, en label or "zh / en" → code; codes are registered first so they win a clash. */
function enumLookup(field: EnumScalar): Map<string, string> {
  const cached = lookups.get(field);
  if (cached) return cached;
  const options = enumOptions(field);
  const lookup = new Map<string, string>();
  const keys = (o: (typeof options)[number]): string[] => [
    o.label.zh,
    o.label.en,
    `${o.label.zh} / ${o.label.en}`,
  ];
  for (const o of options) lookup.set(enumKey(o.code), o.code);
  for (const o of options)
    for (const k of keys(o)) if (!lookup.has(enumKey(k))) lookup.set(enumKey(k), o.code);
  lookups.set(field, lookup);
  return lookup;
}

function toEnum(field: EnumScalar, input: CellInput): Coerced<string> {
  if (typeof input === 'string' || typeof input === 'number') {
    const code = enumLookup(field).get(enumKey(String(input)));
    if (code !== undefined) return ok(code);
  }
  const codes = enumOptions(field).map((o) => o.code);
  return expected(
    `one of ${codes.join(', ')} (a code, or its label from ${INSTRUCTIONS_SHEET})`,
    input,
  );
}

/** A non-empty scalar cell as the field's dossier value. */
export function coerceScalar(field: ScalarField, input: CellInput): Coerced<unknown> {
  switch (field.type) {
    case 'text':
    case 'idNumber':
      return toText(input);
    case 'number':
      return toNumber(input);
    case 'date':
      return toDate(input);
    case 'boolean':
      return toBoolean(input);
    case 'enum':
      return toEnum(field, input);
  }
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function describeJson(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (isPlainObject(value)) return 'an object';
  if (value === null) return 'null';
  return quoteValue(value as string | number | boolean);
}

function coerceListItem(
  field: ListField,
  item: unknown,
  path: string,
  errors: FieldError[],
): Record<string, unknown> | undefined {
  const keys = field.items.map((f) => f.id).join(', ');
  if (!isPlainObject(item)) {
    errors.push({
      path,
      message: `expected an object with keys ${keys}, got ${describeJson(item)}`,
    });
    return undefined;
  }
  const known = new Map(field.items.map((f) => [f.id, f]));
  for (const key of Object.keys(item).filter((k) => !known.has(k))) {
    errors.push({ path: `${path}.${key}`, message: `unknown key "${key}"; expected keys ${keys}` });
  }
  const entry: Record<string, unknown> = {};
  for (const itemField of field.items) {
    const raw = item[itemField.id];
    // JSON values are typed already; null and blank strings count as an omitted value.
    if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === ''))
      continue;
    const itemPath = `${path}.${itemField.id}`;
    if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') {
      errors.push({
        path: itemPath,
        message: `expected a single ${itemField.type} value, got ${describeJson(raw)}`,
      });
      continue;
    }
    const input: CellInput = raw;
    const result = coerceScalar(itemField, input);
    if (result.ok) entry[itemField.id] = result.value;
    else errors.push({ path: itemPath, message: result.message });
  }
  return entry;
}

/** A list cell: one JSON array of objects, each entry's values coerced like cells. */
export function coerceList(
  field: ListField,
  input: CellInput,
  errors: FieldError[],
): unknown[] | undefined {
  const shape = `a JSON array of objects such as ${listExample(field.items)}`;
  if (typeof input !== 'string') {
    errors.push({ path: field.id, message: `expected ${shape}, got ${quoteValue(input)}` });
    return undefined;
  }
  let parsed: unknown;
  try {
    parsed = parseJsonLeniently(input);
  } catch {
    errors.push({
      path: field.id,
      message: `expected ${shape}, but the text is not valid JSON: ${quoteValue(input)}`,
    });
    return undefined;
  }
  if (!Array.isArray(parsed)) {
    errors.push({ path: field.id, message: `expected ${shape}, got ${describeJson(parsed)}` });
    return undefined;
  }
  const before = errors.length;
  const items = parsed.map((item, i) => coerceListItem(field, item, `${field.id}[${i}]`, errors));
  return errors.length === before ? items : undefined;
}

/**
 * Chinese input methods and Excel's autocorrect turn straight quotes into “curly” ones, which JSON
 * rejects. Only when the text fails as typed is it retried with straight quotes, so curly quotes
 * inside valid JSON strings are kept.
 */
function parseJsonLeniently(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const straightened = text.replace(/[“”＂]/g, '"');
    if (straightened === text) throw error;
    return JSON.parse(straightened);
  }
}
