export * from './nominations.module';
export * from './persistence/nomination.entity';
