// Writes the nominations sheet (template or export) in the shared column layout, followed by the
// instructions sheet. Export columns keep the dossier ids in row 1 so the file can be re-imported.
import type { CellValue, DataValidation, Workbook, Worksheet } from 'exceljs';
import type { DossierField, PipelineDefinition } from '@craftcert/pipeline';
import { addInstructionsSheet } from './instructions-sheet';
import {
  CODES_SHEET,
  DEFAULT_MAX_ROWS,
  FALSE_TEXT,
  FIRST_DATA_ROW,
  ID_ROW,
  INSTRUCTIONS_SHEET,
  LABEL_ROW,
  MAX_CELL_CHARS,
  META_PREFIX,
  NOMINATIONS_SHEET,
  TRUE_TEXT,
  enumOptions,
  headerLabel,
  isoDateOf,
  neutraliseFormula,
} from './workbook-layout';

export type MetaValue = string | number | boolean | null;

export interface ExportRow {
  /** Informational columns (nominationId, status…), written before the dossier and ignored on import. */
  meta: Record<string, MetaValue>;
  /** Dossier values, already masked by the caller where the reader may not see them. */
  dossier: Record<string, unknown>;
}

export interface ExportOptions {
  /** Row-2 labels of meta columns, e.g. `{ status: '状态 / status' }`; the key is used otherwise. */
  metaLabels?: Record<string, string>;
}

/** exceljs implements worksheet.dataValidations but its typings omit it. */
interface WithDataValidations {
  dataValidations: { add(range: string, validation: DataValidation): void };
}

// Excel rejects an inline dropdown list longer than 255 characters; longer lists point at a
// hidden sheet instead.
const INLINE_LIST_LIMIT = 255;

interface SheetContext {
  workbook: Workbook;
  sheet: Worksheet;
  /** Rows the dropdowns cover: the template's blank rows, or at least every exported row. */
  lastRow: number;
  codesColumns: number;
}

function listFormula(context: SheetContext, values: string[]): string {
  const inline = `"${values.join(',')}"`;
  if (inline.length <= INLINE_LIST_LIMIT && !values.some((v) => /[,"]/.test(v))) return inline;
  const codes =
    context.workbook.getWorksheet(CODES_SHEET) ??
    context.workbook.addWorksheet(CODES_SHEET, { state: 'hidden' });
  const column = codes.getColumn(++context.codesColumns);
  values.forEach((value, i) => (codes.getCell(i + 1, column.number).value = value));
  return `'${CODES_SHEET}'!$${column.letter}$1:$${column.letter}$${values.length}`;
}

function addDropdown(context: SheetContext, columnNumber: number, values: string[]): void {
  const letter = context.sheet.getColumn(columnNumber).letter;
  (context.sheet as unknown as WithDataValidations).dataValidations.add(
    `${letter}${FIRST_DATA_ROW}:${letter}${context.lastRow}`,
    {
      type: 'list',
      allowBlank: true,
      formulae: [listFormula(context, values)],
      // A warning, not a stop: the import also accepts labels and yes/no spellings.
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: '不在列表中 / Not in the list',
      error: `请从下拉列表选择，或参见「${INSTRUCTIONS_SHEET}」。 / Pick from the list, or see ${INSTRUCTIONS_SHEET}.`,
    },
  );
}

function formatDossierColumn(
  context: SheetContext,
  field: DossierField,
  columnNumber: number,
): void {
  const column = context.sheet.getColumn(columnNumber);
  column.width =
    field.type === 'list' ? 50 : Math.min(40, Math.max(12, headerLabel(field).length + 4));
  // Text format stops Excel from turning ID and phone numbers into rounded numbers.
  if (field.type === 'text' || field.type === 'idNumber' || field.type === 'list')
    column.numFmt = '@';
  if (field.type === 'date') column.numFmt = 'yyyy-mm-dd';
  if (field.type === 'enum')
    addDropdown(
      context,
      columnNumber,
      enumOptions(field).map((o) => o.code),
    );
  if (field.type === 'boolean') addDropdown(context, columnNumber, [TRUE_TEXT, FALSE_TEXT]);
}

function writeRow(sheet: Worksheet, rowNumber: number, values: readonly CellValue[]): void {
  values.forEach((value, i) => (sheet.getCell(rowNumber, i + 1).value = value));
}

function addNominationsSheet(
  workbook: Workbook,
  definition: PipelineDefinition,
  meta: { keys: string[]; labels: Record<string, string> },
  lastRow: number,
): Worksheet {
  const sheet = workbook.addWorksheet(NOMINATIONS_SHEET, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: LABEL_ROW }],
  });
  const fields = definition.dossier.fields;
  writeRow(sheet, ID_ROW, [
    ...meta.keys.map((key) => `${META_PREFIX}${key}`),
    ...fields.map((f) => f.id),
  ]);
  writeRow(sheet, LABEL_ROW, [
    ...meta.keys.map((key) => meta.labels[key] ?? key),
    ...fields.map(headerLabel),
  ]);
  sheet.getRow(ID_ROW).font = { color: { argb: 'FF808080' } };
  sheet.getRow(LABEL_ROW).font = { bold: true };
  const context: SheetContext = { workbook, sheet, lastRow, codesColumns: 0 };
  meta.keys.forEach((_, i) => (sheet.getColumn(i + 1).width = 16));
  fields.forEach((field, i) => formatDossierColumn(context, field, meta.keys.length + i + 1));
  return sheet;
}

async function toBuffer(workbook: Workbook): Promise<Buffer> {
  // exceljs types its result as its own Buffer shim; at run time it is a Node Buffer already.
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// exceljs is loaded on first use: it is a large module (about 8 % of the server's start-up
// CPU) that only the spreadsheet routes need.
async function newWorkbook(): Promise<Workbook> {
  const { Workbook } = await import('exceljs');
  const workbook = new Workbook();
  workbook.creator = 'craftcert';
  return workbook;
}

/** A blank nominations workbook for the definition: headers, dropdowns and instructions. */
export async function buildTemplateWorkbook(definition: PipelineDefinition): Promise<Buffer> {
  const workbook = await newWorkbook();
  const lastRow = FIRST_DATA_ROW + DEFAULT_MAX_ROWS - 1;
  addNominationsSheet(workbook, definition, { keys: [], labels: {} }, lastRow);
  addInstructionsSheet(workbook, definition);
  return toBuffer(workbook);
}

function checkedText(text: string): string {
  if (Array.from(text).length > MAX_CELL_CHARS) {
    throw new RangeError(
      `a cell value of ${text.length} characters exceeds Excel's ${MAX_CELL_CHARS}-character limit`,
    );
  }
  return text;
}

/** A dossier or meta value as written: dates as text, booleans as 是/否, lists as JSON text. */
export function exportCellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? TRUE_TEXT : FALSE_TEXT;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return checkedText(neutraliseFormula(value));
  if (value instanceof Date) return isoDateOf(value);
  // Lists (and any other structured value) go out as one JSON cell, which starts with [ or {.
  return checkedText(JSON.stringify(value));
}

/**
 * Nominations with meta columns (keys and order from the first row's meta, ids prefixed `#`)
 * followed by the dossier columns; re-importable with parseNominationsWorkbook.
 */
export async function buildExportWorkbook(
  definition: PipelineDefinition,
  rows: readonly ExportRow[],
  options: ExportOptions = {},
): Promise<Buffer> {
  const workbook = await newWorkbook();
  const metaKeys = Object.keys(rows[0]?.meta ?? {});
  const lastRow = FIRST_DATA_ROW + Math.max(DEFAULT_MAX_ROWS, rows.length) - 1;
  const sheet = addNominationsSheet(
    workbook,
    definition,
    { keys: metaKeys, labels: options.metaLabels ?? {} },
    lastRow,
  );
  const fields = definition.dossier.fields;
  rows.forEach((row, i) => {
    writeRow(sheet, FIRST_DATA_ROW + i, [
      ...metaKeys.map((key) => exportCellValue(row.meta[key])),
      ...fields.map((f) => exportCellValue(row.dossier[f.id])),
    ]);
  });
  addInstructionsSheet(workbook, definition);
  return toBuffer(workbook);
}
