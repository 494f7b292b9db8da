// Candidates as a caller hands them over (a JSON file, a stage's rows) are checked before anything
// is selected: a bad score or a duplicate id is an error naming the candidate, never a silent pick.
import type { ConstraintSet } from './constraint-set';
import type { SelectionCandidate } from './selection.types';

export interface CandidateError {
  /** JSON pointer into the candidate list, e.g. /3/score. */
  path: string;
  message: string;
}

export class SelectionInputError extends Error {
  constructor(readonly errors: CandidateError[]) {
    super(errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
    this.name = 'SelectionInputError';
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalar = (v: unknown) =>
  typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

const validCriteria = (v: unknown) =>
  isRecord(v) && Object.values(v).every((x) => typeof x === 'number' && Number.isFinite(x));

function checkScore(
  c: Record<string, unknown>,
  path: string,
  cs: ConstraintSet,
  errors: CandidateError[],
): void {
  const score = c.score;
  if (typeof score === 'number' && score >= 0 && (cs.maxScore === null || score <= cs.maxScore))
    return; // the common case, without building any message
  const who = typeof c.id === 'string' ? `candidate "${c.id}"` : 'this candidate';
  const needed = c.eligible !== false && c.directRecognition !== true;
  if (c.score === undefined || c.score === null) {
    if (needed)
      errors.push({ path: `${path}/score`, message: `${who} has no score but needs one` });
    return;
  }
  if (typeof c.score !== 'number' || !Number.isFinite(c.score)) {
    errors.push({ path: `${path}/score`, message: `${who}: score must be a finite number` });
  } else if (c.score < 0 || (cs.maxScore !== null && c.score > cs.maxScore)) {
    const range = cs.maxScore === null ? 'at least 0' : `between 0 and ${cs.maxScore}`;
    errors.push({ path: `${path}/score`, message: `${who}: score ${c.score} must be ${range}` });
  }
}

/** Checks a candidate list; returns it typed, or throws SelectionInputError listing every problem. */
export function validateCandidates(input: unknown, cs: ConstraintSet): SelectionCandidate[] {
  if (!Array.isArray(input))
    throw new SelectionInputError([{ path: '', message: 'must be an array of candidates' }]);
  const errors: CandidateError[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < input.length; i++) {
    const c: unknown = input[i];
    const path = `/${i}`;
    if (!isRecord(c)) {
      errors.push({ path, message: 'must be an object' });
      continue;
    }
    if (typeof c.id !== 'string' || c.id === '') {
      errors.push({ path: `${path}/id`, message: 'must be a non-empty string' });
    } else if (seen.has(c.id)) {
      errors.push({
        path: `${path}/id`,
        message: `duplicate candidate id "${c.id}" (also at /${seen.get(c.id)})`,
      });
    } else seen.set(c.id, i);
    if (c.eligible !== undefined && typeof c.eligible !== 'boolean')
      errors.push({ path: `${path}/eligible`, message: 'must be true or false' });
    if (c.directRecognition !== undefined && typeof c.directRecognition !== 'boolean')
      errors.push({ path: `${path}/directRecognition`, message: 'must be true or false' });
    checkScore(c, path, cs, errors);
    if (!isRecord(c.dossier)) {
      errors.push({ path: `${path}/dossier`, message: 'must be an object' });
      continue;
    }
    if (c.criteria !== undefined && !validCriteria(c.criteria))
      errors.push({ path: `${path}/criteria`, message: 'must map criterion ids to numbers' });
    const competing =
      c.eligible !== false &&
      (c.directRecognition === true ||
        cs.scoreFloor === null ||
        (typeof c.score === 'number' && c.score >= cs.scoreFloor));
    if (!competing) continue;
    for (const cap of cs.perValue) {
      if (!isScalar(c.dossier[cap.field])) {
        errors.push({
          path: `${path}/dossier/${cap.field}`,
          message: `missing or not a single value, but "${cap.label.en}" needs it`,
        });
      }
    }
  }
  if (errors.length > 0) throw new SelectionInputError(errors);
  return input as SelectionCandidate[];
}
