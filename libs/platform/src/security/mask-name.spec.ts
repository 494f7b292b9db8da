import { maskName } from './mask-name';

describe('maskName', () => {
  it('masks names so they can be recognised but not read in full', () => {
    expect(maskName('王建国')).toBe('王*国');
    expect(maskName('李明')).toBe('李*');
    expect(maskName('阿卜杜拉·买买提')).toBe('阿***提');
    expect(maskName('')).toBe('');
  });
});
