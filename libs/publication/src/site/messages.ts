import { IntlMessageFormat } from 'intl-messageformat';

export const LANGUAGES = ['zh', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The public site's message catalogues (ICU MessageFormat), Chinese first. */
const CATALOGUES: Record<Language, Record<string, string>> = {
  zh: {
    'site.name': '工匠认定公示与发布',
    'site.skip': '跳到正文',
    'site.switch': 'English',
    'home.title': '公示与公告',
    'home.notices': '正在公示',
    'home.announcements': '已发布的公告',
    'home.none': '暂无',
    'home.count': '{count, plural, other {共 # 人}}',
    'list.notice': '公示',
    'list.announcement': '公告',
    'list.published': '发布于 {date}',
    'list.updated': '更新于 {date}',
    'list.position': '序号',
    'list.name': '姓名',
    'list.certificate': '证书',
    'list.empty': '名单为空',
    'verify.title': '证书核验',
    'verify.number': '证书编号',
    'verify.holder': '持证人',
    'verify.honour': '荣誉',
    'verify.edition': '届次',
    'verify.issued': '发证日期',
    'verify.status': '状态',
    'verify.valid': '有效',
    'verify.revoked': '已撤销（{date}）',
    'verify.grounds': '撤销理由',
    'verify.signature': '电子凭证签名',
    'verify.signatureValid': '签名有效',
    'verify.signatureInvalid': '签名无效',
    'verify.pdf': '下载证书（PDF）',
    'verify.credential': '可验证凭证（VC-JWT）',
    'notFound.title': '未找到',
    'notFound.body': '您要找的页面或证书不存在。',
  },
  en: {
    'site.name': 'Craftsman notices and announcements',
    'site.skip': 'Skip to content',
    'site.switch': '中文',
    'home.title': 'Notices and announcements',
    'home.notices': 'Public notices',
    'home.announcements': 'Announcements',
    'home.none': 'None yet',
    'home.count': '{count, plural, one {# person} other {# people}}',
    'list.notice': 'Public notice',
    'list.announcement': 'Announcement',
    'list.published': 'Published on {date}',
    'list.updated': 'Updated on {date}',
    'list.position': 'No.',
    'list.name': 'Name',
    'list.certificate': 'Certificate',
    'list.empty': 'The list is empty',
    'verify.title': 'Certificate verification',
    'verify.number': 'Certificate number',
    'verify.holder': 'Holder',
    'verify.honour': 'Honour',
    'verify.edition': 'Edition',
    'verify.issued': 'Issued on',
    'verify.status': 'Status',
    'verify.valid': 'Valid',
    'verify.revoked': 'Revoked ({date})',
    'verify.grounds': 'Grounds',
    'verify.signature': 'Credential signature',
    'verify.signatureValid': 'Signature verified',
    'verify.signatureInvalid': 'Signature does not verify',
    'verify.pdf': 'Download the certificate (PDF)',
    'verify.credential': 'Verifiable credential (VC-JWT)',
    'notFound.title': 'Not found',
    'notFound.body': 'The page or certificate you are looking for does not exist.',
  },
};

const compiled = new Map<string, IntlMessageFormat>();

/** Formats a message of the catalogue; an unknown key shows itself, so a gap is visible. */
export function translate(
  lang: Language,
  key: string,
  values?: Record<string, string | number>,
): string {
  const id = `${lang}:${key}`;
  let format = compiled.get(id);
  if (!format) {
    const message = CATALOGUES[lang][key];
    if (message === undefined) return key;
    format = new IntlMessageFormat(message, lang === 'zh' ? 'zh-CN' : 'en');
    compiled.set(id, format);
  }
  return String(format.format(values));
}

/** Keys present in one catalogue and missing in another (checked by a unit test). */
export function catalogueGaps(): string[] {
  const [zh, en] = [Object.keys(CATALOGUES.zh), Object.keys(CATALOGUES.en)];
  return [...zh.filter((k) => !en.includes(k)), ...en.filter((k) => !zh.includes(k))];
}
