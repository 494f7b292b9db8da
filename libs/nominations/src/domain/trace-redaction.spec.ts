import { compileDefinition, loadShippedDefinition } from '@craftcert/pipeline';
import { redactTrace } from './trace-redaction';

describe('redactTrace', () => {
  it('hides birth dates read by an age rule, in inputs and reasons, and keeps other rules intact', () => {
    const definition = loadShippedDefinition('district-craftsman-triennial');
    const dossier = { birthDate: '1961-04-05' };
    const result = compileDefinition(definition).evaluate(dossier, { referenceDate: '2026-06-01' });
    const redacted = redactTrace(definition, result);
    const text = JSON.stringify(redacted);
    expect(JSON.stringify(result)).toContain('1961-04-05');
    expect(text).not.toContain('1961-04-05');
    expect(redacted.outcomes).toHaveLength(result.outcomes.length);
    expect(redacted.eligible).toBe(result.eligible);
  });
});
