import { loadShippedDefinition } from '../definition/shipped-definitions';
import { validateAttachments, validateDossier } from './validate-dossier';

const def = loadShippedDefinition('hangzhou-city-craftsman');
const valid = {
  name: '王小明',
  idNumber: '330100199001011234',
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
        { path: '/birthDate', message: 'must be a date YYYY-MM-DD' },
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
