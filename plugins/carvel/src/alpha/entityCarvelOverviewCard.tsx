import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isCarvelAvailable } from '../isCarvelAvailable';

export const entityCarvelOverviewCard = EntityCardBlueprint.make({
  name: 'overview',
  params: {
    filter: isCarvelAvailable,
    type: 'info',
    loader: () =>
      import('../components/EntityCarvelOverviewCard').then(m => (
        <m.EntityCarvelOverviewCard />
      )),
  },
});
