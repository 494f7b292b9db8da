// The process composition shared by the server, the worker and the tests: which modules a role
// loads, the HTTP application around them, start and orderly stop. The CLI needs only `./core`.
export { ApiModule } from './api.module';
export { AppModule } from './app.module';
export { type App, createApp, isHttpApp, shutdown } from './application';
export { loadConfigOrExit, migrate, platformModule } from './core';
export { type DemoSeedResult, describeDemo, seedDemo } from './demo/demo-seed';
export { main } from './main';
export { WorkerModule } from './worker.module';
