import type {
  Constraint,
  DefinitionError,
  DossierField,
  PipelineDefinition,
  PriorAwardRule,
  Rule,
  Scalar,
} from './definition.types';
import { dossierFieldMap, enumValues, isOrderedEnum, listItemFieldMap } from './dossier-fields';
import { parseIsoDate } from '../derive/dates';
import { RULE_SECTIONS, walkRule } from './rule-tree';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function valueFits(field: DossierField, value: Scalar): string | undefined {
  switch (field.type) {
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be true or false';
    case 'number':
      return typeof value === 'number' ? undefined : 'must be a number';
    case 'date':
      return typeof value === 'string' && ISO_DATE.test(value) && parseIsoDate(value)
        ? undefined
        : 'must be a YYYY-MM-DD date';
    case 'text':
    case 'idNumber':
      return typeof value === 'string' ? undefined : 'must be a string';
    case 'enum': {
      const codes = enumValues(field).map((v) => v.code);
      return codes.includes(String(value)) ? undefined : `must be one of ${codes.join(', ')}`;
    }
    case 'list':
      return 'a list field cannot be compared with a value; use a count rule';
  }
}

/** Checks that a comparison makes sense for the field's type (e.g. min needs an ordered type). */
export function checkConstraint(
  field: DossierField,
  c: Constraint,
  path: string,
  errors: DefinitionError[],
): void {
  const ordered = field.type === 'number' || field.type === 'date' || isOrderedEnum(field);
  for (const key of ['min', 'max'] as const) {
    const v = c[key];
    if (v === undefined) continue;
    if (!ordered) {
      errors.push({
        path: `${path}/${key}`,
        message: `${key} needs a number, date or ordered enumeration field; "${field.id}" is ${field.type}`,
      });
      continue;
    }
    const problem = valueFits(field, v);
    if (problem)
      errors.push({ path: `${path}/${key}`, message: `${problem} (field "${field.id}")` });
  }
  if (c.equals !== undefined) {
    const problem = valueFits(field, c.equals);
    if (problem)
      errors.push({ path: `${path}/equals`, message: `${problem} (field "${field.id}")` });
  }
  for (const key of ['in', 'notIn'] as const) {
    c[key]?.forEach((v, i) => {
      const problem = valueFits(field, v);
      if (problem)
        errors.push({ path: `${path}/${key}/${i}`, message: `${problem} (field "${field.id}")` });
    });
  }
}

function checkBounds(
  rule: { min?: unknown; max?: unknown },
  path: string,
  errors: DefinitionError[],
) {
  if (rule.min === undefined && rule.max === undefined) {
    errors.push({ path, message: 'needs min or max' });
  }
}

function checkFieldRule(
  rule: Rule,
  path: string,
  fields: Map<string, DossierField>,
  errors: DefinitionError[],
): void {
  const need = (id: string, key: string): DossierField | undefined => {
    const f = fields.get(id);
    if (!f) errors.push({ path: `${path}/${key}`, message: `unknown dossier field "${id}"` });
    return f;
  };
  switch (rule.kind) {
    case 'field': {
      const f = need(rule.field, 'field');
      if (f) checkConstraint(f, rule, path, errors);
      const hasTest = ['equals', 'in', 'notIn', 'min', 'max'].some(
        (k) => (rule as unknown as Record<string, unknown>)[k] !== undefined,
      );
      if (!hasTest) errors.push({ path, message: 'needs one of equals, in, notIn, min, max' });
      return;
    }
    case 'age':
    case 'yearsSince': {
      const f = need(rule.field, 'field');
      if (f && f.type !== 'date') {
        errors.push({
          path: `${path}/field`,
          message: `"${f.id}" must be a date field, not ${f.type}`,
        });
      }
      checkBounds(rule, path, errors);
      return;
    }
    case 'count': {
      const f = need(rule.list, 'list');
      if (f && f.type !== 'list') {
        errors.push({
          path: `${path}/list`,
          message: `"${f.id}" must be a list field, not ${f.type}`,
        });
      }
      checkItemFilter(f, rule.where, `${path}/where`, errors);
      checkYearField(rule, f, path, errors);
      checkBounds(rule, path, errors);
      return;
    }
    case 'atLeast':
      if (rule.n > rule.rules.length) {
        errors.push({
          path: `${path}/n`,
          message: `is ${rule.n} but only ${rule.rules.length} rules are listed`,
        });
      }
      return;
    default:
      return;
  }
}

export function checkItemFilter(
  list: DossierField | undefined,
  where: Record<string, Constraint> | undefined,
  path: string,
  errors: DefinitionError[],
): void {
  const items = listItemFieldMap(list);
  if (!items || !where) return;
  for (const [key, c] of Object.entries(where)) {
    const f = items.get(key);
    if (!f)
      errors.push({
        path: `${path}/${key}`,
        message: `unknown field "${key}" in list "${list!.id}"`,
      });
    else checkConstraint(f, c, `${path}/${key}`, errors);
  }
}

function checkYearField(
  rule: { withinYears?: number; yearField?: string },
  list: DossierField | undefined,
  path: string,
  errors: DefinitionError[],
): void {
  if (rule.withinYears !== undefined && rule.yearField === undefined) {
    errors.push({ path: `${path}/yearField`, message: 'is required when withinYears is set' });
  }
  const items = listItemFieldMap(list);
  if (!items || rule.yearField === undefined) return;
  const f = items.get(rule.yearField);
  if (!f || (f.type !== 'number' && f.type !== 'date')) {
    errors.push({
      path: `${path}/yearField`,
      message: `"${rule.yearField}" must be a number or date field of list "${list!.id}"`,
    });
  }
}

/** Checks a stand-alone rule tree (e.g. a selection constraint's `where`) against the dossier. */
export function checkRuleFields(
  rule: Rule,
  path: string,
  fields: Map<string, DossierField>,
  errors: DefinitionError[],
): void {
  walkRule(rule, path, (r, p) => checkFieldRule(r, p, fields, errors));
}

/** Reasons name programmes by label: another programme must come with its label. */
function checkPriorAward(
  def: PipelineDefinition,
  rule: PriorAwardRule,
  path: string,
  errors: DefinitionError[],
): void {
  rule.programmes?.forEach((p, i) => {
    if (typeof p === 'string' && p !== def.programme.code) {
      errors.push({
        path: `${path}/programmes/${i}`,
        message: `name programme "${p}" with its label: { code: ${p}, label: { zh, en } }`,
      });
    }
  });
}

/** Rule ids unique, waiver targets exist, waives only on waivers, fields exist with fitting types. */
export function checkEligibility(def: PipelineDefinition, errors: DefinitionError[]): void {
  const fields = dossierFieldMap(def);
  const firstSeen = new Map<string, string>();
  const requirementIds = new Set<string>();
  for (const section of RULE_SECTIONS) {
    def.eligibility[section]?.forEach((root, i) => {
      const rootPath = `/eligibility/${section}/${i}`;
      if (section === 'waivers' && !root.waives) {
        errors.push({
          path: `${rootPath}/waives`,
          message: 'a waiver must name the rules it waives',
        });
      }
      walkRule(root, rootPath, (rule, path) => {
        const prior = firstSeen.get(rule.id);
        if (prior)
          errors.push({
            path: `${path}/id`,
            message: `duplicate rule id "${rule.id}" (first at ${prior})`,
          });
        else firstSeen.set(rule.id, path);
        if (section === 'rules') requirementIds.add(rule.id);
        if (rule.waives && !(section === 'waivers' && rule === root)) {
          errors.push({
            path: `${path}/waives`,
            message: 'only top-level rules under eligibility.waivers may waive',
          });
        }
        checkFieldRule(rule, path, fields, errors);
        if (rule.kind === 'priorAward') checkPriorAward(def, rule, path, errors);
      });
    });
  }
  def.eligibility.waivers?.forEach((w, i) =>
    w.waives?.forEach((target, j) => {
      if (!requirementIds.has(target)) {
        errors.push({
          path: `/eligibility/waivers/${i}/waives/${j}`,
          message: `waives unknown rule "${target}" (must be a rule under eligibility.rules)`,
        });
      }
    }),
  );
}
