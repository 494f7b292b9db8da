import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { fixtureDefinition } from '../testing/definition.fixture';
import { pipelineDefinitionSchema } from './definition.schema';
import type { DefinitionError } from './definition.types';
import {
  loadShippedDefinition,
  SHIPPED_DEFINITIONS,
  shippedDefinitionPath,
} from './shipped-definitions';
import { parseDefinition, validateDefinition } from './validate-definition';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function hangzhouDoc(): Doc {
  return parse(readFileSync(shippedDefinitionPath('hangzhou-city-craftsman'), 'utf8')) as Doc;
}

function errorsOf(doc: unknown): DefinitionError[] {
  const result = validateDefinition(doc);
  if (result.ok) throw new Error('expected the document to be invalid');
  return result.errors;
}

describe('shipped definitions', () => {
  it.each(SHIPPED_DEFINITIONS)('%s validates against schema and semantic checks', (name) => {
    const result = parseDefinition(readFileSync(shippedDefinitionPath(name), 'utf8'));
    expect(result).toMatchObject({ ok: true });
    expect(loadShippedDefinition(name).programme.code).toBeTruthy();
  });

  it('the Hangzhou scheme encodes each of the five principles somewhere', () => {
    const text = JSON.stringify(loadShippedDefinition('hangzhou-city-craftsman'));
    for (const p of ['quality', 'breadth', 'character', 'limitedNumbers', 'strength']) {
      expect(text).toContain(`"principle":"${p}"`);
    }
  });
});

describe('schema errors point at the offending path', () => {
  it('reports a wrong type at the exact rule property', () => {
    const doc = hangzhouDoc();
    doc.eligibility.rules[2].min = 'ten';
    expect(errorsOf(doc)).toContainEqual({
      path: '/eligibility/rules/2/min',
      message: 'must be number',
    });
  });

  it('reports a missing required property at the property path', () => {
    const doc = hangzhouDoc();
    delete doc.programme.name;
    expect(errorsOf(doc)).toContainEqual({ path: '/programme/name', message: 'is required' });
  });

  it('reports an unknown property instead of ignoring it', () => {
    const doc = hangzhouDoc();
    doc.stages[0].ownr = 'x';
    expect(errorsOf(doc)).toContainEqual({
      path: '/stages/0/ownr',
      message: 'is not an allowed property here',
    });
  });

  it('reports an unknown rule kind at its kind property, nested rules included', () => {
    const doc = hangzhouDoc();
    doc.eligibility.rules[5].rules[2].rules[0].kind = 'sometimes';
    expect(errorsOf(doc)).toEqual([
      { path: '/eligibility/rules/5/rules/2/rules/0/kind', message: 'unknown value "sometimes"' },
    ]);
  });

  it('reports every error at once (allErrors)', () => {
    const doc = hangzhouDoc();
    doc.version = 0;
    doc.tiers[0].quota = -1;
    const paths = errorsOf(doc).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['/version', '/tiers/0/quota']));
  });

  it('rejects an invalid calendar date format', () => {
    const doc = hangzhouDoc();
    doc.stages[0].calendar = { start: '2025-13-01' };
    expect(errorsOf(doc).map((e) => e.path)).toContain('/stages/0/calendar/start');
  });
});

describe('semantic checks point at the offending path', () => {
  const cases: [string, (doc: Doc) => void, DefinitionError][] = [
    [
      'duplicate rule ids',
      (d) => (d.eligibility.rules[1].rules[1].id = 'union-member'),
      {
        path: '/eligibility/rules/1/rules/1/id',
        message: 'duplicate rule id "union-member" (first at /eligibility/rules/0)',
      },
    ],
    [
      'a waiver naming an unknown rule',
      (d) => (d.eligibility.waivers[0].waives = ['years-in-sky']),
      {
        path: '/eligibility/waivers/0/waives/0',
        message: 'waives unknown rule "years-in-sky" (must be a rule under eligibility.rules)',
      },
    ],
    [
      'a waiver without targets',
      (d) => delete d.eligibility.waivers[0].waives,
      { path: '/eligibility/waivers/0/waives', message: 'a waiver must name the rules it waives' },
    ],
    [
      'waives outside the waivers section',
      (d) => (d.eligibility.rules[0].waives = ['mentoring']),
      {
        path: '/eligibility/rules/0/waives',
        message: 'only top-level rules under eligibility.waivers may waive',
      },
    ],
    [
      'an unknown dossier field',
      (d) => (d.eligibility.rules[0].field = 'unionMemberr'),
      { path: '/eligibility/rules/0/field', message: 'unknown dossier field "unionMemberr"' },
    ],
    [
      'min on a text field',
      (d) =>
        Object.assign(d.eligibility.rules[0], { field: 'occupation', equals: undefined, min: 3 }),
      {
        path: '/eligibility/rules/0/min',
        message: 'min needs a number, date or ordered enumeration field; "occupation" is text',
      },
    ],
    [
      'a value of the wrong type',
      (d) => (d.eligibility.rules[0].equals = 'yes'),
      {
        path: '/eligibility/rules/0/equals',
        message: 'must be true or false (field "unionMember")',
      },
    ],
    [
      'an unknown enumeration code',
      (d) => (d.eligibility.exclusions[1].in = ['S', 'Z']),
      {
        path: '/eligibility/exclusions/1/in/1',
        message: expect.stringContaining('must be one of A, B, C'),
      },
    ],
    [
      'yearsSince over a non-date field',
      (d) => (d.eligibility.rules[2].field = 'unionMember'),
      {
        path: '/eligibility/rules/2/field',
        message: '"unionMember" must be a date field, not boolean',
      },
    ],
    [
      'a count over a non-list field',
      (d) => (d.eligibility.rules[5].rules[1].list = 'narrative'),
      {
        path: '/eligibility/rules/5/rules/1/list',
        message: '"narrative" must be a list field, not text',
      },
    ],
    [
      'a count filter on an unknown item field',
      (d) => (d.eligibility.rules[5].rules[1].where = { majr: { equals: true } }),
      {
        path: '/eligibility/rules/5/rules/1/where/majr',
        message: 'unknown field "majr" in list "innovations"',
      },
    ],
    [
      'atLeast n above the number of rules',
      (d) => Object.assign(d.eligibility.rules[5], { kind: 'atLeast', n: 9 }),
      { path: '/eligibility/rules/5/n', message: 'is 9 but only 5 rules are listed' },
    ],
    [
      'tier quotas above the total',
      (d) => (d.selection.total = 39),
      { path: '/selection/total', message: 'is 39 but tier quotas add up to 40' },
    ],
    [
      'duplicate stage ids',
      (d) => (d.stages[1].id = 'qualification-check'),
      { path: '/stages/1', message: 'duplicate stage id "qualification-check"' },
    ],
    [
      'an undeclared principle',
      (d) => (d.stages[0].principle = 'speed'),
      { path: '/stages/0/principle', message: 'undeclared principle "speed"' },
    ],
    [
      'a rubric whose criteria do not add up',
      (d) => (d.stages[2].rubric.maxScore = 90),
      { path: '/stages/2/rubric/maxScore', message: 'is 90 but criteria add up to 100' },
    ],
    [
      'a join policy needing k',
      (d) => (d.stages[1].join = { policy: 'atLeast', k: 9 }),
      { path: '/stages/1/join/k', message: 'must be between 1 and 5 departments' },
    ],
    [
      'a veto held by an undeclared department',
      (d) => (d.stages[1].join = { policy: 'anyVetoRejects', vetoes: ['discipline', 'police'] }),
      { path: '/stages/1/join/vetoes/1', message: 'unknown department "police"' },
    ],
    [
      'vetoes under a policy without vetoes',
      (d) => (d.stages[1].join = { policy: 'all', vetoes: ['discipline'] }),
      { path: '/stages/1/join/vetoes', message: 'applies only to the anyVetoRejects policy' },
    ],
    [
      'k under a policy other than atLeast',
      (d) => (d.stages[1].join = { policy: 'all', k: 2 }),
      { path: '/stages/1/join/k', message: 'applies only to the atLeast policy' },
    ],
    [
      'a timeout default that is not a decision',
      (d) =>
        (d.stages[1].join = { policy: 'all', onTimeout: { action: 'default', decision: 'maybe' } }),
      { path: '/stages/1/join/onTimeout/decision', message: 'must be one of "approve", "reject"' },
    ],
    [
      'a timeout escalation without a target',
      (d) => (d.stages[1].join = { policy: 'all', onTimeout: { action: 'escalate' } }),
      { path: '/stages/1/join/onTimeout/to', message: 'is required' },
    ],
    [
      'an unknown timeout action',
      (d) => (d.stages[1].join = { policy: 'all', onTimeout: { action: 'ignore' } }),
      { path: '/stages/1/join/onTimeout/action', message: 'unknown value "ignore"' },
    ],
    [
      'stroke order without a name field',
      (d) => (d.selection.listOrder.nameField = 'birthDate'),
      {
        path: '/selection/listOrder/nameField',
        message: 'bySurnameStroke needs the id of a text field holding the name',
      },
    ],
    [
      'a selection constraint over an unknown field',
      (d) => (d.selection.constraints[0].where.field = 'sector'),
      { path: '/selection/constraints/0/where/field', message: 'unknown dossier field "sector"' },
    ],
  ];

  it.each(cases)('reports %s', (_name, breakIt, expected) => {
    const doc = hangzhouDoc();
    breakIt(doc);
    expect(errorsOf(doc)).toContainEqual(expected);
  });

  it('accepts the minimal fixture definition', () => {
    expect(validateDefinition(fixtureDefinition())).toMatchObject({ ok: true });
  });
});

describe('parseDefinition', () => {
  it('parses JSON as well as YAML', () => {
    expect(parseDefinition(JSON.stringify(fixtureDefinition()), 'json')).toMatchObject({
      ok: true,
    });
    expect(parseDefinition(JSON.stringify(fixtureDefinition()))).toMatchObject({ ok: true });
  });

  it('reports a syntax error at the document root with the parser message', () => {
    const result = parseDefinition('programme: [unclosed', 'yaml');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toMatchObject({
      path: '',
      message: expect.stringMatching(/^not valid YAML/),
    });
  });

  it('rejects a non-object document', () => {
    expect(parseDefinition('42', 'json')).toEqual({
      ok: false,
      errors: [{ path: '', message: 'must be object' }],
    });
  });
});

it('publishes a draft-07 schema with an $id for the API to serve', () => {
  expect(pipelineDefinitionSchema).toMatchObject({
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: expect.any(String),
  });
});

describe('reading limits', () => {
  const limits = { maxChars: 10_000, maxDepth: 8, maxAliases: 3 };

  it('refuses text over the length limit before parsing it', () => {
    expect(parseDefinition(`# ${'x'.repeat(10_000)}`, 'yaml', limits)).toEqual({
      ok: false,
      limit: 'characters',
      errors: [{ path: '', message: expect.stringMatching(/^characters: at most 10000/) }],
    });
  });

  it('refuses flow and block nesting past the depth limit, naming where', () => {
    const flow = parseDefinition(`a: ${'['.repeat(9)}${']'.repeat(9)}`, 'yaml', limits);
    expect(flow).toMatchObject({ ok: false, limit: 'depth' });
    const block = Array.from({ length: 9 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
    const nested = parseDefinition(`${block} end`, 'yaml', limits);
    expect(nested).toMatchObject({
      ok: false,
      limit: 'depth',
      errors: [{ message: expect.stringMatching(/^depth: at most 8 levels .*line 9/) }],
    });
    const json = parseDefinition(`{"a":${'{"b":'.repeat(8)}1${'}'.repeat(8)}}`, 'json', limits);
    expect(json).toMatchObject({ ok: false, limit: 'depth' });
  });

  it('refuses more aliases than allowed, and aliases that expand too far', () => {
    const many = parseDefinition('x: &x 1\na: *x\nb: *x\nc: *x\nd: *x', 'yaml', limits);
    expect(many).toMatchObject({
      ok: false,
      limit: 'aliases',
      errors: [{ message: expect.stringMatching(/^aliases: at most 3 aliases/) }],
    });
    const bomb = parseDefinition('a: &a [1, 2, 3, 4]\nb: &b [*a, *a, *a]', 'yaml', limits);
    expect(bomb).toMatchObject({ ok: false, limit: 'aliases' });
  });

  it('reads the shipped definitions within the default limits', () => {
    const text = readFileSync(shippedDefinitionPath('hangzhou-city-craftsman'), 'utf8');
    expect(parseDefinition(text).ok).toBe(true);
  });
});

describe('schemes as configuration', () => {
  it('refuses a routing hop naming an organisation kind that does not exist, with its path', () => {
    const doc = hangzhouDoc();
    doc.channels[0].routing[0].roles = ['districtUnion', 'townshipUnion'];
    expect(errorsOf(doc)).toEqual([
      {
        path: '/channels/0/routing/0/roles/1',
        message: expect.stringContaining('unknown organisation kind "townshipUnion"'),
      },
    ]);
  });

  it('refuses a hop held by a kind that never holds nominations', () => {
    const doc = hangzhouDoc();
    doc.channels[0].routing[0].roles = ['department'];
    expect(errorsOf(doc)[0]).toMatchObject({ path: '/channels/0/routing/0/roles/0' });
  });

  it('accepts any depth of real union chains (street → district → federation)', () => {
    const doc = hangzhouDoc();
    doc.channels[0].routing = [
      {
        id: 'own-unit',
        label: { zh: '单位排序', en: 'unit ranking' },
        roles: ['enterprise'],
        ranks: true,
      },
      { id: 'street', label: { zh: '街道工会', en: 'street union' }, roles: ['streetUnion'] },
      {
        id: 'district',
        label: { zh: '区总工会', en: 'district union' },
        roles: ['districtUnion'],
        ranks: true,
      },
      { id: 'city', label: { zh: '市总工会', en: 'city federation' }, roles: ['secretariat'] },
    ];
    expect(validateDefinition(doc)).toMatchObject({ ok: true });
  });

  it('checks the candidate block: identity fields exist and are required, the name is text', () => {
    const doc = hangzhouDoc();
    doc.candidate = {
      kind: 'team',
      identity: ['employer', 'nickname', 'contests'],
      displayName: 'unionMember',
    };
    expect(errorsOf(doc)).toEqual([
      { path: '/candidate/identity/1', message: 'unknown dossier field "nickname"' },
      { path: '/candidate/identity/2', message: expect.stringContaining('is a list') },
      { path: '/candidate/displayName', message: expect.stringContaining('text field') },
    ]);
  });

  it('needs a duration on a notice and known evidence kinds on endorsements', () => {
    const doc = hangzhouDoc();
    doc.channels[0].endorsements = [
      { id: 'notice', kind: 'notice', label: { zh: '公示', en: 'notice' } },
      { id: 'seal', kind: 'seal', label: { zh: '盖章', en: 'seal' }, evidence: 'stamp' },
    ];
    expect(errorsOf(doc)).toEqual([
      { path: '/channels/0/endorsements/0/duration', message: 'a notice needs its duration' },
      { path: '/channels/0/endorsements/1/evidence', message: 'unknown evidence kind "stamp"' },
    ]);
  });

  it('refuses another programme named only by its code (reasons show labels, never codes)', () => {
    const doc = hangzhouDoc();
    const ban = doc.eligibility.exclusions[2];
    ban.programmes = ['hangzhou-city-craftsman', 'zhejiang-craftsman'];
    expect(errorsOf(doc)).toEqual([
      { path: '/eligibility/exclusions/2/programmes/1', message: expect.stringContaining('label') },
    ]);
    ban.programmes[1] = {
      code: 'zhejiang-craftsman',
      label: { zh: '浙江工匠', en: 'Zhejiang Craftsman' },
    };
    expect(validateDefinition(doc)).toMatchObject({ ok: true });
  });

  it('refuses dates that do not exist in rule thresholds', () => {
    const doc = hangzhouDoc();
    doc.eligibility.rules.push({
      id: 'started-by',
      kind: 'field',
      label: { zh: '起始日期', en: 'start date' },
      field: 'skillStartDate',
      max: '2026-02-30',
    });
    expect(errorsOf(doc)[0]).toMatchObject({ path: '/eligibility/rules/6/max' });
  });
});
