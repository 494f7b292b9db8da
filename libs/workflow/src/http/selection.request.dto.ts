import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import type { SelectionConstraint } from '@craftcert/pipeline';

/**
 * Changes for a what-if: each is optional; the selection engine checks ids and bounds against the
 * definition and names each bad path (e.g. `quotas.craftsman`, `constraints.x.minShare`).
 */
export class WhatIfRequest {
  @ApiPropertyOptional({ minimum: 1, maximum: 100000, description: 'Total places' })
  @IsOptional()
  @IsInt({ message: 'total must be a whole number' })
  @Min(1, { message: 'total must be at least 1' })
  @Max(100000, { message: 'total must be at most 100000' })
  total?: number;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'integer', minimum: 1 },
    example: { craftsman: 25 },
    description: 'Tier id → its quota',
  })
  @IsOptional()
  @IsObject({ message: 'quotas must be an object of { "<tierId>": number }' })
  quotas?: Record<string, number>;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'The score floor; null drops it',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsNumber(
    { allowNaN: false, allowInfinity: false },
    { message: 'scoreFloor must be a number or null' },
  )
  scoreFloor?: number | null;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: {
      type: 'object',
      nullable: true,
      additionalProperties: { type: 'number', nullable: true },
    },
    example: { 'manufacturing-floor': { minShare: 0.5 } },
    description:
      'Constraint id → changed bounds (minCount, minShare, maxCount, maxShare; null removes one), or null to drop the constraint',
  })
  @IsOptional()
  @IsObject({ message: 'constraints must be an object of { "<constraintId>": bounds | null }' })
  constraints?: Record<string, Record<string, number | null> | null>;

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'Floors or caps added for the what-if, as in the definition',
  })
  @IsOptional()
  @IsArray({ message: 'add must be a list of selection constraints' })
  @ArrayMaxSize(50, { message: 'add must list at most 50 constraints' })
  @IsObject({ each: true, message: 'add must list constraint objects' })
  add?: SelectionConstraint[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'number', minimum: 0 },
    example: { skill: 40 },
    description: 'Rubric criterion id → its new weight (maxPoints)',
  })
  @IsOptional()
  @IsObject({ message: 'weights must be an object of { "<criterionId>": number }' })
  weights?: Record<string, number>;
}
