import { loadShippedDefinition } from '../definition/shipped-definitions';
import { compileDefinition } from '../rules/compile-definition';
import { formatDiff, formatTrace, formatValidationErrors } from './format-cli';

describe('CLI formatting', () => {
  it('lists validation errors with their paths', () => {
    expect(
      formatValidationErrors([{ path: '/eligibility/rules/2/min', message: 'must be number' }]),
    ).toBe('1 error:\n  /eligibility/rules/2/min: must be number');
    expect(formatValidationErrors([])).toBe('Definition is valid.');
  });

  it('renders an indented trace in Chinese or English', () => {
    const result = compileDefinition(loadShippedDefinition('hangzhou-city-craftsman')).evaluate(
      { unionMember: false, inService: true, frontLine: true },
      { referenceDate: '2024-06-30' },
    );
    const zh = formatTrace(result);
    expect(zh.split('\n')[0]).toBe('hangzhou-city-craftsman v1 @ 2024-06-30: 不符合参评资格');
    expect(zh).toContain('  ✘ [union-member] 工会会员 否，要求为 是');
    expect(zh).toContain('    ✔ [in-service] 在职在岗 是，符合要求');
    expect(formatTrace(result, 'en')).toContain('✘ [union-member] union member: no, required: yes');
  });

  it('marks additions, removals and changes in a diff', () => {
    const text = formatDiff([
      { path: '/a', kind: 'added', after: 1 },
      { path: '/b', kind: 'removed', before: 'x' },
      { path: '/c', kind: 'changed', before: 10, after: 15 },
    ]);
    expect(text).toBe('+ /a: 1\n- /b: "x"\n~ /c: 10 → 15');
    expect(formatDiff([])).toBe('No differences.');
  });
});
