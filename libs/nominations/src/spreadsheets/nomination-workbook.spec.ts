import { Workbook, type CellValue, type DataValidation, type Worksheet } from 'exceljs';
import {
  loadShippedDefinition,
  validateDossier,
  type DossierField,
  type PipelineDefinition,
} from '@craftcert/pipeline';
import {
  INSTRUCTIONS_SHEET,
  NOMINATIONS_SHEET,
  buildExportWorkbook,
  buildTemplateWorkbook,
  parseNominationsWorkbook,
  type ExportRow,
  type ParsedRow,
  type ParsedWorkbook,
} from './index';

const hangzhou = loadShippedDefinition('hangzhou-city-craftsman');

const VALID_DOSSIER = {
  name: '阿卜杜拉·买买提',
  idNumber: '330102199001011234',
  birthDate: '1990-01-01',
  phone: '13800000000',
  employer: '杭州汽轮机股份有限公司',
  district: '上城区',
  industrySection: 'C',
  occupation: '数控车工',
  skillLevel: 'L2',
  employmentCategory: 'worker',
  unionMember: true,
  inService: true,
  frontLine: true,
  skillStartDate: '2010-07-01',
  cityStartDate: '2012-03-15',
  willingToMentor: true,
  contests: [{ name: '浙江省数控技能大赛', level: 'provincial', rank: 2, year: 2022 }],
  narrative: '扎根一线二十年，带徒三十余人。',
};

/** The valid dossier as a government user would type it: labels, 是/yes/1, Excel dates, numbers. */
const VALID_CELLS: Record<string, CellValue> = {
  ...VALID_DOSSIER,
  birthDate: new Date(Date.UTC(1990, 0, 1)),
  phone: 13800000000,
  industrySection: '制造业',
  employmentCategory: '一线职工',
  unionMember: '是',
  inService: true,
  frontLine: 'yes',
  willingToMentor: 1,
  contests: '[{"name":"浙江省数控技能大赛","level":"省级","rank":"2","year":2022}]',
  narrative: '  扎根一线二十年，带徒三十余人。  ',
};

async function loadWorkbook(bytes: Buffer): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

async function toBytes(workbook: Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function nominationsSheet(workbook: Workbook): Worksheet {
  const sheet = workbook.getWorksheet(NOMINATIONS_SHEET);
  if (!sheet) throw new Error('nominations sheet missing');
  return sheet;
}

function rowValues(sheet: Worksheet, rowNumber: number): CellValue[] {
  const values: CellValue[] = [];
  sheet.getRow(rowNumber).eachCell((cell, column) => (values[column - 1] = cell.value));
  return values;
}

function columnOf(sheet: Worksheet, fieldId: string): number {
  const column = rowValues(sheet, 1).indexOf(fieldId) + 1;
  if (column === 0) throw new Error(`no column ${fieldId}`);
  return column;
}

function fillRow(sheet: Worksheet, rowNumber: number, cells: Record<string, CellValue>): void {
  for (const [id, value] of Object.entries(cells)) {
    sheet.getCell(rowNumber, columnOf(sheet, id)).value = value;
  }
}

/** Fills a fresh template with one row per entry (from row 3) and returns the file's bytes. */
async function filledTemplate(
  rows: Record<string, CellValue>[],
  definition: PipelineDefinition = hangzhou,
): Promise<Buffer> {
  const workbook = await loadWorkbook(await buildTemplateWorkbook(definition));
  rows.forEach((cells, i) => fillRow(nominationsSheet(workbook), 3 + i, cells));
  return toBytes(workbook);
}

function parsedRows(result: ParsedWorkbook): ParsedRow[] {
  if (!result.ok) throw new Error(`expected ok, got: ${result.error}`);
  return result.rows;
}

function validations(sheet: Worksheet): Record<string, DataValidation | undefined> {
  // exceljs implements worksheet.dataValidations but leaves it out of its typings.
  return (sheet as unknown as { dataValidations: { model: Record<string, DataValidation> } })
    .dataValidations.model;
}

describe('buildTemplateWorkbook', () => {
  let workbook: Workbook;
  let sheet: Worksheet;
  beforeAll(async () => {
    workbook = await loadWorkbook(await buildTemplateWorkbook(hangzhou));
    sheet = nominationsSheet(workbook);
  });

  it('puts field ids in row 1 and bilingual labels, starred when required, in row 2', () => {
    expect(rowValues(sheet, 1)).toEqual(hangzhou.dossier.fields.map((f) => f.id));
    const labels = rowValues(sheet, 2);
    expect(labels[columnOf(sheet, 'name') - 1]).toBe('姓名 / name *');
    expect(labels[columnOf(sheet, 'uniqueSkill') - 1]).toBe(
      '身怀绝技绝活 / holds a unique skill or method',
    );
    expect(labels[columnOf(sheet, 'contests') - 1]).toBe('技能竞赛成绩 / contest results');
  });

  it('freezes the two header rows', () => {
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  });

  it('offers a dropdown of codes on enum columns for rows 3 to 1002', () => {
    const model = validations(sheet);
    const skill = sheet.getColumn(columnOf(sheet, 'skillLevel')).letter;
    expect(model[`${skill}3`]).toMatchObject({
      type: 'list',
      formulae: ['"apprentice,L5,L4,L3,L2,L1,principal,chief"'],
    });
    expect(model[`${skill}1002`]).toBeDefined();
    expect(model[`${skill}2`]).toBeUndefined();
    expect(model[`${skill}1003`]).toBeUndefined();
    const category = sheet.getColumn(columnOf(sheet, 'employmentCategory')).letter;
    expect(model[`${category}3`]?.formulae).toEqual(['"worker,technician,manager,civilServant"']);
    const industry = sheet.getColumn(columnOf(sheet, 'industrySection')).letter;
    expect(model[`${industry}3`]?.formulae[0]).toContain('"A,B,C,D');
  });

  it('describes every field on the instructions sheet, with codes, limits, PII and a list example', () => {
    const instructions = workbook.getWorksheet(INSTRUCTIONS_SHEET);
    if (!instructions) throw new Error('instructions sheet missing');
    const byId = new Map<string, CellValue[]>();
    instructions.eachRow((row) => {
      const values = rowValues(instructions, row.number);
      if (typeof values[0] === 'string') byId.set(values[0], values);
    });
    for (const field of hangzhou.dossier.fields) expect(byId.has(field.id)).toBe(true);

    const [, zh, en, type, required, limits, , , pii] = byId.get('idNumber') ?? [];
    expect([zh, en, type, required, pii]).toEqual([
      '身份证号',
      'ID number',
      '身份证号 resident ID number (18)',
      '是 yes',
      '是 yes',
    ]);
    expect(limits).toBe('18 位，末位为校验码 18 characters, the last a check character (GB 11643)');
    expect(byId.get('skillLevel')?.[6]).toContain('L2 = 二级/技师 / Level 2 / Technician');

    const contestsShape = String(byId.get('contests')?.[7]);
    expect(contestsShape).toContain('level (竞赛级别 / contest level)');
    const example = JSON.parse(contestsShape.split('Example: ')[1] ?? '');
    expect(validateDossier(hangzhou, { ...VALID_DOSSIER, contests: example })).toEqual([]);
  });

  it('parses back as a workbook with no rows', async () => {
    const result = await parseNominationsWorkbook(hangzhou, await buildTemplateWorkbook(hangzhou));
    expect(result).toEqual({ ok: true, rows: [] });
  });
});

describe('parseNominationsWorkbook on a filled template', () => {
  let rows: ParsedRow[];
  const longNarrative = '事'.repeat(501);
  beforeAll(async () => {
    const bytes = await filledTemplate([
      VALID_CELLS, // row 3
      { ...VALID_CELLS, skillLevel: '高级' }, // row 4
      { ...VALID_CELLS, birthDate: '1990-02-30' }, // row 5
      { ...VALID_CELLS, contests: '[{"name":"市赛","level":"city","rank":"第二","year":2021}]' }, // row 6
      { ...VALID_CELLS, contests: "[{name: '市赛'}]" }, // row 7
      { ...VALID_CELLS, name: null }, // row 8
      { ...VALID_CELLS, narrative: longNarrative }, // row 9
      { name: '   ' }, // row 10: whitespace only, so an empty row
      { ...VALID_CELLS, contests: '[{"name":"市赛","level":"city","rank":0,"year":2021}]' }, // row 11
      { ...VALID_CELLS, unionMember: '也许', inService: '否', employmentCategory: 'farmer' }, // row 12
    ]);
    rows = parsedRows(await parseNominationsWorkbook(hangzhou, bytes));
  });

  const row = (n: number): ParsedRow => {
    const found = rows.find((r) => r.rowNumber === n);
    if (!found) throw new Error(`row ${n} not parsed`);
    return found;
  };

  it('skips empty rows and reports Excel row numbers', () => {
    expect(rows.map((r) => r.rowNumber)).toEqual([3, 4, 5, 6, 7, 8, 9, 11, 12]);
  });

  it('turns a valid row typed with labels, 是/yes/1 and Excel dates into the exact dossier', () => {
    expect(row(3)).toEqual({ rowNumber: 3, dossier: VALID_DOSSIER, errors: [] });
    expect(validateDossier(hangzhou, row(3).dossier)).toEqual([]);
  });

  it('gives no dossier for any row with an error', () => {
    for (const invalid of rows.filter((r) => r.rowNumber !== 3)) {
      expect(invalid.dossier).toBeUndefined();
      expect(invalid.errors.length).toBeGreaterThan(0);
    }
  });

  it('names the allowed codes and the bad value for an unknown enum', () => {
    expect(row(4).errors).toEqual([
      {
        path: 'skillLevel',
        message: expect.stringMatching(
          /^expected one of apprentice, L5, L4, L3, L2, L1, principal, chief .*, got "高级"$/,
        ),
      },
    ]);
  });

  it('rejects a date that does not exist and says the expected format', () => {
    expect(row(5).errors).toEqual([
      {
        path: 'birthDate',
        message:
          'expected a date as YYYY-MM-DD (e.g. 1990-05-01) or an Excel date, got "1990-02-30"',
      },
    ]);
  });

  it('points at the list entry whose number is text', () => {
    expect(row(6).errors).toEqual([
      { path: 'contests[0].rank', message: 'expected a number, got "第二"' },
    ]);
  });

  it('reports invalid list JSON with an example of the expected shape', () => {
    expect(row(7).errors).toHaveLength(1);
    expect(row(7).errors[0]?.path).toBe('contests');
    expect(row(7).errors[0]?.message).toContain('not valid JSON');
    expect(row(7).errors[0]?.message).toContain('[{"name":"竞赛名称","level":"enterprise"');
  });

  it('reports an empty required cell', () => {
    expect(row(8).errors).toEqual([
      { path: 'name', message: 'is required, but the cell is empty' },
    ]);
  });

  it('reports text over the length limit with its length', () => {
    expect(row(9).errors).toEqual([
      { path: 'narrative', message: 'must be at most 500 characters (has 501)' },
    ]);
  });

  it("merges the engine's limits inside list entries and quotes the value", () => {
    expect(row(11).errors).toEqual([
      { path: 'contests[0].rank', message: 'must be at least 1, got 0' },
    ]);
  });

  it('reports every bad cell of a row, in column order', () => {
    expect(row(12).errors.map((e) => e.path)).toEqual(['employmentCategory', 'unionMember']);
    expect(row(12).errors[1]?.message).toBe(
      'expected 是 or 否 (also yes/no, true/false, 1/0), got "也许"',
    );
  });
});

describe('parseNominationsWorkbook cell handling', () => {
  async function parseOne(cells: Record<string, CellValue>): Promise<ParsedRow> {
    const [row] = parsedRows(
      await parseNominationsWorkbook(
        hangzhou,
        await filledTemplate([{ ...VALID_CELLS, ...cells }]),
      ),
    );
    if (!row) throw new Error('no row');
    return row;
  }

  it('keeps formula-like text as plain text', async () => {
    const row = await parseOne({ narrative: "=cmd|' /C calc'!A0", occupation: '+1 车工' });
    expect(row.dossier).toMatchObject({ narrative: "=cmd|' /C calc'!A0", occupation: '+1 车工' });
  });

  it('uses the calculated result of a formula cell and never evaluates it', async () => {
    const row = await parseOne({
      district: { formula: 'CONCAT("上城","区")', result: '上城区' },
      occupation: { formula: "cmd|' /C calc'!A0", result: { error: '#REF!' } },
    });
    expect(row.errors).toEqual([
      // Read as a stream, an error result's own text is not kept; it is still refused, unevaluated.
      {
        path: 'occupation',
        message: expect.stringMatching(/^expected text, got the Excel error /),
      },
    ]);
  });

  it('reduces rich text and hyperlinks to their text', async () => {
    const row = await parseOne({
      name: { richText: [{ text: '王' }, { text: '师傅', font: { bold: true } }] },
      employer: { text: '杭州某厂', hyperlink: 'https://example.com' },
    });
    expect(row.dossier).toMatchObject({ name: '王师傅', employer: '杭州某厂' });
  });

  it('refuses an ID number Excel has already rounded to 15 digits', async () => {
    // What Excel stores for an 18-digit ID typed into a General cell: a rounded double.
    const row = await parseOne({ idNumber: Number('330102199001011234') });
    expect(row.errors).toEqual([
      { path: 'idNumber', message: expect.stringContaining('format the column as Text (文本)') },
    ]);
  });

  it('accepts full-width and 年月日 dates and list values given as labels', async () => {
    const row = await parseOne({ skillStartDate: '２０１０年7月1日', cityStartDate: '2012/3/15' });
    expect(row.dossier).toMatchObject({
      skillStartDate: '2010-07-01',
      cityStartDate: '2012-03-15',
    });
  });

  it('explains list cells that are not an array of known objects', async () => {
    const errorsOf = async (contests: string): Promise<ParsedRow['errors']> =>
      (await parseOne({ contests })).errors;
    expect(await errorsOf('{"name":"市赛"}')).toEqual([
      {
        path: 'contests',
        message: expect.stringMatching(/^expected a JSON array .*, got an object$/),
      },
    ]);
    expect(await errorsOf('[null, 3]')).toEqual([
      {
        path: 'contests[0]',
        message: 'expected an object with keys name, level, rank, year, got null',
      },
      {
        path: 'contests[1]',
        message: 'expected an object with keys name, level, rank, year, got 3',
      },
    ]);
    expect(
      await errorsOf('[{"name":"市赛","level":"city","rank":1,"year":2021,"prize":"金奖"}]'),
    ).toEqual([
      {
        path: 'contests[0].prize',
        message: 'unknown key "prize"; expected keys name, level, rank, year',
      },
    ]);
    expect(await errorsOf('[{"name":"市赛","level":"city","rank":1}]')).toEqual([
      { path: 'contests[0].year', message: 'is required in every entry of the list' },
    ]);
  });

  it('accepts list JSON typed with curly quotes by an input method', async () => {
    const row = await parseOne({
      contests: '[{“name”:“市赛”,“level”:“city”,“rank”:1,“year”:2021}]',
    });
    expect(row.dossier?.contests).toEqual([{ name: '市赛', level: 'city', rank: 1, year: 2021 }]);
  });

  it('reports a text value in a number column', async () => {
    const yearsField: DossierField = {
      id: 'yearsInTrade',
      type: 'number',
      integer: true,
      min: 0,
      label: { zh: '从业年限', en: 'years in the trade' },
    };
    const definition = {
      ...hangzhou,
      dossier: { ...hangzhou.dossier, fields: [...hangzhou.dossier.fields, yearsField] },
    };
    const bytes = await filledTemplate(
      [
        { ...VALID_CELLS, yearsInTrade: '十二' },
        { ...VALID_CELLS, yearsInTrade: '12' },
      ],
      definition,
    );
    const [bad, good] = parsedRows(await parseNominationsWorkbook(definition, bytes));
    expect(bad?.errors).toEqual([
      { path: 'yearsInTrade', message: 'expected a number, got "十二"' },
    ]);
    expect(good?.dossier).toEqual({ ...VALID_DOSSIER, yearsInTrade: 12 });
  });
});

describe('enum dropdowns longer than Excel allows inline', () => {
  const trades: DossierField = {
    id: 'trade',
    type: 'enum',
    label: { zh: '工种', en: 'trade' },
    values: Array.from({ length: 40 }, (_, i) => ({
      code: `trade-code-${i}`,
      label: { zh: `工种${i}`, en: `trade ${i}` },
    })),
  };
  const definition = {
    ...hangzhou,
    dossier: { ...hangzhou.dossier, fields: [...hangzhou.dossier.fields, trades] },
  };

  it('point at a hidden codes sheet, and the file still imports', async () => {
    const bytes = await filledTemplate([{ ...VALID_CELLS, trade: '工种7' }], definition);
    const workbook = await loadWorkbook(bytes);
    const sheet = nominationsSheet(workbook);
    const letter = sheet.getColumn(columnOf(sheet, 'trade')).letter;
    expect(validations(sheet)[`${letter}3`]?.formulae).toEqual(["'代码 Codes'!$A$1:$A$40"]);
    expect(workbook.getWorksheet('代码 Codes')?.state).toBe('hidden');
    const [row] = parsedRows(await parseNominationsWorkbook(definition, bytes));
    expect(row?.dossier).toEqual({ ...VALID_DOSSIER, trade: 'trade-code-7' });
  });
});

describe('export → edit → import round trip', () => {
  const first = {
    ...VALID_DOSSIER,
    narrative: "=cmd|' /C calc'!A0",
    employer: "O'Brien & 儿子 🛠️ 工作室",
  };
  const second = {
    ...VALID_DOSSIER,
    name: "Seán O'Brien 👷",
    phone: '+8613800000000',
    uniqueSkill: false,
    contests: [],
    innovations: [{ title: '=HYPERLINK("x")', major: false, year: 2021 }],
    narrative: "'=already quoted",
  };
  const exportRows: ExportRow[] = [
    {
      meta: {
        nominationId: 'n-1',
        status: 'submitted',
        organisation: '=evil()',
        channel: 'unit',
        eligible: true,
        submittedAt: '2025-03-01T08:00:00Z',
      },
      dossier: first,
    },
    {
      meta: {
        nominationId: 'n-2',
        status: 'draft',
        organisation: '杭州某厂',
        channel: 'unit',
        eligible: null,
        submittedAt: null,
      },
      dossier: second,
    },
  ];

  it('writes #-prefixed meta columns before the dossier and quotes formula-like text', async () => {
    const sheet = nominationsSheet(
      await loadWorkbook(await buildExportWorkbook(hangzhou, exportRows)),
    );
    expect(rowValues(sheet, 1).slice(0, 7)).toEqual([
      '#nominationId',
      '#status',
      '#organisation',
      '#channel',
      '#eligible',
      '#submittedAt',
      'name',
    ]);
    const row3 = rowValues(sheet, 3);
    expect(row3.slice(0, 5)).toEqual(['n-1', 'submitted', "'=evil()", 'unit', '是']);
    expect(row3[columnOf(sheet, 'narrative') - 1]).toBe("'=cmd|' /C calc'!A0");
    expect(row3[columnOf(sheet, 'unionMember') - 1]).toBe('是');
    expect(row3[columnOf(sheet, 'contests') - 1]).toBe(JSON.stringify(first.contests));
  });

  it('re-imports an edited export unchanged except for the edited cell, ignoring meta columns', async () => {
    const workbook = await loadWorkbook(await buildExportWorkbook(hangzhou, exportRows));
    const sheet = nominationsSheet(workbook);
    sheet.getCell(3, columnOf(sheet, 'skillLevel')).value = 'L1';
    const rows = parsedRows(await parseNominationsWorkbook(hangzhou, await toBytes(workbook)));
    expect(rows).toEqual([
      { rowNumber: 3, dossier: { ...first, skillLevel: 'L1' }, errors: [] },
      { rowNumber: 4, dossier: second, errors: [] },
    ]);
  });
});

describe('parseNominationsWorkbook rejects unusable files', () => {
  it('rejects bytes that are not an xlsx workbook', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    for (const bytes of [Buffer.from('name,skillLevel\n张三,L2\n'), png, Buffer.alloc(0)]) {
      const result = await parseNominationsWorkbook(hangzhou, bytes);
      expect(result).toEqual({
        ok: false,
        error: expect.stringContaining('not a readable Excel .xlsx'),
      });
    }
  });

  it('rejects a workbook without the nominations sheet, naming the sheets it has', async () => {
    const workbook = new Workbook();
    workbook.addWorksheet('Sheet1');
    const result = await parseNominationsWorkbook(hangzhou, await toBytes(workbook));
    expect(result).toEqual({ ok: false, error: expect.stringContaining('sheets found: "Sheet1"') });
  });

  it('rejects an unknown column id and names it', async () => {
    const workbook = await loadWorkbook(await buildTemplateWorkbook(hangzhou));
    const sheet = nominationsSheet(workbook);
    sheet.getCell(1, hangzhou.dossier.fields.length + 1).value = 'nickname';
    const result = await parseNominationsWorkbook(hangzhou, await toBytes(workbook));
    expect(result).toEqual({
      ok: false,
      error: expect.stringContaining('Unknown column "nickname" in row 1 (column V)'),
    });
  });

  it('rejects data in a column without a field id', async () => {
    const workbook = await loadWorkbook(await filledTemplate([VALID_CELLS]));
    nominationsSheet(workbook).getCell('Z3').value = 'note';
    const result = await parseNominationsWorkbook(hangzhou, await toBytes(workbook));
    expect(result).toEqual({ ok: false, error: expect.stringContaining('Cell Z3 holds data') });
  });

  it('rejects more filled rows than maxRows', async () => {
    const bytes = await filledTemplate([VALID_CELLS, VALID_CELLS, VALID_CELLS]);
    const result = await parseNominationsWorkbook(hangzhou, bytes, { maxRows: 2 });
    expect(result).toEqual({
      ok: false,
      limit: 'rows',
      error: expect.stringContaining('rows: at most 2 filled rows can be imported at once (row 5'),
    });
    expect(
      parsedRows(await parseNominationsWorkbook(hangzhou, bytes, { maxRows: 3 })),
    ).toHaveLength(3);
  });
});
