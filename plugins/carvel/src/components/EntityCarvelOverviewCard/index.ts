export { EntityCarvelOverviewCard } from './EntityCarvelOverviewCard';
