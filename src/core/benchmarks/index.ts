/**
 * Benchmarks: the industry library, own and competitor sets, comparison (in the compared period's
 * terms: converted, refused or skipped with a reason), break-even and ROI targets.
 */
export * from './types';
export * from './library';
export * from './compare';
export * from './periods';
export * from './targets';
