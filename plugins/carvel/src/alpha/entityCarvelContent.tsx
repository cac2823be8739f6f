import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isCarvelAvailable } from '../isCarvelAvailable';

export const entityCarvelContent = EntityContentBlueprint.make({
  params: {
    path: '/carvel',
    title: 'Carvel',
    group: 'deployment',
    filter: isCarvelAvailable,
    loader: () =>
      import('../components/EntityCarvelContent').then(m => (
        <m.EntityCarvelContent />
      )),
  },
});
