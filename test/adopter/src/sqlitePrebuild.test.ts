import { prebuildFileName } from './sqlitePrebuild';

describe('prebuildFileName', () => {
  it("names the prebuild for this Node's ABI, platform and architecture, as prebuild-install looks it up", () => {
    expect(prebuildFileName('12.11.1')).toBe(
      `better-sqlite3-v12.11.1-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`,
    );
  });
});
