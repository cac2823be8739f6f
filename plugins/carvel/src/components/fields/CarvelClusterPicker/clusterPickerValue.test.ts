import { chosenClusterNames, clusterPickerValue } from './clusterPickerValue';

describe('cluster picker value', () => {
  it('reads a list, one name, or nothing usable', () => {
    expect(chosenClusterNames(['staging', '', 3, 'prod'])).toEqual([
      'staging',
      'prod',
    ]);
    expect(chosenClusterNames('prod')).toEqual(['prod']);
    expect(chosenClusterNames('')).toEqual([]);
    expect(chosenClusterNames(undefined)).toEqual([]);
    expect(chosenClusterNames({ name: 'prod' })).toEqual([]);
  });

  it('is a list, one name, or undefined when nothing is chosen', () => {
    expect(clusterPickerValue(['staging', 'prod'], true)).toEqual([
      'staging',
      'prod',
    ]);
    expect(clusterPickerValue(['staging', 'prod'], false)).toBe('prod');
    expect(clusterPickerValue([], true)).toBeUndefined();
  });
});
