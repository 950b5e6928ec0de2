export * from './core';
export * from './engagement';
