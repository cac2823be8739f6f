export * from './types';
export * from './api';
export * from './constants';
export * from './names';
export * from './permissions';
export * from './render';
export * from './entitySelection';
