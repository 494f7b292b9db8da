// The words of every reason, in Chinese and English, built from constraint labels (never codes).
import type { LocalizedText } from '../definition/definition.types';
import type { ConstraintSet, WhereConstraint } from './constraint-set';
import type { CandidateReason, ReasonCode } from './selection.types';

export interface Named {
  id: string;
  label: LocalizedText;
}

const quote = (items: readonly Named[], lang: 'zh' | 'en') =>
  lang === 'zh'
    ? items.map((c) => `「${c.label.zh}」`).join('、')
    : items.map((c) => `"${c.label.en}"`).join(', ');

function reason(
  code: ReasonCode,
  constraints: readonly Named[],
  zh: string,
  en: string,
): CandidateReason {
  return { code, constraintIds: constraints.map((c) => c.id), text: { zh, en } };
}

export const reasons = {
  directRecognition: () =>
    reason('DIRECT_RECOGNITION', [], '直接认定入选', 'selected by direct recognition'),

  merit: (rank: number) =>
    reason('MERIT', [], `按成绩排名入选（第 ${rank} 名）`, `selected on merit (rank ${rank})`),

  floor: (floor: Named, rank: number) =>
    reason(
      'FLOOR',
      [floor],
      `由${quote([floor], 'zh')}带入（第 ${rank} 名）：排名更靠前的候选人入选会使该项无法满足`,
      `brought in by ${quote([floor], 'en')} (rank ${rank}): seating higher-ranked candidates instead would leave it unmet`,
    ),

  ineligible: () => reason('INELIGIBLE', [], '不符合参评资格', 'not eligible'),

  belowScoreFloor: (score: number, floor: number) =>
    reason(
      'BELOW_SCORE_FLOOR',
      [],
      `得分 ${score} 低于最低分 ${floor}`,
      `score ${score} is below the floor of ${floor}`,
    ),

  quotaFull: (places: number, fullAt: number, tie: LocalizedText | null) =>
    reason(
      'QUOTA_FULL',
      [],
      `名额已满：${places} 个名额在第 ${fullAt} 名时已全部选定${tie ? `（${tie.zh}）` : ''}`,
      `the quota was full: all ${places} places were taken by rank ${fullAt}${tie ? ` (${tie.en})` : ''}`,
    ),

  placesLimited: (filled: number, places: number, limiting: readonly Named[]) =>
    reason(
      'PLACES_LIMITED',
      limiting,
      `只能合规地选出 ${filled} 人（名额 ${places} 个）：再多一人将无法满足${quote(limiting, 'zh')}`,
      `only ${filled} of ${places} places can be filled validly: one more would break ${quote(limiting, 'en')}`,
    ),

  capReached: (cap: Named, bound: number, value?: string) =>
    reason(
      'CAP_REACHED',
      [cap],
      `${quote([cap], 'zh')}已满（${value === undefined ? '' : `${value}：`}已入选 ${bound} 人）`,
      `${quote([cap], 'en')} was reached (${value === undefined ? '' : `${value}: `}${bound} already selected)`,
    ),

  /** Seating them leaves the named floors unmeetable (given the caps named alongside). */
  unmeetable: (floors: readonly Named[], caps: readonly Named[]) =>
    floors.length > 0
      ? reason(
          'FLOOR_UNMEETABLE',
          [...floors, ...caps],
          `入选将使${quote(floors, 'zh')}无法满足${caps.length ? `（受${quote(caps, 'zh')}限制）` : ''}`,
          `seating them would leave ${quote(floors, 'en')} unmeetable${caps.length ? ` (under ${quote(caps, 'en')})` : ''}`,
        )
      : reason(
          'CAP_REACHED',
          caps,
          `入选将使剩余名额在${quote(caps, 'zh')}限制下无法填满`,
          `seating them would leave the remaining places unfillable under ${quote(caps, 'en')}`,
        ),
};

/** "tied on score with rank k, placed after on <tie-breaker>" — or null when scores differ. */
export function tieNote(
  cs: ConstraintSet,
  candidate: { id: string; score?: number; dossier: Readonly<Record<string, unknown>> },
  last: { id: string; score?: number; dossier: Readonly<Record<string, unknown>> },
  lastRank: number,
): LocalizedText | null {
  if (candidate.score === undefined || candidate.score !== last.score) return null;
  const breaker = cs.tieBreakers.find((t) => candidate.dossier[t.field] !== last.dossier[t.field]);
  return breaker
    ? {
        zh: `与第 ${lastRank} 名同分，按「${breaker.label.zh}」排在其后`,
        en: `tied on score with rank ${lastRank}, placed after on "${breaker.label.en}"`,
      }
    : {
        zh: `与第 ${lastRank} 名同分且决胜项相同，按编号排在其后`,
        en: `tied with rank ${lastRank} on score and every tie-breaker, placed after by id`,
      };
}

export function reportText(
  c: { kind: 'floor' | 'cap' | 'capPerValue'; label: LocalizedText },
  bound: number,
  achieved: number,
): LocalizedText {
  if (c.kind === 'floor')
    return {
      zh: `「${c.label.zh}」要求至少 ${bound} 人，入选 ${achieved} 人`,
      en: `"${c.label.en}" needs at least ${bound}, ${achieved} selected`,
    };
  if (c.kind === 'cap')
    return {
      zh: `「${c.label.zh}」上限 ${bound} 人，入选 ${achieved} 人`,
      en: `"${c.label.en}" allows ${bound}, ${achieved} selected`,
    };
  return {
    zh: `「${c.label.zh}」每个取值上限 ${bound} 人，最多的一个入选 ${achieved} 人`,
    en: `"${c.label.en}" allows ${bound} per value, the most of one value selected is ${achieved}`,
  };
}

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

export function boundWords(c: WhereConstraint): LocalizedText {
  const parts: LocalizedText[] = [];
  if (c.kind === 'floor') {
    if (c.minCount !== undefined)
      parts.push({ zh: `至少 ${c.minCount} 人`, en: `at least ${c.minCount}` });
    if (c.minShare !== undefined)
      parts.push({
        zh: `至少占 ${pct(c.minShare)}`,
        en: `at least ${pct(c.minShare)} of the list`,
      });
  } else {
    if (c.maxCount !== undefined)
      parts.push({ zh: `至多 ${c.maxCount} 人`, en: `at most ${c.maxCount}` });
    if (c.maxShare !== undefined)
      parts.push({ zh: `至多占 ${pct(c.maxShare)}`, en: `at most ${pct(c.maxShare)} of the list` });
  }
  return {
    zh: parts.map((p) => p.zh).join('且'),
    en: parts.map((p) => p.en).join(' and '),
  };
}
