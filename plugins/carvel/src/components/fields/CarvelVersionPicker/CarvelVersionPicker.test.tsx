import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeCarvelApi, renderField } from '../__testUtils__/renderField';
import { CarvelVersionPicker } from './CarvelVersionPicker';

const versions = {
  'app.default.tap': [
    { version: '2.0.0', releasedAt: '2026-11-20T08:00:00Z', clusters: [] },
    {
      version: '1.4.0',
      releasedAt: '2026-11-01T08:00:00Z',
      clusters: ['staging'],
    },
    { version: '1.2.0', clusters: ['prod'] },
  ],
};

// MUI forms render slowly on the shared test machine; no timing is asserted.
jest.setTimeout(30_000);

describe('CarvelVersionPicker', () => {
  it('shows which version a range takes now, with release dates, for the package chosen in the form', async () => {
    const carvelApi = fakeCarvelApi({ versions });
    const { changes } = renderField(CarvelVersionPicker, {
      carvelApi,
      formData: '>=1.0.0 <2.0.0',
      otherFields: { packageName: 'app.default.tap' },
    });

    expect(
      await screen.findByTestId('carvel-version-selected'),
    ).toHaveTextContent('The range takes: 1.4.0');
    expect(carvelApi.getPackageVersions).toHaveBeenCalledWith(
      'app.default.tap',
    );
    expect(screen.getByLabelText('Follow a range')).toBeChecked();
    expect(screen.getByTestId('carvel-version-1.4.0')).toHaveTextContent(
      '1.4.0 (selected)2026-11-01staging',
    );
    expect(screen.getByTestId('carvel-version-2.0.0')).toHaveTextContent(
      '2.0.02026-11-20—',
    );

    fireEvent.change(screen.getByLabelText('Version range'), {
      target: { value: '>=1.0.0' },
    });
    expect(screen.getByTestId('carvel-version-selected')).toHaveTextContent(
      'The range takes: 2.0.0',
    );
    expect(changes[changes.length - 1]).toBe('>=1.0.0');

    fireEvent.change(screen.getByLabelText('Version range'), {
      target: { value: '>=3.0.0' },
    });
    expect(screen.getByTestId('carvel-version-selected')).toHaveTextContent(
      'No version: Expected to find at least one version',
    );
  });

  it('pins a version: the value is that version', async () => {
    const { changes } = renderField(CarvelVersionPicker, {
      carvelApi: fakeCarvelApi({ versions }),
      formData: '>=0.0.0',
      otherFields: { pkg: 'app.default.tap' },
      uiOptions: { packageNameField: 'pkg' },
    });
    await screen.findByTestId('carvel-version-selected');

    await userEvent.click(screen.getByLabelText('Pin a version'));
    expect(changes).toEqual(['2.0.0']);
    await userEvent.click(screen.getByLabelText('Pin 1.2.0'));
    expect(changes).toEqual(['2.0.0', '1.2.0']);
    expect(screen.getByTestId('carvel-version-selected')).toHaveTextContent(
      'Pinned: 1.2.0',
    );
    expect(screen.getByLabelText('Pin 1.2.0')).toBeChecked();
  });

  it('reads a constraint that is one known version as pinned', async () => {
    renderField(CarvelVersionPicker, {
      carvelApi: fakeCarvelApi({ versions }),
      formData: '1.4.0',
      otherFields: { packageName: 'app.default.tap' },
    });
    expect(await screen.findByLabelText('Pin a version')).toBeChecked();
    expect(screen.getByTestId('carvel-version-selected')).toHaveTextContent(
      'Pinned: 1.4.0',
    );
  });

  it('offers only pinning with allowRange: false', async () => {
    const { changes } = renderField(CarvelVersionPicker, {
      carvelApi: fakeCarvelApi({ versions }),
      otherFields: { packageName: 'app.default.tap' },
      uiOptions: { allowRange: false },
    });
    expect(
      await screen.findByTestId('carvel-version-selected'),
    ).toHaveTextContent('No version pinned');
    expect(screen.getByLabelText('Pin 2.0.0')).not.toBeChecked();
    await userEvent.click(screen.getByLabelText('Pin 1.4.0'));
    expect(changes).toEqual(['1.4.0']);
    expect(screen.queryByLabelText('Follow a range')).not.toBeInTheDocument();
  });

  it('asks for a package first', () => {
    const carvelApi = fakeCarvelApi({ versions });
    renderField(CarvelVersionPicker, { carvelApi });
    expect(screen.getByText('Choose a package first.')).toBeInTheDocument();
    expect(carvelApi.getPackageVersions).not.toHaveBeenCalled();
  });
});
