/** The pipeline forecast: stage probabilities, categories, open and stale deals, coverage. */
export * from './stages';
export * from './open-deals';
export * from './summary';
export * from './report';
