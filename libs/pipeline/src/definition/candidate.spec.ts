import { candidateDisplayName, candidateIdentity, candidateSpec } from './candidate';
import { loadShippedDefinition } from './shipped-definitions';

describe('candidate kinds', () => {
  const person = loadShippedDefinition('hangzhou-city-craftsman');
  const team = loadShippedDefinition('team-vanguard');
  const studio = loadShippedDefinition('innovation-studio');

  it('identifies a person by the normalised ID number alone, as awards are recorded', () => {
    expect(candidateSpec(person).kind).toBe('person');
    expect(candidateIdentity(person, { idNumber: '１１０１０５１９４９１２３１００２ｘ' })).toBe(
      '11010519491231002X',
    );
    expect(candidateIdentity(person, { name: '王建国' })).toBeUndefined();
  });

  it('identifies a team by its enterprise and normalised name, however they are spaced', () => {
    const a = candidateIdentity(team, {
      enterprise: '杭州汽轮机股份有限公司',
      teamName: '叶片装配班',
    });
    const b = candidateIdentity(team, {
      enterprise: ' 杭州汽轮机股份有限公司',
      teamName: '叶片 装配班 ',
    });
    expect(a).toBe('team|杭州汽轮机股份有限公司|叶片装配班');
    expect(b).toBe(a);
    expect(
      candidateIdentity(team, { enterprise: '杭州锅炉集团', teamName: '叶片装配班' }),
    ).not.toBe(a);
    expect(candidateIdentity(team, { teamName: '叶片装配班' })).toBeUndefined();
  });

  it('identifies a studio by its host and name; full-width letters fold', () => {
    expect(
      candidateIdentity(studio, { hostEnterprise: '西子电梯', studioName: 'ＡＢ工作室' }),
    ).toBe(candidateIdentity(studio, { hostEnterprise: '西子电梯', studioName: 'ab工作室' }));
  });

  it("shows a team's name as is and a person's name as personal data", () => {
    expect(candidateDisplayName(team, { teamName: '叶片装配班' })).toEqual({
      value: '叶片装配班',
      personal: false,
    });
    expect(candidateDisplayName(person, { name: '王建国' })).toEqual({
      value: '王建国',
      personal: true,
    });
  });
});
