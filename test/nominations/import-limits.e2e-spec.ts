import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { ParsePool } from '@craftcert/platform';
import {
  Cast,
  createCast,
  hangzhouDossier,
  openEdition,
  residentIdNumber,
  startTestApp,
  TestApp,
} from '@craftcert/testing';

interface ErrorBody {
  code: string;
  message: string;
  errors?: { path: string; message: string }[];
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_ROWS = 150;
const MAX_BYTES = 4 * 1024 * 1024;
const idNumber = (i: number) => residentIdNumber(i);

/** A dossier value as a person would type it into a cell. */
function cellValue(value: unknown): ExcelJS.CellValue {
  if (Array.isArray(value)) return JSON.stringify(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  return value as ExcelJS.CellValue;
}

/**
 * Spreadsheet imports on a real server (listening on a port, requests over HTTP): the file is
 * read off the event loop within its limits, and a file over one is refused before anything is
 * written. Definitions are read under their nesting and alias limits.
 */
describe('import limits', () => {
  let t: TestApp;
  let cast: Cast;
  let db: DataSource;
  let base: string;
  let editionId: string;
  let template: Buffer;

  beforeAll(async () => {
    t = await startTestApp({
      extra: {
        IMPORT_MAX_ROWS: String(MAX_ROWS),
        IMPORT_MAX_BYTES: String(MAX_BYTES),
        DEFINITION_MAX_CHARS: '20000',
      },
    });
    await t.app.listen(0, '127.0.0.1');
    base = await t.app.getUrl();
    cast = await createCast(t);
    db = t.app.get(DataSource);
    ({ editionId } = await openEdition(t));
    const res = await http('GET', `/api/editions/${editionId}/nominations/template.xlsx`);
    template = Buffer.from(await res.arrayBuffer());
  });
  afterAll(() => t.close());

  function http(method: string, path: string, body?: Buffer | string, contentType?: string) {
    return fetch(`${base}${path}`, {
      method,
      body,
      headers: {
        authorization: `Bearer ${cast.staff.unitNominator.token}`,
        ...(contentType ? { 'content-type': contentType } : {}),
      },
    });
  }

  /** `rows` filled rows, each padded with incompressible reference (#) columns to grow the file. */
  async function workbook(rows: number, paddingBytes: number): Promise<Buffer> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('提名 Nominations')!;
    const ids = (sheet.getRow(1).values as unknown[]).map((v) =>
      v === undefined ? '' : String(v),
    );
    const padColumns = 8;
    const first = ids.length;
    for (let p = 0; p < padColumns; p++) sheet.getCell(1, first + p).value = `#pad${p}`;
    const padding = Math.ceil(paddingBytes / rows / padColumns);
    for (let i = 0; i < rows; i++) {
      const row = sheet.getRow(3 + i);
      const dossier = hangzhouDossier({ idNumber: idNumber(i), name: `候选人${i}` });
      for (const [id, value] of Object.entries(dossier)) {
        row.getCell(ids.indexOf(id)).value = cellValue(value);
      }
      for (let p = 0; p < padColumns; p++) {
        row.getCell(first + p).value = randomBytes(padding).toString('base64').slice(0, padding);
      }
    }
    return Buffer.from(await book.xlsx.writeBuffer());
  }

  /**
   * Sends the file while polling /health; counts the health answers that came back meanwhile,
   * and those asked and answered while a parse thread was reading the file.
   */
  async function importWhilePollingHealth(file: Buffer) {
    const pool = t.app.get(ParsePool);
    const state = { settled: false };
    let answeredDuringImport = 0;
    let answeredWhileParsing = 0;
    const importing = http(
      'POST',
      `/api/editions/${editionId}/nominations/import?channelId=unit-nomination`,
      file,
      XLSX,
    ).then(async (res) => {
      const body = await res.text();
      state.settled = true;
      return { status: res.status, body };
    });
    const polling = (async () => {
      while (!state.settled) {
        const parsingBefore = pool.busy > 0;
        const health = await fetch(`${base}/health`);
        await health.arrayBuffer();
        if (!state.settled && health.status === 200) answeredDuringImport++;
        if (parsingBefore && pool.busy > 0 && health.status === 200) answeredWhileParsing++;
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const [result] = await Promise.all([importing, polling]);
    return { ...result, answeredDuringImport, answeredWhileParsing };
  }

  const nominationCount = async () =>
    (
      await db.query('SELECT count(*)::int AS n FROM nomination WHERE edition_id = $1', [editionId])
    )[0].n as number;

  // Generous limits for a busy machine: each import writes and reads megabytes.
  const SLOW = 240_000;

  it(
    'imports a file at the row limit while /health keeps answering',
    async () => {
      const file = await workbook(MAX_ROWS, 3.2 * 1024 * 1024);
      expect(file.length).toBeGreaterThan(2 * 1024 * 1024);
      expect(file.length).toBeLessThan(MAX_BYTES);
      const result = await importWhilePollingHealth(file);
      expect(result.status).toBe(200);
      const report = JSON.parse(result.body) as { accepted: unknown[]; refused: unknown[] };
      expect(report.refused).toEqual([]);
      expect(report.accepted).toHaveLength(MAX_ROWS);
      expect(result.answeredDuringImport).toBeGreaterThan(0);
      expect(result.answeredWhileParsing).toBeGreaterThan(0);
      expect(await nominationCount()).toBe(MAX_ROWS);
    },
    SLOW,
  );

  it(
    'refuses a file with more rows than the limit with a 400 naming it, writing nothing',
    async () => {
      const before = await nominationCount();
      const file = await workbook(MAX_ROWS * 10, 1024 * 1024);
      const result = await importWhilePollingHealth(file);
      expect(result.status).toBe(400);
      const body = JSON.parse(result.body) as ErrorBody;
      expect(body.code).toBe('LIMIT_EXCEEDED');
      expect(body.errors).toEqual([
        { path: 'file', message: expect.stringMatching(`^rows: at most ${MAX_ROWS} filled rows`) },
      ]);
      expect(result.answeredDuringImport).toBeGreaterThan(0);
      expect(await nominationCount()).toBe(before);
    },
    SLOW,
  );

  it('refuses a file over the byte limit with a 413 naming it, writing nothing', async () => {
    const before = await nominationCount();
    const res = await http(
      'POST',
      `/api/editions/${editionId}/nominations/import?channelId=unit-nomination`,
      randomBytes(MAX_BYTES + 1),
      XLSX,
    );
    expect(res.status).toBe(413);
    const body = (await res.json()) as ErrorBody;
    expect(body.errors).toEqual([{ path: 'body', message: `bytes: at most ${MAX_BYTES} bytes` }]);
    expect(await nominationCount()).toBe(before);
  });

  it('refuses a workbook whose parts claim to unpack past the limit (a zip bomb)', async () => {
    // A stored (uncompressed) entry whose header claims 2 GB: refused from the zip's directory.
    const file = await workbook(1, 1000);
    const bomb = Buffer.from(file);
    const central = bomb.lastIndexOf(Buffer.from('xl/worksheets/sheet1.xml')) - 46;
    expect(bomb.readUInt32LE(central)).toBe(0x02014b50);
    bomb.writeUInt32LE(2_000_000_000, central + 24);
    const res = await http(
      'POST',
      `/api/editions/${editionId}/nominations/import?channelId=unit-nomination`,
      bomb,
      XLSX,
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.errors![0]).toEqual({
      path: 'file',
      message: expect.stringMatching(/^unzipped: /),
    });
  });

  describe('definitions', () => {
    let programmeId: string;
    const definitionCount = async () =>
      (await db.query('SELECT count(*)::int AS n FROM pipeline_definition'))[0].n as number;
    const propose = async (source: string) => {
      const res = await t.request({
        method: 'POST',
        url: `/api/programmes/${programmeId}/definitions`,
        payload: { source },
        token: await t.adminToken(),
      });
      return { status: res.statusCode, body: res.json<ErrorBody>() };
    };

    beforeAll(async () => {
      const res = await t.request({
        method: 'POST',
        url: '/api/programmes',
        payload: { code: 'limits-programme', name: { zh: '限制', en: 'Limits' } },
        token: await t.adminToken(),
      });
      programmeId = res.json<{ id: string }>().id;
    });

    it('refuses an alias bomb with a 400 naming the alias limit, writing nothing', async () => {
      const before = await definitionCount();
      const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
      for (let i = 1; i < 9; i++) {
        const prev = String.fromCharCode(96 + i);
        const name = String.fromCharCode(97 + i);
        levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
      }
      const result = await propose(levels.join('\n'));
      expect(result.status).toBe(400);
      expect(result.body.code).toBe('LIMIT_EXCEEDED');
      expect(result.body.errors).toEqual([
        { path: 'source', message: expect.stringMatching(/^aliases: /) },
      ]);
      const many = Array.from({ length: 101 }, (_, i) => `k${i}: *x`).join('\n');
      const tooMany = await propose(`x: &x 1\n${many}`);
      expect(tooMany.body.errors).toEqual([
        { path: 'source', message: expect.stringMatching(/^aliases: at most 100 aliases/) },
      ]);
      expect(await definitionCount()).toBe(before);
    });

    it('refuses a definition longer than the limit with a 413 naming it', async () => {
      const before = await definitionCount();
      const result = await propose(`# ${'x'.repeat(20_000)}\n`);
      expect(result.status).toBe(413);
      expect(result.body.errors).toEqual([
        { path: 'source', message: 'characters: at most 20000 characters' },
      ]);
      expect(await definitionCount()).toBe(before);
    });

    it('refuses deep nesting with a 400 naming the depth limit, writing nothing', async () => {
      const before = await definitionCount();
      const flow = await propose(`a: ${'['.repeat(5000)}${']'.repeat(5000)}`);
      expect(flow.status).toBe(400);
      expect(flow.body.errors).toEqual([
        { path: 'source', message: expect.stringMatching(/^depth: at most 64 levels of nesting/) },
      ]);
      const block = Array.from({ length: 80 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
      const nested = await propose(`${block} end`);
      expect(nested.status).toBe(400);
      expect(nested.body.errors![0].message).toMatch(/^depth: at most 64 levels/);
      const json = await propose(`{"a":${'{"b":'.repeat(70)}1${'}'.repeat(70)}}`);
      expect(json.status).toBe(400);
      expect(json.body.errors![0].message).toMatch(/^depth: at most 64 levels/);
      expect(await definitionCount()).toBe(before);
    });
  });
});
