import { loadShippedDefinition } from '../definition/shipped-definitions';
import { idNumberProblem, normaliseIdNumber } from './id-number';
import { normaliseDossier, validateAttachments, validateDossier } from './validate-dossier';

const def = loadShippedDefinition('hangzhou-city-craftsman');
const valid = {
  name: '王小明',
  idNumber: '330100199001011231',
  birthDate: '1990-01-01',
  phone: '13800000000',
  employer: '杭州某机械厂',
  district: '余杭区',
  industrySection: 'C',
  occupation: '数控车工',
  skillLevel: 'L1',
  employmentCategory: 'worker',
  unionMember: true,
  inService: true,
  frontLine: true,
  skillStartDate: '2010-01-01',
  cityStartDate: '2012-01-01',
  willingToMentor: true,
  contests: [{ name: '省赛', level: 'provincial', rank: 1, year: 2022 }],
  narrative: '扎根一线二十年。',
};

describe('validateDossier', () => {
  it('accepts a complete dossier', () => {
    expect(validateDossier(def, valid)).toEqual([]);
  });

  it('reports missing required fields, wrong types and unknown fields by path', () => {
    const { name: _omit, ...rest } = valid;
    const errors = validateDossier(def, {
      ...rest,
      unionMember: 'yes',
      birthDate: '1990-02-30x',
      extra: 1,
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: '/name', message: 'is required' },
        { path: '/unionMember', message: 'must be true or false' },
        { path: '/birthDate', message: 'must be an existing date YYYY-MM-DD' },
        { path: '/extra', message: 'is not a field of this dossier' },
      ]),
    );
  });

  it('counts the narrative limit in characters, Chinese included', () => {
    expect(validateDossier(def, { ...valid, narrative: '匠'.repeat(500) })).toEqual([]);
    expect(validateDossier(def, { ...valid, narrative: '匠'.repeat(501) })).toEqual([
      { path: '/narrative', message: 'must be at most 500 characters (has 501)' },
    ]);
  });

  it('rejects values outside an enumeration', () => {
    expect(validateDossier(def, { ...valid, skillLevel: 'L0' })[0]).toMatchObject({
      path: '/skillLevel',
      message: expect.stringContaining('must be one of apprentice, L5'),
    });
  });

  it('checks the shape of each list item', () => {
    const errors = validateDossier(def, {
      ...valid,
      contests: [{ name: '赛', level: 'galactic', rank: 1.5 }, 'x'],
    });
    expect(errors).toEqual([
      {
        path: '/contests/0/level',
        message: 'must be one of enterprise, city, provincial, national',
      },
      { path: '/contests/0/rank', message: 'must be a whole number' },
      { path: '/contests/0/year', message: 'is required' },
      { path: '/contests/1', message: 'must be an object' },
    ]);
  });

  it('refuses dates that do not exist and birth dates in the future, by path', () => {
    expect(validateDossier(def, { ...valid, skillStartDate: '2026-02-30' })).toEqual([
      { path: '/skillStartDate', message: 'must be an existing date YYYY-MM-DD' },
    ]);
    expect(
      validateDossier(def, { ...valid, birthDate: '2026-06-02' }, { today: '2026-06-01' }),
    ).toEqual([{ path: '/birthDate', message: 'must not be in the future' }]);
    expect(
      validateDossier(def, { ...valid, birthDate: '2026-06-01' }, { today: '2026-06-01' }),
    ).toEqual([]);
  });

  it('validates resident ID numbers (GB 11643) after normalising how they were typed', () => {
    for (const typed of [
      '３３０１００１９９００１０１１２３１',
      '330100 19900101 1231',
      '330100-19900101-1231',
    ]) {
      expect(validateDossier(def, { ...valid, idNumber: typed })).toEqual([]);
    }
    expect(validateDossier(def, { ...valid, idNumber: '330100199001011234' })).toEqual([
      { path: '/idNumber', message: 'has a wrong check character (GB 11643)' },
    ]);
    expect(validateDossier(def, { ...valid, idNumber: '330100199002301231' })[0]).toMatchObject({
      path: '/idNumber',
      message: 'holds a birth date that does not exist',
    });
    expect(validateDossier(def, { ...valid, idNumber: '3301001990' })[0]?.path).toBe('/idNumber');
  });

  it('normalises ID numbers so every spelling of one is the same value', () => {
    const spellings = [
      '11010519491231002x',
      '１１０１０５１９４９１２３１００２ｘ',
      ' 110105 19491231 002X ',
    ];
    for (const typed of spellings) {
      expect(normaliseDossier(def, { ...valid, idNumber: typed }).idNumber).toBe(
        '11010519491231002X',
      );
      expect(normaliseIdNumber(typed)).toBe('11010519491231002X');
    }
    expect(idNumberProblem('11010519491231002X')).toBeUndefined();
  });

  it('rejects a non-object dossier', () => {
    expect(validateDossier(def, [])).toEqual([{ path: '/', message: 'must be an object' }]);
  });
});

describe('validateAttachments', () => {
  it('enforces size, format and counts per evidence kind', () => {
    const errors = validateAttachments(def, [
      { kind: 'photo', sizeBytes: 2_000_000, mimeType: 'image/gif' },
      { kind: 'video', sizeBytes: 1, mimeType: 'video/mp4' },
    ]);
    expect(errors).toEqual([
      { path: '/attachments/0/sizeBytes', message: 'exceeds the 1048576-byte limit for photo' },
      { path: '/attachments/0/mimeType', message: 'must be one of image/jpeg, image/png' },
      { path: '/attachments/1/kind', message: 'unknown evidence kind "video"' },
      { path: '/attachments', message: 'needs at least 1 × approvalForm' },
    ]);
  });
});
