import { promoteTemplateUrl } from './promoteTemplateUrl';

describe('promoteTemplateUrl', () => {
  it('opens the promote template with the form filled in', () => {
    const url = promoteTemplateUrl({
      packageName: 'app.default.tap',
      from: 'staging',
      version: '1.4.0+build.1',
    });
    const [path, query] = url.split('?');
    expect(path).toBe('/create/templates/default/carvel-promote');
    expect(query.startsWith('formData=')).toBe(true);
    expect(url).not.toContain('+');
    expect(JSON.parse(new URLSearchParams(query).get('formData')!)).toEqual({
      packageName: 'app.default.tap',
      from: 'staging',
      version: '1.4.0+build.1',
    });
  });
});
