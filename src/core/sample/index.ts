/** Deterministic sample data (orders, pipeline, spend, targets) as Excel cell arrays. */
export { generateOrders, ORDERS_HEADER, type SampleOptions, type OrdersSampleOptions } from './orders';
export { generatePipeline, PIPELINE_HEADER } from './pipeline';
export {
  generateSpend,
  generateTargets,
  SPEND_HEADER,
  TARGETS_HEADER,
  type PeriodSampleOptions,
} from './spend';
export { mulberry32, aliasSampler } from './random';
export { excelSerial } from './calendar';
