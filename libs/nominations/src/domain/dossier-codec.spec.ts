import { loadShippedDefinition } from '@craftcert/pipeline';
import { splitDossier, toFieldErrors } from './dossier-codec';

describe('dossier codec', () => {
  const definition = loadShippedDefinition('hangzhou-city-craftsman');

  it('keeps personal fields (and lists holding any) out of the open part', () => {
    const { open, personal } = splitDossier(definition, {
      name: '王建国',
      idNumber: '33010219800101123X',
      phone: '13800000000',
      employer: '杭州汽轮机',
      apprentices: [{ name: '李明', contestWinner: true }],
      contests: [],
    });
    expect(Object.keys(personal).toSorted()).toEqual(['apprentices', 'idNumber', 'name', 'phone']);
    expect(open).toEqual({ employer: '杭州汽轮机', contests: [] });
  });

  it('turns engine pointers into request field paths', () => {
    expect(toFieldErrors([{ path: '/contests/0/rank', message: 'must be ≥ 1' }])).toEqual([
      { path: 'dossier.contests[0].rank', message: 'must be ≥ 1' },
    ]);
  });
});
