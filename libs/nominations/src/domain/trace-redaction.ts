import type { EligibilityResult, PipelineDefinition } from '@craftcert/pipeline';
import { personalFieldIds } from './dossier-codec';

const HIDDEN = '***';

/**
 * The stored and served trace must not carry personal data in the clear: for rules that read a
 * personal field, the raw values are replaced in the inputs and wherever the reasons quote them.
 */
export function redactTrace(
  definition: PipelineDefinition,
  result: EligibilityResult,
): EligibilityResult {
  const personal = new Set(personalFieldIds(definition));
  return {
    ...result,
    outcomes: result.outcomes.map((outcome) => {
      const inputs = outcome.inputs as Record<string, unknown>;
      if (typeof inputs.field !== 'string' || !personal.has(inputs.field)) return outcome;
      const raw = Object.entries(inputs).filter(
        ([key, v]) => key !== 'field' && v !== null && typeof v !== 'object',
      );
      const hide = (text: string) =>
        raw.reduce((t, [, v]) => t.split(String(v)).join(HIDDEN), text);
      return {
        ...outcome,
        inputs: Object.fromEntries(
          Object.entries(inputs).map(([key, v]) => [key, key === 'field' ? v : HIDDEN]),
        ),
        reason: { zh: hide(outcome.reason.zh), en: hide(outcome.reason.en) },
      };
    }),
  };
}
