// Reads a filled template or an edited export back into typed dossiers. Each row is coerced cell
// by cell, then checked by the engine's validateDossier; a row with any error carries no dossier,
// so nothing half-parsed can be saved by mistake.
import type { Row, Workbook, Worksheet } from 'exceljs';
import { validateDossier, type DossierField, type PipelineDefinition } from '@craftcert/pipeline';
import {
  coerceList,
  coerceScalar,
  quoteValue,
  reduceCell,
  type CellInput,
  type FieldError,
} from './cell-values';
import {
  DEFAULT_MAX_ROWS,
  FIRST_DATA_ROW,
  ID_ROW,
  META_PREFIX,
  NOMINATIONS_SHEET,
} from './workbook-layout';

export interface ParsedRow {
  /** The Excel row number, as the user sees it. */
  rowNumber: number;
  /** Present only when the row has no errors. */
  dossier?: Record<string, unknown>;
  /** `path` is `<fieldId>` or `<fieldId>[i].<itemField>`. */
  errors: FieldError[];
}

export type ParsedWorkbook = { ok: true; rows: ParsedRow[] } | { ok: false; error: string };

export interface ParseOptions {
  /** Filled data rows accepted in one file; default 1000. */
  maxRows?: number;
}

interface DossierColumn {
  column: number;
  field: DossierField;
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

async function loadWorkbook(bytes: Buffer): Promise<Outcome<Workbook>> {
  // Loaded on first use, like in write-nominations-workbook.ts.
  const { Workbook } = await import('exceljs');
  const workbook = new Workbook();
  try {
    // exceljs types load() with its own Buffer shim; a Node Buffer is what it reads at run time.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    return { ok: true, value: workbook };
  } catch {
    return {
      ok: false,
      error:
        '文件不是可读取的 Excel .xlsx 工作簿，请另存为 .xlsx 后重新上传。 / The file is not a readable Excel .xlsx workbook (.xls, .csv and other formats are not accepted); save it as .xlsx and upload it again.',
    };
  }
}

function findSheet(workbook: Workbook): Outcome<Worksheet> {
  const sheet = workbook.getWorksheet(NOMINATIONS_SHEET);
  if (sheet) return { ok: true, value: sheet };
  const names = workbook.worksheets.map((s) => `"${s.name}"`).join(', ') || 'none';
  return {
    ok: false,
    error: `找不到工作表「${NOMINATIONS_SHEET}」。 / The workbook has no sheet named "${NOMINATIONS_SHEET}" (sheets found: ${names}); start from the template downloaded for this programme.`,
  };
}

function headerText(row: Row, column: number): string {
  const input = reduceCell(row.getCell(column).value);
  if (typeof input === 'string') return input.trim();
  return typeof input === 'number' ? String(input) : '';
}

/** Maps row-1 ids to dossier fields; `#` columns are skipped, anything unknown rejects the file. */
function readHeader(sheet: Worksheet, definition: PipelineDefinition): Outcome<DossierColumn[]> {
  const fields = new Map(definition.dossier.fields.map((f) => [f.id, f]));
  const header = sheet.getRow(ID_ROW);
  const columns: DossierColumn[] = [];
  for (let column = 1; column <= header.cellCount; column++) {
    const id = headerText(header, column);
    if (id === '' || id.startsWith(META_PREFIX)) continue;
    const field = fields.get(id);
    const letter = sheet.getColumn(column).letter;
    const where = `column ${letter}`;
    if (!field) {
      return {
        ok: false,
        error: `第 1 行第 ${letter} 列有未知字段代码 "${id}"。 / Unknown column "${id}" in row 1 (${where}); row 1 must hold field ids of this programme: ${[...fields.keys()].join(', ')} (or ${META_PREFIX}-prefixed reference columns).`,
      };
    }
    if (columns.some((c) => c.field.id === id)) {
      return { ok: false, error: `Column "${id}" appears twice in row 1 (again in ${where}).` };
    }
    columns.push({ column, field });
  }
  const missing = definition.dossier.fields.filter(
    (f) => f.required && !columns.some((c) => c.field.id === f.id),
  );
  if (missing.length > 0) {
    return {
      ok: false,
      error: `缺少必填列。 / Row 1 lacks the required column(s) ${missing.map((f) => f.id).join(', ')}; start from the template downloaded for this programme.`,
    };
  }
  return { ok: true, value: columns };
}

/** The reduced values of the dossier columns of one row, in column order. */
function readCells(row: Row, columns: readonly DossierColumn[]): (CellInput | undefined)[] {
  return columns.map((c) => reduceCell(row.getCell(c.column).value));
}

/** Any value in a column without a row-1 id would be silently dropped, so refuse the file. */
function findUnnamedData(sheet: Worksheet, named: ReadonlySet<number>): string | undefined {
  let problem: string | undefined;
  sheet.eachRow((row, rowNumber) => {
    if (problem || rowNumber < FIRST_DATA_ROW) return;
    row.eachCell((cell, column) => {
      if (problem || named.has(column) || reduceCell(cell.value) === undefined) return;
      problem = `Cell ${cell.address} holds data but its column has no field id in row 1; fill in the id or clear the column.`;
    });
  });
  return problem;
}

/** `/contests/0/rank` → `contests[0].rank`, the path style users see in messages. */
export function toFieldPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => {
      if (/^\d+$/.test(part)) return `${path}[${part}]`;
      return path === '' ? part : `${path}.${part}`;
    }, '');
}

/** The dossier value an engine error points at, to quote it back. */
function valueAt(dossier: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .reduce<unknown>(
      (value, key) =>
        value !== null && typeof value === 'object'
          ? (value as Record<string, unknown>)[key]
          : undefined,
      dossier,
    );
}

/** Engine messages say what is expected ("must be at least 1"); add what the cell held. */
function engineMessage(message: string, value: unknown, path: string): string {
  if (message === 'is required') {
    return path.includes('[')
      ? 'is required in every entry of the list'
      : 'is required, but the cell is empty';
  }
  const quotable =
    ['string', 'number', 'boolean'].includes(typeof value) && !message.includes('(has');
  return quotable ? `${message}, got ${quoteValue(value as CellInput)}` : message;
}

/** True when `path` is `covered` or lies inside it, e.g. contests[0].rank inside contests. */
function within(path: string, covered: string): boolean {
  return path === covered || path.startsWith(`${covered}[`) || path.startsWith(`${covered}.`);
}

function parseRow(
  definition: PipelineDefinition,
  columns: readonly DossierColumn[],
  cells: readonly (CellInput | undefined)[],
  rowNumber: number,
): ParsedRow {
  const dossier: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  columns.forEach(({ field }, i) => {
    const input = cells[i];
    if (input === undefined) return;
    if (field.type === 'list') {
      const items = coerceList(field, input, errors);
      if (items) dossier[field.id] = items;
      return;
    }
    const result = coerceScalar(field, input);
    if (result.ok) dossier[field.id] = result.value;
    else errors.push({ path: field.id, message: result.message });
  });
  // A cell that failed to parse is absent from the dossier; the engine would call it missing.
  const coerced = errors.map((e) => e.path);
  for (const e of validateDossier(definition, dossier)) {
    const path = toFieldPath(e.path);
    if (coerced.some((c) => within(path, c) || within(c, path))) continue;
    errors.push({ path, message: engineMessage(e.message, valueAt(dossier, e.path), path) });
  }
  const order = new Map(definition.dossier.fields.map((f, i) => [f.id, i]));
  const rank = (path: string): number => order.get(path.split(/[[.]/)[0]) ?? order.size;
  errors.sort((a, b) => rank(a.path) - rank(b.path));
  return errors.length > 0 ? { rowNumber, errors } : { rowNumber, dossier, errors };
}

/**
 * Parses the "提名 Nominations" sheet of a filled template or an export. File-level problems (not
 * an xlsx, missing sheet, unknown column, too many rows) reject the whole file; cell problems are
 * reported per row. Empty rows are skipped.
 */
export async function parseNominationsWorkbook(
  definition: PipelineDefinition,
  bytes: Buffer,
  options: ParseOptions = {},
): Promise<ParsedWorkbook> {
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const loaded = await loadWorkbook(bytes);
  if (!loaded.ok) return loaded;
  const sheet = findSheet(loaded.value);
  if (!sheet.ok) return sheet;
  const header = readHeader(sheet.value, definition);
  if (!header.ok) return header;
  const columns = header.value;

  const unnamed = findUnnamedData(sheet.value, metaAndDossierColumns(sheet.value, columns));
  if (unnamed) return { ok: false, error: unnamed };

  const filled: { rowNumber: number; cells: (CellInput | undefined)[] }[] = [];
  sheet.value.eachRow((row, rowNumber) => {
    if (rowNumber < FIRST_DATA_ROW) return;
    const cells = readCells(row, columns);
    if (cells.some((c) => c !== undefined)) filled.push({ rowNumber, cells });
  });
  if (filled.length > maxRows) {
    return {
      ok: false,
      error: `文件有 ${filled.length} 行数据，每次最多导入 ${maxRows} 行，请拆分文件。 / The sheet has ${filled.length} filled rows; at most ${maxRows} can be imported at once, so split the file.`,
    };
  }
  return {
    ok: true,
    rows: filled.map((r) => parseRow(definition, columns, r.cells, r.rowNumber)),
  };
}

/** Columns with a row-1 id: dossier columns plus `#` reference columns. */
function metaAndDossierColumns(sheet: Worksheet, columns: readonly DossierColumn[]): Set<number> {
  const named = new Set(columns.map((c) => c.column));
  const header = sheet.getRow(ID_ROW);
  for (let column = 1; column <= header.cellCount; column++) {
    if (headerText(header, column).startsWith(META_PREFIX)) named.add(column);
  }
  return named;
}
