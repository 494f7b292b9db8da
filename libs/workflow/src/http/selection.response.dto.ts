import { ApiProperty } from '@nestjs/swagger';

const OUTCOME = {
  type: 'object',
  additionalProperties: true,
  description:
    "The engine's outcome: `selected` (places, selected with tier, position and reason, leftOut with reason, constraint reports, published lists) or `infeasible` (the minimal set of conflicting rules with their numbers, zh + en; no list)",
} as const;

export class TierResultResponse {
  @ApiProperty({ example: 'craftsman' }) tierId: string;
  @ApiProperty() quota: number;
  @ApiProperty() filled: number;
  @ApiProperty({ format: 'uuid' }) finalisedBy: string;
  @ApiProperty({ format: 'date-time' }) finalisedAt: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) approvedBy: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) approvedAt: string | null;
  @ApiProperty({ type: [String], description: 'Nominations in place order' })
  nominationIds: string[];
}

export class StageSelectionResponse {
  @ApiProperty({ example: 'selection' }) stageId: string;
  @ApiProperty({ enum: ['selection', 'shortlist'] }) kind: 'selection' | 'shortlist';
  @ApiProperty({
    enum: ['proposed', 'run'],
    description: 'proposed: computed now, nothing saved; run: what closing the stage selected',
  })
  state: 'proposed' | 'run';
  @ApiProperty({ enum: ['notEntered', 'open', 'closed'] }) phase: string;
  @ApiProperty(OUTCOME) outcome: object;
  @ApiProperty({ type: [TierResultResponse], description: 'Finalised results per tier' })
  results: TierResultResponse[];
}

export class WhatIfResponse {
  @ApiProperty() stageId: string;
  @ApiProperty(OUTCOME) current: object;
  @ApiProperty(OUTCOME) outcome: object;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'entering (with tier and reason), leaving (with reason), tierChanges, and the floors and caps whose numbers move',
  })
  diff: object;
}

export class TierPlacesResponse {
  @ApiProperty() tierId: string;
  @ApiProperty() quota: number;
  @ApiProperty() filled: number;
}

export class FinalisedSelectionResponse {
  @ApiProperty() stageId: string;
  @ApiProperty({ type: [TierPlacesResponse] }) tiers: TierPlacesResponse[];
}

export class ApprovedSelectionResponse {
  @ApiProperty() stageId: string;
  @ApiProperty({ format: 'uuid' }) approvedBy: string;
  @ApiProperty({ format: 'date-time' }) approvedAt: string;
}
