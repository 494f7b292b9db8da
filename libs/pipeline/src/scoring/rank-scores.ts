// The ranked list at the end of scoring: per group, candidates by final score (after arbitration
// where there was one), ties broken by the definition's tie-breakers and then by id, so the order
// is deterministic. Every row keeps the numbers that made it: the raw and normalised panel scores,
// the arbitration, and its explanation in zh and en.
import type { LocalizedText, PipelineDefinition } from '../definition/definition.types';
import type { Dossier } from '../rules/evaluation.types';
import { meritComparator } from '../selection/rank-candidates';
import type { PanelScore, ResolvedScore } from './aggregate-scores';

export interface RankingCandidate {
  id: string;
  group: string;
  dossier: Dossier;
  /** Recognised directly: ranked first and never scored, with the rule that allowed it. */
  directRecognition?: { ruleId: string; label: LocalizedText };
}

export interface RankedRow {
  id: string;
  group: string;
  rank: number;
  /** null for direct recognition. */
  score: number | null;
  panel: PanelScore | null;
  arbitration: ResolvedScore | null;
  /** Still waiting for an arbitration result: ranked on the panel score meanwhile. */
  awaitingArbitration: boolean;
  explanation: LocalizedText;
}

export interface RankedGroup {
  group: string;
  rows: RankedRow[];
}

export function rankScores(
  def: PipelineDefinition,
  candidates: readonly RankingCandidate[],
  panels: readonly PanelScore[],
  arbitrations: ReadonlyMap<string, ResolvedScore> = new Map(),
): RankedGroup[] {
  const panelOf = new Map(panels.map((p) => [p.candidateId, p]));
  const compare = meritComparator(def);
  const groups = new Map<string, RankingCandidate[]>();
  for (const c of candidates) groups.set(c.group, [...(groups.get(c.group) ?? []), c]);
  return [...groups.keys()].toSorted().map((group) => {
    const rows = groups.get(group)!.map((c) => {
      const panel = panelOf.get(c.id) ?? null;
      const arbitration = arbitrations.get(c.id) ?? null;
      const score = c.directRecognition ? null : (arbitration?.score ?? panel?.score ?? null);
      return { c, panel, arbitration, score };
    });
    const sorted = rows.toSorted((a, b) =>
      compare(
        {
          id: a.c.id,
          score: a.score ?? undefined,
          dossier: a.c.dossier,
          directRecognition: Boolean(a.c.directRecognition),
        },
        {
          id: b.c.id,
          score: b.score ?? undefined,
          dossier: b.c.dossier,
          directRecognition: Boolean(b.c.directRecognition),
        },
      ),
    );
    return {
      group,
      rows: sorted.map(({ c, panel, arbitration, score }, i): RankedRow => {
        const awaiting = Boolean(panel?.needsArbitration) && !arbitration;
        return {
          id: c.id,
          group,
          rank: i + 1,
          score,
          panel,
          arbitration,
          awaitingArbitration: awaiting,
          explanation: explainRow(c, panel, arbitration, awaiting),
        };
      }),
    };
  });
}

function explainRow(
  c: RankingCandidate,
  panel: PanelScore | null,
  arbitration: ResolvedScore | null,
  awaiting: boolean,
): LocalizedText {
  if (c.directRecognition) {
    return {
      zh: `直接认定（${c.directRecognition.label.zh}），免于评分`,
      en: `recognised directly (${c.directRecognition.label.en}), not scored`,
    };
  }
  if (!panel) return { zh: '尚无已提交的评分', en: 'no submitted marks yet' };
  const parts = [panel.explanation];
  if (arbitration) parts.push(arbitration.explanation);
  if (awaiting) parts.push({ zh: '等待仲裁结果', en: 'awaiting the arbitration result' });
  return { zh: parts.map((p) => p.zh).join('；'), en: parts.map((p) => p.en).join('; ') };
}
