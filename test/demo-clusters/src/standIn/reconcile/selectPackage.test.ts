import {
  testPackage,
  testPackageInstall,
} from '../../__testUtils__/carvelObjects';
import { selectPackage } from './selectPackage';

describe('selectPackage', () => {
  // kapp-controller e4b4822 pkg/packageinstall/packageinstall.go:297-299 lists every Package of the
  // namespace and says "not found" only when that list is empty.
  it('says not found only when the namespace has no Package at all', () => {
    expect(selectPackage(testPackageInstall(), [])).toEqual({
      error: 'Package app.default.tap not found',
    });
  });

  it('reports an empty selection with its details when only other packages are there', () => {
    const selection = selectPackage(testPackageInstall(), [
      testPackage('1.0.0', 'other.default.tap'),
    ]);
    expect(selection.error).toMatch(/^Expected to find at least one version/);
    expect(selection.error).toContain('all=0');
  });

  it('picks the highest version the constraint takes', () => {
    const selection = selectPackage(
      testPackageInstall({ constraints: '<2.0.0' }),
      [testPackage('1.0.0'), testPackage('1.5.0'), testPackage('2.0.0')],
    );
    expect(selection).toMatchObject({ version: '1.5.0' });
  });
});
