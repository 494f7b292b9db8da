import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { LocalizedText, StagePhase } from '@craftcert/pipeline';
import { DepartmentRepository } from '../persistence/department.repository';
import { type StageRowView, WorkflowQueries } from '../persistence/workflow.queries';
import { StageRunner } from './stage-runner';

export interface WorkflowStageView extends Omit<StageRowView, 'phase' | 'enteredAt' | 'closedAt'> {
  kind: string;
  label: LocalizedText;
  phase: StagePhase;
  enteredAt: Date | null;
  closedAt: Date | null;
  /** For departmental reviews: each department and the organisation mapped to it. */
  departments?: { id: string; label: LocalizedText; organisationId: string | null }[];
}

/** The edition's stages in order, where each stands, and its candidates' statuses counted. */
@Injectable()
export class ReadWorkflowUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly runner: StageRunner,
    private readonly queries: WorkflowQueries,
    private readonly departments: DepartmentRepository,
  ) {}

  async execute(editionId: string): Promise<WorkflowStageView[]> {
    const graph = await this.runner.graph(this.dataSource.manager, editionId);
    const rows = new Map((await this.queries.stages(editionId)).map((r) => [r.stageId, r]));
    const mapping = await this.departments.mapping(this.dataSource.manager, editionId);
    return graph.stages.map((stage) => {
      const row = rows.get(stage.id);
      return {
        stageId: stage.id,
        kind: stage.kind,
        label: stage.label,
        phase: row?.phase ?? 'notEntered',
        dueOn: row?.dueOn ?? null,
        enteredAt: row?.enteredAt ?? null,
        closedAt: row?.closedAt ?? null,
        counts: row?.counts ?? {},
        ...(stage.kind === 'departmentalReview'
          ? {
              departments: stage.departments.map((d) => ({
                id: d.id,
                label: d.label,
                organisationId: mapping.get(d.id) ?? null,
              })),
            }
          : {}),
      };
    });
  }
}
