import { readFileSync } from 'node:fs';
import { idNumberCheckCharacter, shippedDefinitionPath } from '@craftcert/pipeline';

export function shippedSource(
  name:
    | 'hangzhou-city-craftsman'
    | 'district-craftsman-triennial'
    | 'team-vanguard'
    | 'innovation-studio',
): string {
  return readFileSync(shippedDefinitionPath(name), 'utf8');
}

/** A Hangzhou dossier that meets every requirement; override fields to make it fail. */
export function hangzhouDossier(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: '王建国',
    idNumber: '33010219800101123X',
    birthDate: '1980-01-01',
    phone: '13800000000',
    employer: '杭州汽轮机股份有限公司',
    district: '拱墅区',
    industrySection: 'C',
    occupation: '装配钳工',
    skillLevel: 'L1',
    employmentCategory: 'worker',
    unionMember: true,
    inService: true,
    frontLine: true,
    skillStartDate: '2005-03-01',
    cityStartDate: '2005-03-01',
    willingToMentor: true,
    uniqueSkill: false,
    contests: [{ name: '浙江省职业技能大赛', level: 'provincial', rank: 1, year: 2023 }],
    innovations: [],
    apprentices: [{ name: '李明', contestWinner: true, year: 2019 }],
    narrative: '扎根一线二十年，攻克汽轮机叶片装配难题。',
    ...overrides,
  };
}

/**
 * A valid resident ID number (GB 11643, right check character) distinct for each serial: born
 * `serial / 1000` days after 1970-01-01, sequence `serial % 1000`.
 */
export function residentIdNumber(serial: number): string {
  const birth = new Date(Date.UTC(1970, 0, 1) + Math.floor(serial / 1000) * 86_400_000);
  const body = `330102${birth.toISOString().slice(0, 10).replaceAll('-', '')}${String(serial % 1000).padStart(3, '0')}`;
  return body + idNumberCheckCharacter(body);
}
