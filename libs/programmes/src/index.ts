export * from './programmes.module';
export * from './persistence/definitions.repository';
export * from './persistence/programme.queries';
export * from './persistence/programme.entity';
export * from './persistence/pipeline-definition.entity';
export * from './persistence/edition.entity';
