import { pluginDatabaseUrl } from './historyRows';

describe('pluginDatabaseUrl', () => {
  it("names the plugin's own database on the same server, with the same user", () => {
    expect(
      pluginDatabaseUrl(
        'postgresql://postgres@127.0.0.1:25432/postgres',
        'carvel',
      ),
    ).toBe('postgresql://postgres@127.0.0.1:25432/backstage_plugin_carvel');
  });
});
