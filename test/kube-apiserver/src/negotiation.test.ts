import { negotiateFormat } from './negotiation';

describe('negotiateFormat', () => {
  it('serves plain JSON by default', () => {
    expect(negotiateFormat(undefined)).toEqual({ kind: 'object' });
    expect(negotiateFormat('application/json')).toEqual({ kind: 'object' });
    expect(negotiateFormat('*/*')).toEqual({ kind: 'object' });
  });

  it('serves a v1 Table for what kubectl get sends', () => {
    expect(
      negotiateFormat(
        'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json',
      ),
    ).toEqual({ kind: 'table', apiVersion: 'meta.k8s.io/v1' });
    expect(
      negotiateFormat('application/json;as=Table;v=v1beta1;g=meta.k8s.io'),
    ).toEqual({
      kind: 'table',
      apiVersion: 'meta.k8s.io/v1beta1',
    });
  });

  it('serves metadata-only lists', () => {
    expect(
      negotiateFormat(
        'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1',
      ),
    ).toEqual({
      kind: 'metadata',
      apiVersion: 'meta.k8s.io/v1',
    });
  });

  it('skips what it cannot serve and falls back to the next choice', () => {
    expect(
      negotiateFormat(
        'application/vnd.kubernetes.protobuf,application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json',
      ),
    ).toEqual({ kind: 'object' });
  });

  it('gives up when nothing is acceptable', () => {
    expect(
      negotiateFormat('application/vnd.kubernetes.protobuf'),
    ).toBeUndefined();
    expect(
      negotiateFormat('application/json;as=Table;v=v2;g=meta.k8s.io'),
    ).toBeUndefined();
  });
});
