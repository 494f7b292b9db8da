// The published JSON Schema (draft-07) for pipeline definition documents. Built from small helpers
// so each branch stays readable; every object is closed (additionalProperties: false) so a typo in a
// definition is reported instead of silently ignored.

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/definitions/${name}` });
const int = (minimum = 0): Schema => ({ type: 'integer', minimum });
const num = (minimum?: number): Schema =>
  minimum === undefined ? { type: 'number' } : { type: 'number', minimum };
const bool: Schema = { type: 'boolean' };
const str: Schema = { type: 'string', minLength: 1 };
const date: Schema = { type: 'string', format: 'date' };
const arr = (items: Schema, minItems = 0): Schema => ({ type: 'array', items, minItems });
const strEnum = (...values: string[]): Schema => ({ type: 'string', enum: values });

function obj(properties: Schema, required: string[] = []): Schema {
  return { type: 'object', properties, required, additionalProperties: false };
}

/** A tagged union: Ajv's discriminator reports errors of the matching branch only. */
function union(tag: string, branches: Record<string, Schema>, common: Schema, required: string[]) {
  return {
    type: 'object',
    properties: { [tag]: { type: 'string' } },
    required: [tag],
    discriminator: { propertyName: tag },
    oneOf: Object.entries(branches).map(([value, own]) =>
      obj({ ...common, [tag]: { const: value }, ...own }, [tag, ...required]),
    ),
  };
}

const id = ref('id');
const text = ref('localizedText');
const principle = ref('id');
const numberOrString: Schema = { type: ['number', 'string'] };
const bounds = { min: num(), max: num() };

const ruleCommon = { id, label: text, principle, waives: arr(id, 1) };
const rule = union(
  'kind',
  {
    field: {
      field: id,
      unit: text,
      equals: ref('scalar'),
      in: arr(ref('scalar'), 1),
      notIn: arr(ref('scalar'), 1),
      min: numberOrString,
      max: numberOrString,
    },
    age: { field: id, ...bounds },
    yearsSince: { field: id, ...bounds },
    count: {
      list: id,
      where: { type: 'object', additionalProperties: ref('constraint') },
      withinYears: int(1),
      yearField: id,
      unit: text,
      ...bounds,
    },
    priorAward: {
      programmes: arr({ oneOf: [str, obj({ code: str, label: text }, ['code', 'label'])] }, 1),
      tiers: arr(id, 1),
      withinYears: int(1),
    },
    allOf: { rules: arr(ref('rule'), 1) },
    anyOf: { rules: arr(ref('rule'), 1) },
    atLeast: { n: int(1), rules: arr(ref('rule'), 1) },
    not: { rule: ref('rule') },
  },
  ruleCommon,
  ['id', 'label'],
);
const ruleRequired: Record<string, string[]> = {
  field: ['field'],
  age: ['field'],
  yearsSince: ['field'],
  count: ['list'],
  allOf: ['rules'],
  anyOf: ['rules'],
  atLeast: ['n', 'rules'],
  not: ['rule'],
};
for (const branch of rule.oneOf) {
  const kind = (branch.properties as { kind: { const: string } }).kind.const;
  (branch.required as string[]).push(...(ruleRequired[kind] ?? []));
}

const fieldCommon = {
  id,
  label: text,
  required: bool,
  pii: bool,
  public: bool,
  identifying: bool,
};
const scalarFieldBranches = {
  text: { minLength: int(0), maxLength: int(1) },
  number: { ...bounds, integer: bool },
  date: { past: bool },
  idNumber: {},
  boolean: {},
  enum: {
    builtin: strEnum('skillLevel', 'industrySection'),
    values: arr(obj({ code: str, label: text }, ['code', 'label']), 1),
    ordered: bool,
  },
};
const scalarField = union('type', scalarFieldBranches, fieldCommon, ['id', 'label']);
const field = union(
  'type',
  {
    ...scalarFieldBranches,
    list: { items: arr(ref('scalarField'), 1), minItems: int(0), maxItems: int(1) },
  },
  fieldCommon,
  ['id', 'label'],
);
(field.oneOf.at(-1)!.required as string[]).push('items');

const duration = obj({ days: int(1), dayKind: strEnum('calendar', 'working') }, [
  'days',
  'dayKind',
]);
const checklist = arr(obj({ id, label: text }, ['id', 'label']));

const channel = obj(
  {
    id,
    kind: strEnum(
      'unit',
      'districtUnion',
      'industryUnion',
      'association',
      'otherPerson',
      'selfNomination',
      'publicTipOff',
    ),
    label: text,
    principle,
    perUnitCap: int(1),
    rankingRequired: bool,
    forwardIneligible: bool,
    endorsements: arr(
      obj(
        { id, kind: strEnum('notice', 'approval', 'seal'), label: text, duration, evidence: id },
        ['id', 'kind', 'label'],
      ),
    ),
    routing: arr(
      obj({ id, label: text, roles: arr(str, 1), ranks: bool }, ['id', 'label', 'roles']),
    ),
    referees: obj({ count: int(1), label: text }, ['count', 'label']),
  },
  ['id', 'kind', 'label'],
);

const rubricItem = union(
  'kind',
  {
    judged: { maxPoints: num(0), minPoints: num(0) },
    perListItem: {
      list: id,
      where: { type: 'object', additionalProperties: ref('constraint') },
      points: num(0),
      tiered: arr(num(0), 1),
      levels: ref('levelTable'),
      cap: num(0),
      countOnce: bool,
    },
    byLevel: { field: id, table: { type: 'object', additionalProperties: num(0) } },
    perEvidence: { evidence: id, points: num(0), cap: num(0) },
    condition: { when: ref('rule'), points: num(0) },
    group: { cap: num(0), items: arr(ref('rubricItem'), 1) },
  },
  { id, label: text },
  ['id', 'label'],
);
const rubricItemRequired: Record<string, string[]> = {
  judged: ['maxPoints'],
  perListItem: ['list'],
  byLevel: ['field', 'table'],
  perEvidence: ['evidence', 'points'],
  condition: ['when', 'points'],
  group: ['cap', 'items'],
};
for (const branch of rubricItem.oneOf) {
  const kind = (branch.properties as { kind: { const: string } }).kind.const;
  (branch.required as string[]).push(...rubricItemRequired[kind]);
}

const stageCommon = {
  id,
  label: text,
  owner: str,
  principle,
  calendar: obj({ start: date, due: date, duration }),
};
const share = { type: 'number', minimum: 0, maximum: 1 };
const selectionConstraint = union(
  'kind',
  {
    floor: { where: ref('rule'), minShare: share, minCount: int(1) },
    cap: { where: ref('rule'), maxShare: share, maxCount: int(0) },
    capPerValue: { field: id, maxCount: int(1) },
  },
  { id, label: text, principle },
  ['id', 'label'],
);
for (const branch of selectionConstraint.oneOf) {
  const kind = (branch.properties as { kind: { const: string } }).kind.const;
  const own = kind === 'capPerValue' ? ['field', 'maxCount'] : ['where'];
  (branch.required as string[]).push(...own);
}

const stageBranches: Record<string, [Schema, string[]]> = {
  qualificationCheck: [{ checklist }, []],
  departmentalReview: [
    {
      departments: arr(
        obj({ id, label: text, role: str, checklist }, ['id', 'label', 'role', 'checklist']),
        1,
      ),
      join: obj(
        {
          policy: strEnum('all', 'atLeast', 'anyVetoRejects', 'escalateOnTimeout'),
          k: int(1),
          escalateTo: str,
          vetoes: arr(id, 1),
          onTimeout: {
            type: 'object',
            properties: { action: { type: 'string' } },
            required: ['action'],
            discriminator: { propertyName: 'action' },
            oneOf: [
              obj({ action: { const: 'escalate' }, to: str }, ['action', 'to']),
              obj({ action: { const: 'default' }, decision: strEnum('approve', 'reject') }, [
                'action',
                'decision',
              ]),
            ],
          },
        },
        ['policy'],
      ),
      informationRequest: obj({ duration }, ['duration']),
    },
    ['departments', 'join'],
  ],
  expertScoring: [
    {
      rubric: obj(
        {
          maxScore: num(0),
          criteria: arr(
            obj(
              { id, label: text, maxPoints: num(0), principle, items: arr(ref('rubricItem'), 1) },
              ['id', 'label', 'maxPoints', 'items'],
            ),
            1,
          ),
          overallCap: num(0),
        },
        ['maxScore', 'criteria'],
      ),
      aggregation: obj(
        {
          method: strEnum('mean', 'median', 'trimmedMean'),
          trim: int(1),
          normalisePerExpert: bool,
        },
        ['method'],
      ),
      arbitration: obj(
        {
          spreadThreshold: num(0),
          owner: str,
          resolution: strEnum('replace', 'meanWithPanel'),
        },
        ['spreadThreshold', 'owner'],
      ),
      blind: bool,
      expertsPerDossier: int(1),
      panelsBy: id,
    },
    ['rubric', 'aggregation'],
  ],
  verification: [{ methods: arr(strEnum('onSite', 'video', 'phone'), 1) }, ['methods']],
  publicVote: [
    {
      antiRigging: obj(
        { zeroRiggedCounts: bool, maxVotesPerVoterPerDay: int(1), verifiedPhone: bool },
        ['zeroRiggedCounts', 'maxVotesPerVoterPerDay'],
      ),
      weightInScore: { type: 'number', minimum: 0, maximum: 1 },
    },
    ['antiRigging'],
  ],
  approval: [{ approver: str }, ['approver']],
  publicNotice: [
    {
      duration,
      objections: obj(
        {
          realNameRequired: bool,
          contactRequired: bool,
          unitSealRequired: bool,
          lateRefused: bool,
        },
        ['realNameRequired', 'contactRequired', 'unitSealRequired', 'lateRefused'],
      ),
    },
    ['duration', 'objections'],
  ],
  release: [{}, []],
  selection: [{ scoresFrom: id }, []],
  shortlist: [
    {
      scoresFrom: id,
      total: int(1),
      scoreFloor: num(),
      constraints: arr(selectionConstraint),
      tieBreakers: arr(obj({ field: id, order: strEnum('asc', 'desc') }, ['field', 'order'])),
    },
    ['total'],
  ],
};
const stage = union(
  'kind',
  Object.fromEntries(Object.entries(stageBranches).map(([k, [props]]) => [k, props])),
  stageCommon,
  ['id', 'label', 'owner'],
);
for (const branch of stage.oneOf) {
  const kind = (branch.properties as { kind: { const: string } }).kind.const;
  (branch.required as string[]).push(...stageBranches[kind][1]);
}

export const pipelineDefinitionSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'urn:craftcert:pipeline-definition:1',
  title: 'craftcert pipeline definition',
  type: 'object',
  definitions: {
    id: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_-]*$' },
    localizedText: obj({ zh: str, en: str }, ['zh', 'en']),
    scalar: { type: ['string', 'number', 'boolean'] },
    constraint: {
      type: 'object',
      properties: {
        equals: ref('scalar'),
        in: arr(ref('scalar'), 1),
        notIn: arr(ref('scalar'), 1),
        min: numberOrString,
        max: numberOrString,
      },
      additionalProperties: false,
      minProperties: 1,
    },
    rule,
    scalarField,
    rubricItem,
    levelTable: obj({ field: id, table: { type: 'object', additionalProperties: num(0) } }, [
      'field',
      'table',
    ]),
  },
  properties: {
    programme: obj(
      {
        code: id,
        name: text,
        level: strEnum('enterprise', 'district', 'city', 'province', 'national'),
        cadence: obj({ everyYears: int(1) }, ['everyYears']),
      },
      ['code', 'name', 'level', 'cadence'],
    ),
    version: int(1),
    candidate: obj(
      { kind: strEnum('person', 'team', 'studio'), identity: arr(id, 1), displayName: id },
      ['kind', 'identity', 'displayName'],
    ),
    principles: arr(obj({ id, label: text, statement: text }, ['id', 'label'])),
    tiers: arr(
      obj({ id, label: text, quota: int(1), principle, awardYuan: num(0) }, [
        'id',
        'label',
        'quota',
      ]),
      1,
    ),
    dossier: obj(
      {
        fields: arr(field, 1),
        evidence: arr(
          obj(
            {
              kind: id,
              label: text,
              maxSizeBytes: int(1),
              formats: arr(str, 1),
              minCount: int(0),
              maxCount: int(1),
              identifying: bool,
            },
            ['kind', 'label', 'maxSizeBytes', 'formats'],
          ),
        ),
      },
      ['fields', 'evidence'],
    ),
    channels: arr(channel, 1),
    eligibility: obj(
      {
        rules: arr(ref('rule'), 1),
        waivers: arr(ref('rule')),
        exclusions: arr(ref('rule')),
        directRecognition: arr(ref('rule')),
      },
      ['rules'],
    ),
    stages: arr(stage, 1),
    selection: obj(
      {
        total: int(1),
        scoreFloor: num(),
        principle,
        constraints: arr(selectionConstraint),
        tieBreakers: arr(obj({ field: id, order: strEnum('asc', 'desc') }, ['field', 'order'])),
        listOrder: obj({ by: strEnum('byScore', 'bySurnameStroke'), nameField: id }, ['by']),
      },
      ['total', 'listOrder'],
    ),
  },
  required: [
    'programme',
    'version',
    'tiers',
    'dossier',
    'channels',
    'eligibility',
    'stages',
    'selection',
  ],
  additionalProperties: false,
} as const;
