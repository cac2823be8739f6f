import {
  ApiBlueprint,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { carvelApiRef, CarvelClient } from '../api';

export const carvelApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: carvelApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new CarvelClient({ discoveryApi, fetchApi }),
    }),
});
