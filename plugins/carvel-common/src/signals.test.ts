import { carvelPackageChannel } from './signals';

describe('carvelPackageChannel', () => {
  it('names one channel per package', () => {
    expect(carvelPackageChannel('app.default.tap')).toBe(
      'carvel:package:app.default.tap',
    );
    expect(carvelPackageChannel('a.b')).not.toBe(carvelPackageChannel('a.c'));
  });
});
