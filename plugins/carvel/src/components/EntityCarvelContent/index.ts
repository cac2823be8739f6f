export { EntityCarvelContent } from './EntityCarvelContent';
export type { EntityCarvelContentProps } from './EntityCarvelContent';
