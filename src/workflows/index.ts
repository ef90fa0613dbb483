/** The product's jobs, host-neutral: build the dashboard, refresh the weekly review. */
export * from './port';
export * from './sources';
export * from './plans';
export * from './refresh';
export * from './build-dashboard';
export * from './refresh-review';
export { makeEvaluate, traitsOf } from './evaluate';
export * from './notices';
export * from './memory-port';
export * from './saved-job';
