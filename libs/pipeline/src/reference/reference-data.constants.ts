// Copied from the shared reference data (national skill ladder, GB/T 4754-2017 sections) because a
// user's clone has no ../shared folder; the project must be self-contained.
import type { LocalizedText } from '../definition/definition.types';

export interface ReferenceCode extends LocalizedText {
  code: string;
}

/** National vocational skill levels, lowest to highest: array order is the ladder order. */
export const SKILL_LEVELS: readonly ReferenceCode[] = [
  { code: 'apprentice', zh: '学徒工', en: 'Apprentice' },
  { code: 'L5', zh: '五级/初级工', en: 'Level 5 / Junior worker' },
  { code: 'L4', zh: '四级/中级工', en: 'Level 4 / Intermediate worker' },
  { code: 'L3', zh: '三级/高级工', en: 'Level 3 / Senior worker' },
  { code: 'L2', zh: '二级/技师', en: 'Level 2 / Technician' },
  { code: 'L1', zh: '一级/高级技师', en: 'Level 1 / Senior technician' },
  { code: 'principal', zh: '特级技师', en: 'Principal technician' },
  { code: 'chief', zh: '首席技师', en: 'Chief technician' },
];

/** GB/T 4754-2017 sections; manufacturing is C. */
export const INDUSTRY_SECTIONS: readonly ReferenceCode[] = [
  { code: 'A', zh: '农、林、牧、渔业', en: 'Agriculture, forestry, animal husbandry and fishery' },
  { code: 'B', zh: '采矿业', en: 'Mining' },
  { code: 'C', zh: '制造业', en: 'Manufacturing' },
  {
    code: 'D',
    zh: '电力、热力、燃气及水生产和供应业',
    en: 'Production and supply of electricity, heat, gas and water',
  },
  { code: 'E', zh: '建筑业', en: 'Construction' },
  { code: 'F', zh: '批发和零售业', en: 'Wholesale and retail trade' },
  { code: 'G', zh: '交通运输、仓储和邮政业', en: 'Transport, storage and postal services' },
  { code: 'H', zh: '住宿和餐饮业', en: 'Accommodation and catering' },
  {
    code: 'I',
    zh: '信息传输、软件和信息技术服务业',
    en: 'Information transmission, software and IT services',
  },
  { code: 'J', zh: '金融业', en: 'Finance' },
  { code: 'K', zh: '房地产业', en: 'Real estate' },
  { code: 'L', zh: '租赁和商务服务业', en: 'Leasing and business services' },
  { code: 'M', zh: '科学研究和技术服务业', en: 'Scientific research and technical services' },
  {
    code: 'N',
    zh: '水利、环境和公共设施管理业',
    en: 'Water conservancy, environment and public facilities management',
  },
  {
    code: 'O',
    zh: '居民服务、修理和其他服务业',
    en: 'Resident services, repair and other services',
  },
  { code: 'P', zh: '教育', en: 'Education' },
  { code: 'Q', zh: '卫生和社会工作', en: 'Health and social work' },
  { code: 'R', zh: '文化、体育和娱乐业', en: 'Culture, sports and entertainment' },
  {
    code: 'S',
    zh: '公共管理、社会保障和社会组织',
    en: 'Public administration, social security and social organisations',
  },
  { code: 'T', zh: '国际组织', en: 'International organisations' },
];

/** Built-in enumerations a dossier field may use by name; `ordered` enables min/max comparisons. */
export const BUILTIN_ENUMS = {
  skillLevel: { ordered: true, values: SKILL_LEVELS },
  industrySection: { ordered: false, values: INDUSTRY_SECTIONS },
} as const;

export type BuiltinEnumName = keyof typeof BUILTIN_ENUMS;
