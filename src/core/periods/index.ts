export * from './calendar';
export * from './civil';
export * from './period';
export * from './windows';
