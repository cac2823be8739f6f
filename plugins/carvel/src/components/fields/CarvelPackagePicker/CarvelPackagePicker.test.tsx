import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeCarvelApi, renderField } from '../__testUtils__/renderField';
import { CarvelPackagePicker } from './CarvelPackagePicker';

const packages = [
  {
    packageName: 'app.default.tap',
    clusters: ['prod', 'staging'],
    versions: ['1.1.0', '1.0.0'],
  },
  { packageName: 'catalog.default.tap', clusters: [], versions: ['2.0.0'] },
];

// MUI forms render slowly on the shared test machine; no timing is asserted.
jest.setTimeout(30_000);

describe('CarvelPackagePicker', () => {
  it('lists the known packages with their versions and clusters; a click chooses the refName', async () => {
    const { changes } = renderField(CarvelPackagePicker, {
      carvelApi: fakeCarvelApi({ packages }),
    });

    const list = await screen.findByRole('listbox');
    expect(
      within(list)
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual([
      'app.default.tap2 versions, newest 1.1.0 · prod, staging',
      'catalog.default.tap1 version, newest 2.0.0',
    ]);
    await userEvent.click(
      screen.getByRole('option', { name: /catalog\.default\.tap/ }),
    );
    expect(changes).toEqual(['catalog.default.tap']);
    expect(
      screen.getByRole('option', { name: /catalog\.default\.tap/ }),
    ).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByText('Chosen: catalog.default.tap')).toBeInTheDocument();
  });

  it('narrows the list as the user searches', async () => {
    renderField(CarvelPackagePicker, {
      carvelApi: fakeCarvelApi({ packages }),
    });
    await screen.findByRole('listbox');

    fireEvent.change(screen.getByLabelText('Search packages'), {
      target: { value: 'CATALOG' },
    });
    expect(screen.getAllByRole('option').map(o => o.textContent)).toEqual([
      'catalog.default.tap1 version, newest 2.0.0',
    ]);
    fireEvent.change(screen.getByLabelText('Search packages'), {
      target: { value: 'nothing' },
    });
    expect(
      screen.getByText('No package matches the search'),
    ).toBeInTheDocument();
  });

  it('says when the backend cannot list the packages, and shows the validation errors', async () => {
    const carvelApi = fakeCarvelApi();
    carvelApi.getPackages.mockRejectedValue(new Error('Service Unavailable'));
    renderField(CarvelPackagePicker, {
      carvelApi,
      rawErrors: ['x is not a package known'],
    });

    expect(
      await screen.findByText(
        'Could not list the packages: Service Unavailable',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('x is not a package known')).toBeInTheDocument();
  });
});
