// Eligibility throughput: the compiled shipped Hangzhou definition against a hand-written
// TypeScript function encoding the same rules (also returning a per-rule verdict list, so both
// sides produce comparable output). Target: engine ≥ 0.25× the hand-written baseline.
import {
  compileDefinition,
  type Dossier,
  type EvaluationContext,
  loadShippedDefinition,
  type PriorAward,
} from '@craftcert/pipeline';
import { alternate, type Benchmark, compare, rate } from './harness';

const DOSSIER_COUNT = 100_000;
const BATCH = 1_000;
const PROGRAMME = 'hangzhou-city-craftsman';
const REFERENCE_DATE = '2024-06-30';

interface Contest {
  name: string;
  level: 'enterprise' | 'city' | 'provincial' | 'national';
  rank: number;
  year: number;
}

interface HangzhouDossier {
  unionMember: boolean;
  inService: boolean;
  frontLine: boolean;
  skillStartDate: string;
  cityStartDate: string;
  willingToMentor: boolean;
  uniqueSkill?: boolean;
  employmentCategory: string;
  industrySection: string;
  contests: Contest[];
  innovations: { title: string; major: boolean; year: number }[];
  apprentices: { name: string; contestWinner: boolean }[];
}

interface Case {
  dossier: HangzhouDossier;
  context: EvaluationContext;
}

/** mulberry32: a small seeded PRNG, so every run evaluates the same 100,000 dossiers. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generateCases(count: number, seed: number): Case[] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const chance = (p: number) => rnd() < p;
  const date = (fromYear: number, toYear: number) => {
    const y = fromYear + Math.floor(rnd() * (toYear - fromYear + 1));
    const m = 1 + Math.floor(rnd() * 12);
    const d = 1 + Math.floor(rnd() * 28);
    return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  };
  const levels = ['enterprise', 'city', 'provincial', 'national'] as const;
  const cases: Case[] = [];
  for (let i = 0; i < count; i++) {
    const contests = Array.from({ length: Math.floor(rnd() * 4) }, () => ({
      name: 'contest',
      level: pick(levels),
      rank: 1 + Math.floor(rnd() * 6),
      year: 2010 + Math.floor(rnd() * 15),
    }));
    const priorAwards: PriorAward[] = chance(0.03)
      ? [
          {
            programme: PROGRAMME,
            year: 2018 + Math.floor(rnd() * 6),
            tier: pick(['craftsman', 'nominationAward']),
          },
        ]
      : [];
    cases.push({
      dossier: {
        unionMember: chance(0.93),
        inService: chance(0.97),
        frontLine: chance(0.9),
        skillStartDate: date(1990, 2022),
        cityStartDate: date(2000, 2024),
        willingToMentor: chance(0.95),
        uniqueSkill: chance(0.8) ? chance(0.2) : undefined,
        employmentCategory: pick([
          'worker',
          'worker',
          'worker',
          'technician',
          'manager',
          'civilServant',
        ]),
        industrySection: chance(0.6) ? 'C' : pick(['A', 'D', 'E', 'G', 'I', 'S', 'T']),
        contests,
        innovations: Array.from({ length: Math.floor(rnd() * 3) }, () => ({
          title: 'x',
          major: chance(0.3),
          year: 2020,
        })),
        apprentices: Array.from({ length: Math.floor(rnd() * 5) }, () => ({
          name: 'a',
          contestWinner: chance(0.15),
        })),
      },
      context: { referenceDate: REFERENCE_DATE, priorAwards },
    });
  }
  return cases;
}

function completedYears(from: string, refYear: number, refMonthDay: number): number {
  const year = Number(from.slice(0, 4));
  const monthDay = Number(from.slice(5, 7)) * 100 + Number(from.slice(8, 10));
  return refMonthDay < monthDay ? refYear - year - 1 : refYear - year;
}

const count = (xs: readonly Contest[], ok: (c: Contest) => boolean) => xs.filter(ok).length;

/** The Hangzhou rules written by hand, rule for rule, returning the same per-rule verdicts. */
function handWritten(d: HangzhouDossier, priorAwards: readonly PriorAward[]) {
  const refYear = 2024;
  const refMonthDay = 630;
  const nationalTop3 = count(d.contests, (c) => c.level === 'national' && c.rank <= 3) >= 1;
  const provincialFirst = count(d.contests, (c) => c.level === 'provincial' && c.rank === 1) >= 1;
  const contestWaiver = nationalTop3 || provincialFirst;
  const unionMember = d.unionMember === true;
  const inService = d.inService === true;
  const frontLine = d.frontLine === true;
  const yearsInSkill = completedYears(d.skillStartDate, refYear, refMonthDay) >= 10;
  const yearsInCity = completedYears(d.cityStartDate, refYear, refMonthDay) >= 1;
  const mentoring = d.willingToMentor === true;
  const uniqueSkill = d.uniqueSkill === true;
  const majorInnovation = d.innovations.filter((x) => x.major === true).length >= 1;
  const cityFirst = count(d.contests, (c) => c.level === 'city' && c.rank === 1) >= 1;
  const talent = d.apprentices.filter((a) => a.contestWinner === true).length >= 1;
  const contestRanking = nationalTop3 || provincialFirst;
  const achievements = uniqueSkill || majorInnovation || contestRanking || cityFirst || talent;
  const excludedCategory =
    d.employmentCategory === 'manager' || d.employmentCategory === 'civilServant';
  const excludedSector = d.industrySection === 'S' || d.industrySection === 'T';
  const repeatWinner = priorAwards.some((a) => a.programme === PROGRAMME && a.tier === 'craftsman');
  const rules = [
    { id: 'union-member', pass: unionMember },
    { id: 'in-service-front-line', pass: inService && frontLine },
    { id: 'in-service', pass: inService },
    { id: 'front-line', pass: frontLine },
    { id: 'years-in-skill', pass: yearsInSkill || contestWaiver },
    { id: 'years-in-city', pass: yearsInCity },
    { id: 'mentoring', pass: mentoring },
    { id: 'achievements', pass: achievements },
    { id: 'unique-skill', pass: uniqueSkill },
    { id: 'major-innovation', pass: majorInnovation },
    { id: 'contest-ranking', pass: contestRanking },
    { id: 'national-top3', pass: nationalTop3 },
    { id: 'provincial-first', pass: provincialFirst },
    { id: 'city-contest-first', pass: cityFirst },
    { id: 'talent-training', pass: talent },
    { id: 'contest-waiver', pass: contestWaiver },
    { id: 'waiver-national-top3', pass: nationalTop3 },
    { id: 'waiver-provincial-first', pass: provincialFirst },
    { id: 'excluded-categories', pass: excludedCategory },
    { id: 'excluded-sectors', pass: excludedSector },
    { id: 'repeat-winner', pass: repeatWinner },
  ];
  const eligible =
    unionMember &&
    inService &&
    frontLine &&
    (yearsInSkill || contestWaiver) &&
    yearsInCity &&
    mentoring &&
    achievements &&
    !excludedCategory &&
    !excludedSector &&
    !repeatWinner;
  return { eligible, rules };
}

/** Throws unless engine and hand-written code agree on eligibility and every rule's verdict. */
function assertAgreement(
  cases: readonly Case[],
  engine: ReturnType<typeof compileDefinition>,
): number {
  let eligible = 0;
  cases.forEach(({ dossier, context }, i) => {
    const a = engine.evaluate(dossier as unknown as Dossier, context);
    const b = handWritten(dossier, context.priorAwards ?? []);
    if (a.eligible !== b.eligible)
      throw new Error(`dossier ${i}: engine says ${a.eligible}, hand-written ${b.eligible}`);
    // An exclusion root reads 'excluded' when its condition holds and 'pass' when it does not.
    const held = (o: (typeof a.outcomes)[number]) =>
      o.role === 'exclusion' && o.depth === 0 ? o.outcome === 'excluded' : o.outcome !== 'fail';
    const verdicts = new Map(a.outcomes.map((o) => [o.ruleId, held(o)]));
    for (const r of b.rules) {
      if (verdicts.get(r.id) !== r.pass) throw new Error(`dossier ${i}: rule ${r.id} disagrees`);
    }
    if (a.eligible) eligible++;
  });
  return eligible;
}

export const benchmark: Benchmark = {
  name: 'eligibility',
  async run() {
    const engine = compileDefinition(loadShippedDefinition('hangzhou-city-craftsman'));
    const cases = generateCases(DOSSIER_COUNT, 20240630);
    const eligible = assertAgreement(cases, engine);
    if (eligible === 0 || eligible === cases.length)
      throw new Error('generated dossiers are not varied');
    let next = 0;
    const batch = (evaluate: (c: Case) => unknown) => () => {
      for (let i = 0; i < BATCH; i++) {
        evaluate(cases[next]);
        next = next + 1 === cases.length ? 0 : next + 1;
      }
    };
    // Each measured operation is a batch of 1,000 evaluations, so the harness's per-call await
    // is negligible.
    const hand = batch((c) => handWritten(c.dossier, c.context.priorAwards ?? []));
    const compiled = batch((c) => engine.evaluate(c.dossier as unknown as Dossier, c.context));
    const s = await alternate({
      engine: async () => (await rate(compiled, 1000)) * BATCH,
      handWritten: async () => (await rate(hand, 1000)) * BATCH,
    });
    return [
      compare({
        name: 'eligibility.evaluations',
        description: `evaluations/s over ${DOSSIER_COUNT} dossiers, ${eligible} eligible (engine vs hand-written)`,
        unit: 'evaluations/s',
        subject: s.engine,
        baseline: s.handWritten,
        goal: { ratio: { atLeast: 0.25 } },
      }),
    ];
  },
};
