/** Benchmarks: the industry library, own and competitor sets, comparison, break-even and ROI targets. */
export * from './types';
export * from './library';
export * from './compare';
export * from './targets';
