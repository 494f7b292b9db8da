import { idNumberCheckCharacter } from '@craftcert/pipeline';

/** The programme code that marks a seeded database: seeding again finds it and does nothing. */
export const DEMO_PROGRAMME_CODE = 'hangzhou-city-craftsman';

/** Every demo account's password; printed on the start that seeds, and in the README. */
export const DEMO_PASSWORD = 'craftcert-demo';

export interface DemoUnion {
  key: string;
  name: string;
  district: string;
  /** Administrative division code, the first six digits of a resident's ID number. */
  divisionCode: string;
  enterprises: { name: string; industrySection: string }[];
}

export const DEMO_UNIONS: DemoUnion[] = [
  {
    key: 'gongshu',
    name: '拱墅区总工会',
    district: '拱墅区',
    divisionCode: '330105',
    enterprises: [
      { name: '杭州汽轮动力集团有限公司', industrySection: 'C' },
      { name: '杭州运河建设工程有限公司', industrySection: 'E' },
    ],
  },
  {
    key: 'xihu',
    name: '西湖区总工会',
    district: '西湖区',
    divisionCode: '330106',
    enterprises: [
      { name: '杭州西湖龙井茶叶有限公司', industrySection: 'A' },
      { name: '杭州楼外楼餐饮有限公司', industrySection: 'H' },
    ],
  },
];

export const DEMO_DEPARTMENTS = [
  '市委组织部',
  '市委宣传部',
  '市人力社保局',
  '市经信局',
  '市纪委监委',
];

export interface DemoPerson {
  name: string;
  birthDate: string;
  occupation: string;
  skillLevel: string;
  narrative: string;
  contest: string;
}

/**
 * Synthetic craftsmen, two per enterprise in DEMO_UNIONS order (enterprise = floor(i / 2) of
 * the four). The first eight are the past edition's, the rest the current one's.
 */
export const DEMO_PEOPLE: DemoPerson[] = [
  {
    name: '陈志强',
    birthDate: '1976-04-12',
    occupation: '汽轮机装配钳工',
    skillLevel: 'principal',
    narrative: '三十年专注汽轮机转子装配，首创叶片动平衡快速校正法。',
    contest: '全国机械行业职业技能竞赛',
  },
  {
    name: '赵丽娟',
    birthDate: '1983-09-03',
    occupation: '数控车工',
    skillLevel: 'L1',
    narrative: '带领班组攻克大型缸体精密加工难题，培养高级技师十余名。',
    contest: '浙江省数控技能大赛',
  },
  {
    name: '孙建军',
    birthDate: '1979-01-21',
    occupation: '桥梁钢结构焊工',
    skillLevel: 'principal',
    narrative: '参与运河沿线多座桥梁建设，焊缝一次合格率保持百分之百。',
    contest: '浙江省焊接技能大赛',
  },
  {
    name: '周慧敏',
    birthDate: '1987-06-15',
    occupation: '古建筑木作工',
    skillLevel: 'L1',
    narrative: '修缮运河历史建筑二十余处，坚持榫卯传统工艺。',
    contest: '全国古建筑修缮技能竞赛',
  },
  {
    name: '吴晓峰',
    birthDate: '1972-11-30',
    occupation: '茶叶加工工',
    skillLevel: 'chief',
    narrative: '坚守龙井手工炒制技艺四十年，总结“十大手法”带徒传艺。',
    contest: '全国茶叶加工职业技能竞赛',
  },
  {
    name: '郑雅琴',
    birthDate: '1985-02-08',
    occupation: '评茶员',
    skillLevel: 'L1',
    narrative: '建立龙井茶感官审评标准样，服务茶农三千余户。',
    contest: '浙江省评茶员职业技能大赛',
  },
  {
    name: '冯国栋',
    birthDate: '1978-08-19',
    occupation: '中式烹调师',
    skillLevel: 'principal',
    narrative: '传承杭帮菜经典技法，研发创新菜品六十余道。',
    contest: '全国烹饪技能竞赛',
  },
  {
    name: '蒋文博',
    birthDate: '1990-05-27',
    occupation: '中式面点师',
    skillLevel: 'L1',
    narrative: '复原宋代点心十余种，参与制定地方面点标准。',
    contest: '浙江省面点技能大赛',
  },
  {
    name: '韩雪梅',
    birthDate: '1984-03-14',
    occupation: '装配钳工',
    skillLevel: 'L1',
    narrative: '主导燃机叶片装配工装改进，装配效率提高三成。',
    contest: '浙江省职业技能大赛',
  },
  {
    name: '杨立新',
    birthDate: '1981-10-09',
    occupation: '建筑电工',
    skillLevel: 'L1',
    narrative: '在亚运场馆建设中攻克复杂供配电安装难题。',
    contest: '浙江省电工技能大赛',
  },
  {
    name: '朱建华',
    birthDate: '1975-12-01',
    occupation: '茶叶加工工',
    skillLevel: 'principal',
    narrative: '推广机制茶与手工茶结合工艺，带动周边茶农增收。',
    contest: '全国茶叶加工职业技能竞赛',
  },
  {
    name: '秦淑芬',
    birthDate: '1988-07-22',
    occupation: '西式面点师',
    skillLevel: 'L1',
    narrative: '将西湖元素融入面点创作，多次获省级金奖。',
    contest: '浙江省面点技能大赛',
  },
];

/** A resident ID number with the right check character, unique per person (never shown publicly). */
export function demoIdNumber(divisionCode: string, birthDate: string, serial: number): string {
  const body = `${divisionCode}${birthDate.replaceAll('-', '')}${String(100 + serial).padStart(3, '0')}`;
  return body + idNumberCheckCharacter(body);
}

/** A 1×1 PNG: evidence files are checked by content, so the demo's photos are real images. */
export const DEMO_PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC',
  'base64',
);

/** A one-page PDF standing for the sealed approval form. */
export const DEMO_FORM = Buffer.from(
  [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
    '',
  ].join('\n'),
);
