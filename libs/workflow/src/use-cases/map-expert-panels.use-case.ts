import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { findOrganisation } from '@craftcert/identity';
import { type FieldError, NotFoundError, RequestValidationError } from '@craftcert/platform';
import { WorkflowStateError } from '../domain/workflow.errors';
import { ScoringRepository } from '../persistence/scoring.repository';
import { StageRepository } from '../persistence/stage.repository';
import { StageRunner } from './stage-runner';

export interface PanelEntry {
  /** A value of the stage's panelsBy field ('' when the stage has one panel). */
  group: string;
  organisationId: string;
}

/**
 * Chooses which expert-panel organisations score which group of a scoring stage, before the stage
 * is entered (its assignments are made on entry). Replaces the stage's earlier mapping.
 */
@Injectable()
export class MapExpertPanelsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly runner: StageRunner,
    private readonly stages: StageRepository,
    private readonly scoring: ScoringRepository,
    private readonly audit: AuditLog,
  ) {}

  execute(
    editionId: string,
    stageId: string,
    entries: readonly PanelEntry[],
    actorId: string,
  ): Promise<PanelEntry[]> {
    return this.dataSource.transaction(async (tx) => {
      await this.stages.lockEdition(tx, editionId);
      const stage = (await this.runner.graph(tx, editionId)).stage(stageId);
      if (!stage) throw new NotFoundError(`Stage ${stageId}`);
      if (stage.kind !== 'expertScoring') {
        throw new RequestValidationError([
          { path: 'stageId', message: `${stageId} is not an expert scoring stage` },
        ]);
      }
      if ((await this.stages.transitions(tx, editionId)).some((t) => t.stageId === stageId)) {
        throw new WorkflowStateError(
          `${stage.label.en} has been entered; its experts are assigned`,
        );
      }
      const errors: FieldError[] = [];
      for (const [i, e] of entries.entries()) {
        const twice = entries.findIndex(
          (o) => o.group === e.group && o.organisationId === e.organisationId,
        );
        if (twice !== i) errors.push({ path: `panels[${i}]`, message: 'is listed twice' });
        if (!stage.panelsBy && e.group !== '') {
          errors.push({
            path: `panels[${i}].group`,
            message: 'must be empty: the stage has one panel (no panelsBy)',
          });
        }
        const organisation = await findOrganisation(tx, e.organisationId).catch(() => null);
        if (organisation?.kind !== 'expertPanel') {
          errors.push({
            path: `panels[${i}].organisationId`,
            message: 'must be the id of an expert-panel organisation',
          });
        }
      }
      if (errors.length > 0) throw new RequestValidationError(errors);
      const before = await this.scoring.panels(tx, editionId, stageId);
      await this.scoring.mapPanels(tx, editionId, stageId, entries, actorId);
      await this.audit.record(tx, {
        action: 'workflow.expert-panels-mapped',
        subjectType: 'edition',
        subjectId: editionId,
        before: { stageId, panels: Object.fromEntries(before) },
        after: { stageId, panels: entries },
      });
      return entries.toSorted(
        (a, b) =>
          a.group.localeCompare(b.group) || a.organisationId.localeCompare(b.organisationId),
      );
    });
  }
}
