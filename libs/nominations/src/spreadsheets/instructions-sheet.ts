// The "说明 Instructions" sheet: how to fill the nominations sheet, and one row per dossier field
// with its type, limits, codes and list-entry shape, so nobody has to read the definition YAML.
import type { Workbook, Worksheet } from 'exceljs';
import type { DossierField, PipelineDefinition, ScalarField } from '@craftcert/pipeline';
import {
  DEFAULT_MAX_ROWS,
  FALSE_TEXT,
  FIRST_DATA_ROW,
  INSTRUCTIONS_SHEET,
  META_PREFIX,
  NOMINATIONS_SHEET,
  TRUE_TEXT,
  bilingual,
  enumOptions,
  listExample,
} from './workbook-layout';

export const INSTRUCTION_COLUMNS = [
  '字段代码 field id',
  '中文名称 label (zh)',
  'English label',
  '类型 type',
  '必填 required',
  '限制 limits',
  '可选值 allowed values',
  '列表项格式 list entry shape',
  '个人信息 PII',
] as const;

const NOTES = [
  `在「${NOMINATIONS_SHEET}」表中每行填写一名候选人，从第 ${FIRST_DATA_ROW} 行开始；请勿修改第 1 行（字段代码）。 / One candidate per row, from row ${FIRST_DATA_ROW}; do not change row 1 (field ids).`,
  '第 2 行标有 * 的列为必填。 / Columns marked * in row 2 are required.',
  '日期：填写 YYYY-MM-DD 文本（如 1990-05-01）或 Excel 日期。 / Dates: YYYY-MM-DD text (e.g. 1990-05-01) or an Excel date.',
  `是/否：填写 ${TRUE_TEXT} 或 ${FALSE_TEXT}（也可用 yes/no、true/false、1/0）。 / Yes/no columns: ${TRUE_TEXT} or ${FALSE_TEXT} (yes/no, true/false, 1/0 also work).`,
  '代码列：从下拉列表选择代码，也可填写下表中的中文或英文名称。 / Coded columns: pick a code from the dropdown, or type its Chinese or English label listed below.',
  '列表列：在一个单元格中填写 JSON 数组，每项一个对象，格式与示例见下表；没有则留空。 / List columns: one cell holding a JSON array with one object per entry (shape and example below); leave empty when there are none.',
  '身份证号等长数字请按文本填写（单元格格式设为“文本”），否则 Excel 会舍入为 15 位。 / Type long numbers such as ID numbers as text (cell format Text), or Excel rounds them to 15 digits.',
  `第 1 行以 ${META_PREFIX} 开头的列（导出的编号、状态等）仅供参考，导入时忽略。 / Columns whose row-1 id starts with ${META_PREFIX} (exported ids, statuses…) are for reference and ignored on import.`,
  `每个文件最多导入 ${DEFAULT_MAX_ROWS} 行。 / At most ${DEFAULT_MAX_ROWS} rows per file.`,
];

function typeText(field: DossierField): string {
  switch (field.type) {
    case 'text':
      return '文本 text';
    case 'idNumber':
      return '身份证号 resident ID number (18)';
    case 'number':
      return field.integer ? '整数 whole number' : '数字 number';
    case 'date':
      return '日期 date (YYYY-MM-DD)';
    case 'boolean':
      return `是/否 yes/no (${TRUE_TEXT}/${FALSE_TEXT})`;
    case 'enum':
      return '代码 code';
    case 'list':
      return '列表 list (JSON)';
  }
}

function limitsText(field: DossierField): string {
  const parts: string[] = [];
  const add = (condition: unknown, text: string): void => void (condition && parts.push(text));
  switch (field.type) {
    case 'text':
      add(field.minLength !== undefined, `≥ ${field.minLength} 字符 characters`);
      add(field.maxLength !== undefined, `≤ ${field.maxLength} 字符 characters`);
      break;
    case 'idNumber':
      add(true, '18 位，末位为校验码 18 characters, the last a check character (GB 11643)');
      break;
    case 'number':
      add(field.min !== undefined, `≥ ${field.min}`);
      add(field.max !== undefined, `≤ ${field.max}`);
      break;
    case 'list':
      add(
        field.minItems !== undefined,
        `至少 ${field.minItems} 项 at least ${field.minItems} entries`,
      );
      add(
        field.maxItems !== undefined,
        `至多 ${field.maxItems} 项 at most ${field.maxItems} entries`,
      );
      break;
    default:
      break;
  }
  return parts.join('; ');
}

function allowedValuesText(field: DossierField): string {
  if (field.type === 'boolean') return `${TRUE_TEXT} / ${FALSE_TEXT}`;
  if (field.type !== 'enum') return '';
  return enumOptions(field)
    .map((o) => `${o.code} = ${bilingual(o.label)}`)
    .join('\n');
}

function itemLine(item: ScalarField): string {
  const details = [typeText(item), item.required ? '必填 required' : '', limitsText(item)];
  const codes =
    item.type === 'enum'
      ? `: ${enumOptions(item)
          .map((o) => o.code)
          .join(' | ')}`
      : '';
  return `${item.id} (${bilingual(item.label)}): ${details.filter(Boolean).join(', ')}${codes}`;
}

function listShapeText(field: DossierField): string {
  if (field.type !== 'list') return '';
  return [...field.items.map(itemLine), `示例 Example: ${listExample(field.items)}`].join('\n');
}

function fieldRow(field: DossierField): string[] {
  return [
    field.id,
    field.label.zh,
    field.label.en,
    typeText(field),
    field.required ? '是 yes' : '',
    limitsText(field),
    allowedValuesText(field),
    listShapeText(field),
    field.pii ? '是 yes' : '',
  ];
}

export function addInstructionsSheet(
  workbook: Workbook,
  definition: PipelineDefinition,
): Worksheet {
  const sheet = workbook.addWorksheet(INSTRUCTIONS_SHEET);
  const { programme, version } = definition;
  sheet.addRow([
    `${programme.name.zh} 提名表填写说明 / ${programme.name.en}: how to fill the nomination sheet (definition ${programme.code} v${version})`,
  ]).font = { bold: true, size: 13 };
  for (const note of NOTES) sheet.addRow([note]);
  sheet.addRow([]);
  sheet.addRow([...INSTRUCTION_COLUMNS]).font = { bold: true };
  for (const field of definition.dossier.fields) sheet.addRow(fieldRow(field));
  const widths = [18, 20, 26, 20, 10, 26, 40, 70, 10];
  widths.forEach((width, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = width;
    column.alignment = { wrapText: i > 0, vertical: 'top' };
  });
  return sheet;
}
