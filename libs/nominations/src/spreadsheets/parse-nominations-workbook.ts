// Reads a filled template or an edited export back into typed dossiers. Each row is coerced cell
// by cell, then checked by the engine's validateDossier; a row with any error carries no dossier,
// so nothing half-parsed can be saved by mistake. The file is read as a stream, its limits
// (rows, cells, unpacked size) checked as it goes, so an oversized file stops at the first excess.
import { Readable } from 'node:stream';
import type { Row } from 'exceljs';
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
  DEFAULT_MAX_CELLS,
  DEFAULT_MAX_ROWS,
  DEFAULT_MAX_UNZIPPED_BYTES,
  FIRST_DATA_ROW,
  ID_ROW,
  META_PREFIX,
  NOMINATIONS_SHEET,
} from './workbook-layout';
import { repackForStreaming } from './xlsx-parts';

export interface ParsedRow {
  /** The Excel row number, as the user sees it. */
  rowNumber: number;
  /** Present only when the row has no errors. */
  dossier?: Record<string, unknown>;
  /** `path` is `<fieldId>` or `<fieldId>[i].<itemField>`. */
  errors: FieldError[];
}

export interface ParseOptions {
  /** Filled data rows accepted in one file; default 1000. Reading stops at the first one over. */
  maxRows?: number;
  /** Cells read from the nominations sheet (each row counts at least one); default 100,000. */
  maxCells?: number;
  /** What the workbook's parts may claim to unpack to; default 100 MiB. */
  maxUnzippedBytes?: number;
}

/** The limits a file can exceed; a refusal for one of them names it. */
export type WorkbookLimit = 'rows' | 'cells' | 'unzipped';

export type ParsedWorkbook =
  { ok: true; rows: ParsedRow[] } | { ok: false; error: string; limit?: WorkbookLimit };

interface DossierColumn {
  column: number;
  field: DossierField;
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

const NOT_XLSX: ParsedWorkbook = {
  ok: false,
  error:
    '文件不是可读取的 Excel .xlsx 工作簿，请另存为 .xlsx 后重新上传。 / The file is not a readable Excel .xlsx workbook (.xls, .csv and other formats are not accepted); save it as .xlsx and upload it again.',
};

function missingSheet(names: readonly string[]): ParsedWorkbook {
  const found = names.map((name) => `"${name}"`).join(', ') || 'none';
  return {
    ok: false,
    error: `找不到工作表「${NOMINATIONS_SHEET}」。 / The workbook has no sheet named "${NOMINATIONS_SHEET}" (sheets found: ${found}); start from the template downloaded for this programme.`,
  };
}

/** `1` → `A`, `27` → `AA`: the column letters users see. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

function headerText(row: Row, column: number): string {
  const input = reduceCell(row.getCell(column).value);
  if (typeof input === 'string') return input.trim();
  return typeof input === 'number' ? String(input) : '';
}

/** Maps row-1 ids to dossier fields; `#` columns are skipped, anything unknown rejects the file. */
function readHeader(
  header: Row | undefined,
  definition: PipelineDefinition,
): Outcome<DossierColumn[]> {
  const fields = new Map(definition.dossier.fields.map((f) => [f.id, f]));
  const columns: DossierColumn[] = [];
  const width = header?.cellCount ?? 0;
  for (let column = 1; column <= width; column++) {
    const id = headerText(header!, column);
    if (id === '' || id.startsWith(META_PREFIX)) continue;
    const field = fields.get(id);
    const letter = columnLetter(column);
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

/** Columns with a row-1 id: dossier columns plus `#` reference columns. */
function namedColumns(header: Row | undefined, columns: readonly DossierColumn[]): Set<number> {
  const named = new Set(columns.map((c) => c.column));
  const width = header?.cellCount ?? 0;
  for (let column = 1; column <= width; column++) {
    if (headerText(header!, column).startsWith(META_PREFIX)) named.add(column);
  }
  return named;
}

/** The reduced values of the dossier columns of one row, in column order. */
function readCells(row: Row, columns: readonly DossierColumn[]): (CellInput | undefined)[] {
  return columns.map((c) => reduceCell(row.getCell(c.column).value));
}

/** Any value in a column without a row-1 id would be silently dropped, so refuse the file. */
function findUnnamedData(row: Row, named: ReadonlySet<number>): string | undefined {
  let problem: string | undefined;
  row.eachCell((cell, column) => {
    if (problem || named.has(column) || reduceCell(cell.value) === undefined) return;
    problem = `Cell ${columnLetter(column)}${row.number} holds data but its column has no field id in row 1; fill in the id or clear the column.`;
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

interface SheetLimits {
  maxRows: number;
  maxCells: number;
}

/**
 * Reads the nominations sheet row by row as it is unpacked and stops at the first row or cell
 * over a limit, so an oversized file costs no more than the limits allow.
 */
async function readNominationsSheet(
  sheet: AsyncIterable<Row>,
  definition: PipelineDefinition,
  limits: SheetLimits,
): Promise<ParsedWorkbook> {
  let header: Row | undefined;
  let columns: DossierColumn[] | undefined;
  let named = new Set<number>();
  let cellCount = 0;
  const filled: { rowNumber: number; cells: (CellInput | undefined)[] }[] = [];
  const startData = (): Outcome<DossierColumn[]> => {
    const read = readHeader(header, definition);
    if (read.ok) named = namedColumns(header, read.value);
    return read;
  };
  for await (const row of sheet) {
    cellCount += Math.max(1, row.actualCellCount);
    if (cellCount > limits.maxCells) {
      return {
        ok: false,
        limit: 'cells',
        error: `cells: at most ${limits.maxCells} cells are read from one file (row ${row.number} goes past it); split the file. / 单个文件最多读取 ${limits.maxCells} 个单元格，请拆分文件。`,
      };
    }
    if (row.number === ID_ROW) header = row;
    if (row.number < FIRST_DATA_ROW) continue;
    if (!columns) {
      const read = startData();
      if (!read.ok) return read;
      columns = read.value;
    }
    const unnamed = findUnnamedData(row, named);
    if (unnamed) return { ok: false, error: unnamed };
    const cells = readCells(row, columns);
    if (!cells.some((c) => c !== undefined)) continue;
    filled.push({ rowNumber: row.number, cells });
    if (filled.length > limits.maxRows) {
      return {
        ok: false,
        limit: 'rows',
        error: `rows: at most ${limits.maxRows} filled rows can be imported at once (row ${row.number} is one more); split the file. / 每次最多导入 ${limits.maxRows} 行数据，请拆分文件。`,
      };
    }
  }
  const read = columns ? { ok: true as const, value: columns } : startData();
  if (!read.ok) return read;
  return {
    ok: true,
    rows: filled.map((r) => parseRow(definition, read.value, r.cells, r.rowNumber)),
  };
}

/**
 * Parses the "提名 Nominations" sheet of a filled template or an export. File-level problems (not
 * an xlsx, missing sheet, unknown column, a limit passed) reject the whole file; cell problems are
 * reported per row. Empty rows are skipped.
 */
export async function parseNominationsWorkbook(
  definition: PipelineDefinition,
  bytes: Buffer,
  options: ParseOptions = {},
): Promise<ParsedWorkbook> {
  const maxUnzippedBytes = options.maxUnzippedBytes ?? DEFAULT_MAX_UNZIPPED_BYTES;
  const repacked = repackForStreaming(bytes, maxUnzippedBytes);
  if (!repacked.ok && repacked.problem === 'unzipped') {
    return {
      ok: false,
      limit: 'unzipped',
      error: `unzipped: at most ${maxUnzippedBytes} bytes are unpacked from one file, and this workbook claims ${repacked.unzippedBytes}. / 工作簿解压后不得超过 ${maxUnzippedBytes} 字节。`,
    };
  }
  if (!repacked.ok) return NOT_XLSX;
  const limits = {
    maxRows: options.maxRows ?? DEFAULT_MAX_ROWS,
    maxCells: options.maxCells ?? DEFAULT_MAX_CELLS,
  };
  // Loaded on first use, like in write-nominations-workbook.ts.
  const { stream } = await import('exceljs');
  const reader = new stream.xlsx.WorkbookReader(Readable.from([repacked.bytes]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell dates from numbers.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const names: string[] = [];
  try {
    for await (const sheet of reader) {
      // exceljs's typings omit a streamed sheet's name (read from the workbook part before it).
      const name = (sheet as unknown as { name?: string }).name ?? '';
      if (name === NOMINATIONS_SHEET) {
        return await readNominationsSheet(sheet as AsyncIterable<Row>, definition, limits);
      }
      names.push(name);
    }
  } catch {
    return NOT_XLSX;
  }
  return missingSheet(names);
}
