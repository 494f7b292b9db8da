// The one column layout shared by the template, the export and the import: sheet names, header
// rows, enumeration codes and the text conventions that make a workbook survive a round trip.
import {
  INDUSTRY_SECTIONS,
  SKILL_LEVELS,
  type DossierField,
  type EnumField,
  type LocalizedText,
  type ReferenceCode,
  type ScalarField,
} from '@craftcert/pipeline';

export const NOMINATIONS_SHEET = '提名 Nominations';
export const INSTRUCTIONS_SHEET = '说明 Instructions';
/** Holds enumeration codes too long for an inline dropdown list (Excel caps those at 255 chars). */
export const CODES_SHEET = '代码 Codes';

/** Row 1: machine field ids, the only row the parser reads to find columns. */
export const ID_ROW = 1;
/** Row 2: human labels, ignored by the parser so users may reword them. */
export const LABEL_ROW = 2;
export const FIRST_DATA_ROW = 3;
export const DEFAULT_MAX_ROWS = 1000;
export const DEFAULT_MAX_CELLS = 100_000;
export const DEFAULT_MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;

/** Row-1 ids starting with this mark informational columns (export metadata) the parser skips. */
export const META_PREFIX = '#';

/** Excel refuses to open cells longer than this, so writers check before producing a broken file. */
export const MAX_CELL_CHARS = 32767;

export const TRUE_TEXT = '是';
export const FALSE_TEXT = '否';

export interface EnumOption {
  code: string;
  label: LocalizedText;
}

const BUILTIN_ENUMS: Record<NonNullable<EnumField['builtin']>, readonly ReferenceCode[]> = {
  skillLevel: SKILL_LEVELS,
  industrySection: INDUSTRY_SECTIONS,
};

/** Codes and labels of an enum field, in definition order, whether built in or inline. */
export function enumOptions(field: EnumField): EnumOption[] {
  if (field.builtin) {
    return BUILTIN_ENUMS[field.builtin].map((v) => ({
      code: v.code,
      label: { zh: v.zh, en: v.en },
    }));
  }
  return field.values ?? [];
}

/** Row-2 label, e.g. `姓名 / name *`; the star marks a required column. */
export function headerLabel(field: DossierField): string {
  return `${field.label.zh} / ${field.label.en}${field.required ? ' *' : ''}`;
}

export function bilingual(text: LocalizedText): string {
  return `${text.zh} / ${text.en}`;
}

// Spreadsheet programs evaluate text starting with these characters as a formula when a cell is
// edited or the sheet is saved as CSV ("CSV injection"); a leading quote keeps it literal text.
// Already-quoted values are quoted once more so that unquoting is an exact inverse.
const FORMULA_LIKE = /^'*[=+\-@\t\r]/;

/** Prefixes formula-like text with `'` for export. */
export function neutraliseFormula(text: string): string {
  return FORMULA_LIKE.test(text) ? `'${text}` : text;
}

/** Inverse of neutraliseFormula: drops the one quote an export added, nothing else. */
export function restoreFormulaText(text: string): string {
  return text.startsWith("'") && FORMULA_LIKE.test(text) ? text.slice(1) : text;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** `YYYY-MM-DD` of a Date; exceljs decodes Excel dates as UTC midnight, so read UTC parts. */
export function isoDateOf(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

/** A plausible value for a field, used to build the list-cell example in the instructions. */
export function exampleValue(field: ScalarField): string | number | boolean {
  switch (field.type) {
    case 'text':
      return field.label.zh;
    case 'idNumber':
      return '11010519491231002X';
    case 'number': {
      // Year-like item fields (contest year, year started) read better with a real year.
      const preferred = /year/i.test(field.id) ? new Date().getUTCFullYear() - 1 : 1;
      const atLeast = Math.max(preferred, field.min ?? preferred);
      return Math.min(atLeast, field.max ?? atLeast);
    }
    case 'date':
      return '2020-06-01';
    case 'boolean':
      return true;
    case 'enum':
      return enumOptions(field)[0]?.code ?? '';
  }
}

/** One example entry of a list field, as JSON text users can copy and edit. */
export function listExample(items: readonly ScalarField[]): string {
  const entry = Object.fromEntries(items.map((f) => [f.id, exampleValue(f)]));
  return JSON.stringify([entry]);
}
