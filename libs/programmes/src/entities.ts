// The programmes context's tables, for the migrations catalogue only: other code reaches
// programmes through the use cases its index exports.
import { EditionEntity, EditionWindowChangeEntity } from './persistence/edition.entity';
import { PipelineDefinitionEntity } from './persistence/pipeline-definition.entity';
import { ProgrammeEntity } from './persistence/programme.entity';

export const PROGRAMME_ENTITIES = [
  ProgrammeEntity,
  PipelineDefinitionEntity,
  EditionEntity,
  EditionWindowChangeEntity,
];
