// Spreadsheet import and export of nominations, over one column layout derived from a
// definition's dossier schema. Pure functions over bytes: no Nest, no persistence.
export {
  buildTemplateWorkbook,
  buildExportWorkbook,
  exportCellValue,
  type ExportRow,
  type ExportOptions,
  type MetaValue,
} from './write-nominations-workbook';
export {
  parseNominationsWorkbook,
  toFieldPath,
  type ParsedRow,
  type ParsedWorkbook,
  type ParseOptions,
} from './parse-nominations-workbook';
export type { FieldError } from './cell-values';
export {
  NOMINATIONS_SHEET,
  INSTRUCTIONS_SHEET,
  META_PREFIX,
  FIRST_DATA_ROW,
  DEFAULT_MAX_ROWS,
} from './workbook-layout';
