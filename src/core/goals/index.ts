/**
 * Goals: targets (typed, from a baseline with growth, from a benchmark, from a Targets table),
 * splits into monthly or weekly goals, and tracking with pace, projection and status.
 * See `tracking.ts` for how flow, ratio and stock metrics are paced.
 */
export * from './types';
export * from './windows';
export * from './rounding';
export * from './targets';
export * from './from-targets';
export * from './split';
export * from './status';
export * from './ols';
export * from './tracking';
export * from './spec';
export * from './summary';
export * from './projection';
