export * from './test-app';
export * from './test-database';
export * from './test-env';
export * from './processes';
export * from './factories';
export * from './identity-factory';
export * from './nomination-factory';
export * from './mail';
