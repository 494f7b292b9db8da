import { fixtureDefinition } from '../testing/definition.fixture';
import { blindDossier, blindEvidence } from './blind-dossier';

describe('blind view of a dossier', () => {
  const def = fixtureDefinition();
  def.dossier.fields.find((f) => f.id === 'name')!.identifying = true;
  def.dossier.fields.find((f) => f.id === 'employer')!.identifying = true;
  def.dossier.evidence.push({
    kind: 'certificate',
    label: { zh: '证书', en: 'certificate' },
    maxSizeBytes: 1000,
    formats: ['application/pdf'],
  });
  def.dossier.evidence[0].identifying = true;

  it('drops the fields the definition marks as identifying', () => {
    expect(blindDossier(def, { name: '张三', employer: '杭州厂', skillLevel: 'L2' })).toEqual({
      skillLevel: 'L2',
    });
  });

  it('drops identifying evidence kinds and never passes on the uploaded file name', () => {
    const evidence = [
      { id: '1', kind: 'photo', fileName: '张三.jpg' },
      { id: '2', kind: 'certificate', fileName: '张三-技师证.pdf' },
      { id: '3', kind: 'certificate', fileName: 'zhang san 2.PDF' },
    ];
    expect(blindEvidence(def, evidence)).toEqual([
      { id: '2', kind: 'certificate', fileName: 'certificate-1.pdf' },
      { id: '3', kind: 'certificate', fileName: 'certificate-2.PDF' },
    ]);
  });
});
