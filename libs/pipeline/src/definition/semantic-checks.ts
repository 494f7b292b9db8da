// Cross-reference checks that JSON Schema cannot express. They run only on schema-valid documents,
// so the shapes below can be trusted; each error carries a JSON pointer.
import type {
  DefinitionError,
  DepartmentalReviewStage,
  DossierField,
  ExpertScoringStage,
  PipelineDefinition,
  RubricItem,
  SelectionRules,
  SelectionStage,
  ShortlistStage,
} from './definition.types';
import { dossierFieldMap, enumValues, listItemFieldMap } from './dossier-fields';
import { checkEligibility, checkItemFilter, checkRuleFields } from './rule-checks';
import { ORGANISATION_KINDS, ROUTING_KINDS } from '../reference/organisation-kinds';
import { RULE_SECTIONS, walkRule } from './rule-tree';

function checkUnique<T>(
  items: readonly T[] | undefined,
  key: (t: T) => string,
  path: string,
  what: string,
  errors: DefinitionError[],
) {
  const seen = new Set<string>();
  items?.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) errors.push({ path: `${path}/${i}`, message: `duplicate ${what} "${k}"` });
    seen.add(k);
  });
}

function checkFields(
  fields: readonly DossierField[],
  path: string,
  errors: DefinitionError[],
): void {
  checkUnique(fields, (f) => f.id, path, 'field id', errors);
  fields.forEach((f, i) => {
    const p = `${path}/${i}`;
    if (f.type === 'enum' && Boolean(f.builtin) === Boolean(f.values)) {
      errors.push({ path: p, message: 'an enumeration needs exactly one of builtin or values' });
    }
    if (f.type === 'enum' && f.builtin && f.ordered !== undefined) {
      errors.push({ path: `${p}/ordered`, message: 'built-in enumerations carry their own order' });
    }
    if (
      f.type === 'text' &&
      f.minLength !== undefined &&
      f.maxLength !== undefined &&
      f.minLength > f.maxLength
    ) {
      errors.push({ path: `${p}/minLength`, message: 'exceeds maxLength' });
    }
    if (f.type === 'number' && f.min !== undefined && f.max !== undefined && f.min > f.max) {
      errors.push({ path: `${p}/min`, message: 'exceeds max' });
    }
    if (f.type === 'list') checkFields(f.items, `${p}/items`, errors);
  });
}

function checkPrinciples(def: PipelineDefinition, errors: DefinitionError[]): void {
  const declared = new Set((def.principles ?? []).map((p) => p.id));
  const check = (tag: string | undefined, path: string) => {
    if (tag !== undefined && !declared.has(tag)) {
      errors.push({ path: `${path}/principle`, message: `undeclared principle "${tag}"` });
    }
  };
  def.tiers.forEach((t, i) => check(t.principle, `/tiers/${i}`));
  def.channels.forEach((c, i) => check(c.principle, `/channels/${i}`));
  def.stages.forEach((s, i) => {
    check(s.principle, `/stages/${i}`);
    if (s.kind === 'expertScoring') {
      s.rubric.criteria.forEach((c, j) => check(c.principle, `/stages/${i}/rubric/criteria/${j}`));
    }
  });
  for (const section of RULE_SECTIONS) {
    def.eligibility[section]?.forEach((root, i) =>
      walkRule(root, `/eligibility/${section}/${i}`, (r, p) => check(r.principle, p)),
    );
  }
  check(def.selection.principle, '/selection');
  def.selection.constraints?.forEach((c, i) => check(c.principle, `/selection/constraints/${i}`));
}

function checkLevelTable(
  field: DossierField | undefined,
  name: string,
  table: Record<string, number>,
  path: string,
  errors: DefinitionError[],
): void {
  if (field?.type !== 'enum') {
    errors.push({ path: `${path}/field`, message: `"${name}" is not an enumeration field` });
    return;
  }
  const codes = new Set(enumValues(field).map((v) => v.code));
  for (const code of Object.keys(table)) {
    if (!codes.has(code))
      errors.push({ path: `${path}/table/${code}`, message: `unknown value of "${field.id}"` });
  }
}

function checkRubricItem(
  def: PipelineDefinition,
  item: RubricItem,
  p: string,
  seen: Map<string, string>,
  errors: DefinitionError[],
): void {
  const fields = dossierFieldMap(def);
  const prior = seen.get(item.id);
  if (prior)
    errors.push({ path: `${p}/id`, message: `duplicate item id "${item.id}" (first at ${prior})` });
  else seen.set(item.id, p);
  switch (item.kind) {
    case 'perListItem': {
      const list = fields.get(item.list);
      const items = listItemFieldMap(list);
      if (!items) errors.push({ path: `${p}/list`, message: `"${item.list}" is not a list field` });
      checkItemFilter(list, item.where, `${p}/where`, errors);
      const ways = [item.points, item.tiered, item.levels].filter((w) => w !== undefined).length;
      if (ways !== 1) {
        errors.push({ path: p, message: 'needs exactly one of points, tiered or levels' });
      }
      if (item.levels && items) {
        const f = items.get(item.levels.field);
        checkLevelTable(f, item.levels.field, item.levels.table, `${p}/levels`, errors);
      }
      break;
    }
    case 'byLevel':
      checkLevelTable(fields.get(item.field), item.field, item.table, p, errors);
      break;
    case 'perEvidence':
      if (!def.dossier.evidence.some((e) => e.kind === item.evidence))
        errors.push({ path: `${p}/evidence`, message: `unknown evidence kind "${item.evidence}"` });
      break;
    case 'judged':
      if ((item.minPoints ?? 0) > item.maxPoints)
        errors.push({ path: `${p}/minPoints`, message: 'exceeds maxPoints' });
      break;
    case 'condition':
      checkRuleFields(item.when, `${p}/when`, fields, errors);
      break;
    case 'group':
      item.items.forEach((sub, k) => checkRubricItem(def, sub, `${p}/items/${k}`, seen, errors));
      break;
  }
}

function checkRubric(
  def: PipelineDefinition,
  stage: ExpertScoringStage,
  path: string,
  errors: DefinitionError[],
) {
  const fields = dossierFieldMap(def);
  const { rubric } = stage;
  const total = rubric.criteria.reduce((sum, c) => sum + c.maxPoints, 0);
  if (rubric.overallCap === undefined && total !== rubric.maxScore) {
    errors.push({
      path: `${path}/rubric/maxScore`,
      message: `is ${rubric.maxScore} but criteria add up to ${total}`,
    });
  }
  if (rubric.overallCap !== undefined && rubric.overallCap !== rubric.maxScore) {
    errors.push({ path: `${path}/rubric/overallCap`, message: 'must equal maxScore' });
  }
  if (rubric.overallCap !== undefined && total < rubric.overallCap) {
    errors.push({
      path: `${path}/rubric/overallCap`,
      message: `is ${rubric.overallCap} but criteria add up to only ${total}`,
    });
  }
  checkUnique(rubric.criteria, (c) => c.id, `${path}/rubric/criteria`, 'criterion id', errors);
  const seen = new Map<string, string>();
  rubric.criteria.forEach((c, i) =>
    c.items.forEach((item, j) =>
      checkRubricItem(def, item, `${path}/rubric/criteria/${i}/items/${j}`, seen, errors),
    ),
  );
  if (stage.aggregation.method === 'trimmedMean' && stage.aggregation.trim === undefined) {
    errors.push({ path: `${path}/aggregation/trim`, message: 'is required for trimmedMean' });
  }
  const perDossier = stage.expertsPerDossier ?? 3;
  const trim = stage.aggregation.method === 'trimmedMean' ? (stage.aggregation.trim ?? 0) : 0;
  if (2 * trim >= perDossier) {
    errors.push({
      path: `${path}/aggregation/trim`,
      message: `trims ${2 * trim} of ${perDossier} marks per dossier; at least one must remain`,
    });
  }
  if (stage.panelsBy !== undefined && !fields.has(stage.panelsBy)) {
    errors.push({ path: `${path}/panelsBy`, message: `unknown dossier field "${stage.panelsBy}"` });
  }
}

function checkJoinRule(
  stage: DepartmentalReviewStage,
  path: string,
  errors: DefinitionError[],
): void {
  const { join } = stage;
  if (join.k !== undefined && join.policy !== 'atLeast') {
    errors.push({ path: `${path}/k`, message: 'applies only to the atLeast policy' });
  }
  if (join.vetoes !== undefined && join.policy !== 'anyVetoRejects') {
    errors.push({ path: `${path}/vetoes`, message: 'applies only to the anyVetoRejects policy' });
  }
  const departments = new Set(stage.departments.map((d) => d.id));
  join.vetoes?.forEach((v, i) => {
    if (!departments.has(v))
      errors.push({ path: `${path}/vetoes/${i}`, message: `unknown department "${v}"` });
  });
  checkUnique(join.vetoes, (v) => v, `${path}/vetoes`, 'veto', errors);
  if (join.policy === 'escalateOnTimeout' && join.onTimeout !== undefined) {
    errors.push({
      path: `${path}/onTimeout`,
      message: 'escalateOnTimeout already says what happens on timeout; use policy all instead',
    });
  }
}

function checkStages(def: PipelineDefinition, errors: DefinitionError[]): void {
  checkUnique(def.stages, (s) => s.id, '/stages', 'stage id', errors);
  def.stages.forEach((s, i) => {
    const path = `/stages/${i}`;
    const cal = s.calendar;
    if (cal?.start && cal.due && cal.start > cal.due) {
      errors.push({ path: `${path}/calendar/due`, message: 'is before the start date' });
    }
    if (s.kind === 'departmentalReview') {
      checkUnique(s.departments, (d) => d.id, `${path}/departments`, 'department id', errors);
      if (
        s.join.policy === 'atLeast' &&
        (s.join.k === undefined || s.join.k > s.departments.length)
      ) {
        errors.push({
          path: `${path}/join/k`,
          message: `must be between 1 and ${s.departments.length} departments`,
        });
      }
      if (s.join.policy === 'escalateOnTimeout' && !s.join.escalateTo) {
        errors.push({
          path: `${path}/join/escalateTo`,
          message: 'is required for escalateOnTimeout',
        });
      }
      checkJoinRule(s, `${path}/join`, errors);
    }
    if (s.kind === 'expertScoring') checkRubric(def, s, path, errors);
    if (s.kind === 'selection' || s.kind === 'shortlist') checkSelecting(def, s, i, errors);
  });
}

/** A selection or shortlist ranks by an expert scoring stage before it; a shortlist's own rules. */
function checkSelecting(
  def: PipelineDefinition,
  s: SelectionStage | ShortlistStage,
  i: number,
  errors: DefinitionError[],
): void {
  const path = `/stages/${i}`;
  const scoring = def.stages
    .slice(0, i)
    .some(
      (x) => x.kind === 'expertScoring' && (s.scoresFrom === undefined || x.id === s.scoresFrom),
    );
  if (!scoring) {
    errors.push({
      path: s.scoresFrom === undefined ? path : `${path}/scoresFrom`,
      message: 'needs an expert scoring stage before it to rank its candidates',
    });
  }
  if (s.kind === 'shortlist') checkRules(s, path, dossierFieldMap(def), errors);
}

/** Floors, caps and tie-breakers of a selection, or of a shortlist stage's own rules. */
function checkRules(
  rules: Pick<SelectionRules, 'total' | 'constraints' | 'tieBreakers'>,
  base: string,
  fields: ReturnType<typeof dossierFieldMap>,
  errors: DefinitionError[],
): void {
  checkUnique(rules.constraints, (c) => c.id, `${base}/constraints`, 'constraint id', errors);
  // The selection engine keys candidates by their membership of every floor and cap in 31 bits.
  const withWhere = (rules.constraints ?? []).filter((c) => c.kind !== 'capPerValue').length;
  if (withWhere > 31) {
    errors.push({
      path: `${base}/constraints`,
      message: `has ${withWhere} floors and caps; at most 31 are supported`,
    });
  }
  rules.constraints?.forEach((c, i) => {
    const path = `${base}/constraints/${i}`;
    if (c.kind === 'capPerValue') {
      if (!fields.has(c.field))
        errors.push({ path: `${path}/field`, message: `unknown dossier field "${c.field}"` });
      return;
    }
    checkRuleFields(c.where, `${path}/where`, fields, errors);
    if (c.kind === 'floor' && c.minShare === undefined && c.minCount === undefined) {
      errors.push({ path, message: 'a floor needs minShare or minCount' });
    }
    if (c.kind === 'floor' && (c.minCount ?? 0) > rules.total) {
      errors.push({ path: `${path}/minCount`, message: `exceeds the total of ${rules.total}` });
    }
    if (c.kind === 'cap' && c.maxShare === undefined && c.maxCount === undefined) {
      errors.push({ path, message: 'a cap needs maxShare or maxCount' });
    }
  });
  rules.tieBreakers?.forEach((t, i) => {
    if (!fields.has(t.field))
      errors.push({
        path: `${base}/tieBreakers/${i}/field`,
        message: `unknown dossier field "${t.field}"`,
      });
  });
}

function checkSelection(def: PipelineDefinition, errors: DefinitionError[]): void {
  const sel = def.selection;
  const fields = dossierFieldMap(def);
  const quotas = def.tiers.reduce((sum, t) => sum + t.quota, 0);
  if (quotas > sel.total) {
    errors.push({
      path: '/selection/total',
      message: `is ${sel.total} but tier quotas add up to ${quotas}`,
    });
  }
  checkRules(sel, '/selection', fields, errors);
  if (sel.listOrder.by === 'bySurnameStroke') {
    const name = sel.listOrder.nameField;
    if (name === undefined || fields.get(name)?.type !== 'text') {
      errors.push({
        path: '/selection/listOrder/nameField',
        message: 'bySurnameStroke needs the id of a text field holding the name',
      });
    }
  }
}

/** Identity and display fields exist, are top-level values, and identity fields are required. */
function checkCandidate(def: PipelineDefinition, errors: DefinitionError[]): void {
  const spec = def.candidate;
  if (!spec) return;
  const fields = dossierFieldMap(def);
  checkUnique(spec.identity, (f) => f, '/candidate/identity', 'identity field', errors);
  spec.identity.forEach((id, i) => {
    const f = fields.get(id);
    const path = `/candidate/identity/${i}`;
    if (!f) errors.push({ path, message: `unknown dossier field "${id}"` });
    else if (f.type === 'list')
      errors.push({ path, message: `"${id}" is a list; an identity is made of single values` });
    else if (!f.required)
      errors.push({ path, message: `"${id}" identifies the candidate, so it must be required` });
  });
  const name = fields.get(spec.displayName);
  if (name?.type !== 'text') {
    errors.push({
      path: '/candidate/displayName',
      message: `must name a text field holding the ${spec.kind}'s name`,
    });
  }
}

/**
 * Routing hops name organisation kinds that exist and can hold a nomination; endorsements say
 * how long a notice runs and name evidence kinds the dossier declares.
 */
function checkChannels(def: PipelineDefinition, errors: DefinitionError[]): void {
  const known = new Set<string>(ORGANISATION_KINDS);
  const routable = new Set<string>(ROUTING_KINDS);
  const evidence = new Set(def.dossier.evidence.map((e) => e.kind));
  def.channels.forEach((c, i) => {
    const path = `/channels/${i}`;
    checkUnique(c.routing, (h) => h.id, `${path}/routing`, 'hop id', errors);
    c.routing?.forEach((hop, j) =>
      hop.roles.forEach((role, k) => {
        const p = `${path}/routing/${j}/roles/${k}`;
        if (!known.has(role))
          errors.push({
            path: p,
            message: `unknown organisation kind "${role}" (one of ${ORGANISATION_KINDS.join(', ')})`,
          });
        else if (!routable.has(role))
          errors.push({ path: p, message: `a ${role} does not hold nominations on their way up` });
      }),
    );
    checkUnique(c.endorsements, (e) => e.id, `${path}/endorsements`, 'endorsement id', errors);
    c.endorsements?.forEach((e, j) => {
      const p = `${path}/endorsements/${j}`;
      if (e.kind === 'notice' && !e.duration)
        errors.push({ path: `${p}/duration`, message: 'a notice needs its duration' });
      if (e.kind !== 'notice' && e.duration)
        errors.push({
          path: `${p}/duration`,
          message: `applies only to a notice, not a ${e.kind}`,
        });
      if (e.evidence !== undefined && !evidence.has(e.evidence))
        errors.push({ path: `${p}/evidence`, message: `unknown evidence kind "${e.evidence}"` });
    });
  });
}

export function checkSemantics(def: PipelineDefinition): DefinitionError[] {
  const errors: DefinitionError[] = [];
  checkFields(def.dossier.fields, '/dossier/fields', errors);
  checkUnique(def.dossier.evidence, (e) => e.kind, '/dossier/evidence', 'evidence kind', errors);
  checkUnique(def.principles, (p) => p.id, '/principles', 'principle id', errors);
  checkUnique(def.tiers, (t) => t.id, '/tiers', 'tier id', errors);
  checkUnique(def.channels, (c) => c.id, '/channels', 'channel id', errors);
  checkCandidate(def, errors);
  checkChannels(def, errors);
  checkPrinciples(def, errors);
  checkEligibility(def, errors);
  checkStages(def, errors);
  checkSelection(def, errors);
  return errors;
}
