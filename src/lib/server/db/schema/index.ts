export * from './core';
export * from './appointments';
