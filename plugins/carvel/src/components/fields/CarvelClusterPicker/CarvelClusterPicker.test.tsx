import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeCarvelApi, renderField } from '../__testUtils__/renderField';
import { CarvelClusterPicker } from './CarvelClusterPicker';

const clusters = [
  {
    name: 'staging',
    state: 'synced' as const,
    lastSyncedAt: '2026-12-01T10:00:00Z',
  },
  { name: 'prod', state: 'error' as const, error: 'connect ECONNREFUSED' },
  { name: 'dev', state: 'syncing' as const },
];

// MUI forms render slowly on the shared test machine; no timing is asserted.
jest.setTimeout(30_000);

describe('CarvelClusterPicker', () => {
  it('lists the clusters with their state; several can be chosen, in error ones too', async () => {
    const { changes } = renderField(CarvelClusterPicker, {
      carvelApi: fakeCarvelApi({ clusters }),
    });

    expect(
      await screen.findByTestId('carvel-cluster-staging'),
    ).toHaveTextContent('staging (synced)');
    expect(screen.getByTestId('carvel-cluster-dev')).toHaveTextContent(
      'dev (syncing)',
    );
    expect(screen.getByTestId('carvel-cluster-prod')).toHaveTextContent(
      'prod (error)In error: connect ECONNREFUSED. Still selectable',
    );

    await userEvent.click(screen.getByRole('checkbox', { name: /^staging/ }));
    await userEvent.click(screen.getByRole('checkbox', { name: /^prod/ }));
    expect(changes).toEqual([['staging'], ['staging', 'prod']]);
    await userEvent.click(screen.getByRole('checkbox', { name: /^staging/ }));
    expect(changes[2]).toEqual(['prod']);
    await userEvent.click(screen.getByRole('checkbox', { name: /^prod/ }));
    expect(changes[3]).toBeUndefined();
  });

  it('marks the clusters that hold the package chosen in the form', async () => {
    renderField(CarvelClusterPicker, {
      carvelApi: fakeCarvelApi({
        clusters,
        packages: [
          {
            packageName: 'app.default.tap',
            clusters: ['staging'],
            versions: [],
          },
        ],
      }),
      otherFields: { packageName: 'app.default.tap' },
    });
    expect(
      await screen.findByText(/· has app\.default\.tap/),
    ).toBeInTheDocument();
    expect(screen.getByTestId('carvel-cluster-staging')).toHaveTextContent(
      'staging (synced) · has app.default.tap',
    );
    expect(screen.getByTestId('carvel-cluster-dev')).toHaveTextContent(
      /^dev \(syncing\)$/,
    );
  });

  it('chooses one cluster by name with multiple: false', async () => {
    const { changes } = renderField(CarvelClusterPicker, {
      carvelApi: fakeCarvelApi({ clusters }),
      formData: 'staging',
      uiOptions: { multiple: false },
    });

    expect(
      await screen.findByRole('radio', { name: /^staging/ }),
    ).toBeChecked();
    await userEvent.click(screen.getByRole('radio', { name: /^dev/ }));
    expect(changes).toEqual(['dev']);
    expect(screen.getByRole('radio', { name: /^dev/ })).toBeChecked();
  });

  it('says when the clusters cannot be listed', async () => {
    const carvelApi = fakeCarvelApi();
    carvelApi.getClusters.mockRejectedValue(new Error('Forbidden'));
    renderField(CarvelClusterPicker, { carvelApi });
    expect(
      await screen.findByText('Could not list the clusters: Forbidden'),
    ).toBeInTheDocument();
  });
});
