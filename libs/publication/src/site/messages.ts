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
    'list.changes': '变更记录',
    'notice.period': '公示期：{from} 至 {to}',
    'objection.title': '提出异议',
    'objection.intro':
      '对公示对象有异议的，请在公示期内实名反映，并写明事实。单位反映须附加盖公章的书面材料。',
    'objection.fix': '请按提示修改后重新提交。',
    'objection.candidate': '异议对象',
    'objection.choose': '请选择',
    'objection.kind': '反映人类别',
    'objection.individual': '个人',
    'objection.organisation': '单位',
    'objection.name': '真实姓名（或单位名称）',
    'objection.contact': '联系方式（电话、邮箱或地址）',
    'objection.facts': '异议事实',
    'objection.privacy': '您的姓名和联系方式加密保存，仅秘书处可查阅，不会公开。',
    'objection.submit': '提交异议',
    'objection.received': '异议已受理，受理编号：{receipt}。请妥善保存。',
    'objection.closed': '公示期为 {from} 至 {to}，已结束，不再受理异议。',
    'error.nominationId': '请选择公示名单中的人员',
    'error.name': '请填写真实姓名（单位请填写单位名称）',
    'error.contact': '请填写可联系到您的电话、邮箱或地址',
    'error.facts': '请写明异议事实，至少 10 个字',
    'error.sealedLetter': '单位反映须提交加盖公章的书面材料，请邮寄或送交秘书处',
    'error.objectorKind': '请选择个人或单位',
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
    'list.changes': 'Changes',
    'notice.period': 'Notice period: {from} to {to}',
    'objection.title': 'Raise an objection',
    'objection.intro':
      'If you object to a person on this notice, tell us during the notice period under your real name and state the facts. An organisation must attach a letter with its official seal.',
    'objection.fix': 'Please correct the fields marked below and send again.',
    'objection.candidate': 'Person objected to',
    'objection.choose': 'Choose',
    'objection.kind': 'You are',
    'objection.individual': 'an individual',
    'objection.organisation': 'an organisation',
    'objection.name': 'Real name (or the organisation’s name)',
    'objection.contact': 'Contact (phone, e-mail or address)',
    'objection.facts': 'Facts',
    'objection.privacy':
      'Your name and contact details are stored encrypted, read only by the secretariat and never published.',
    'objection.submit': 'Send the objection',
    'objection.received': 'Your objection was received. Receipt number: {receipt}. Please keep it.',
    'objection.closed':
      'The notice period ran from {from} to {to} and has ended; objections are no longer accepted.',
    'error.nominationId': 'Choose a person on the notice',
    'error.name': 'Give your real name (or the organisation’s name)',
    'error.contact': 'Give a phone number, e-mail or address where we can reach you',
    'error.facts': 'State the facts in at least 10 characters',
    'error.sealedLetter':
      'An organisation’s objection needs a letter with its official seal: post it or bring it to the secretariat',
    'error.objectorKind': 'Choose individual or organisation',
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
