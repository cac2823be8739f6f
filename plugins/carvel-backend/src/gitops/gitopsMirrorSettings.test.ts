import { ConfigReader } from '@backstage/config';
import os from 'node:os';
import path from 'node:path';
import {
  mirrorDirectoryOf,
  readGitopsMirrorSettings,
} from './gitopsMirrorSettings';

function settingsOf(gitops?: object, directory = '/srv/backend') {
  return readGitopsMirrorSettings(
    new ConfigReader(gitops ? { carvel: { gitops } } : {}),
    directory,
  );
}

describe('readGitopsMirrorSettings', () => {
  it('follows nothing without carvel.gitops, with defaults for the rest', () => {
    const settings = settingsOf();
    expect(settings).toMatchObject({
      repositories: [],
      refreshSeconds: 60,
      headPollSeconds: 2,
      depth: 500,
      maxMirrorBytes: 256 * 1024 * 1024,
      files: { maxFiles: 2000 },
    });
    expect(path.dirname(settings.workingDirectory)).toBe(os.tmpdir());
    expect(path.basename(settings.workingDirectory)).toMatch(
      /^carvel-gitops-mirror-[0-9a-f]{12}$/,
    );
    expect(settingsOf(undefined, '/srv/other').workingDirectory).not.toBe(
      settings.workingDirectory,
    );
  });

  it('follows the remote repositories and the local ones (resolved against the backend folder) once each', () => {
    expect(
      settingsOf({
        repositories: [
          { url: 'https://github.com/acme/gitops.git', branch: 'release' },
          { url: 'https://github.com/acme/other.git' },
          { url: 'https://github.com/acme/other.git' },
        ],
        localRepositories: ['../../.data/gitops-repo.git'],
      }).repositories,
    ).toEqual([
      { url: 'https://github.com/acme/gitops.git', branch: 'release' },
      { url: 'https://github.com/acme/other.git', branch: 'main' },
      { url: '/.data/gitops-repo.git', branch: 'main' },
    ]);
  });

  it('reads the period and the mirror bounds, refusing what is not positive', () => {
    expect(
      settingsOf({
        refreshSeconds: 15,
        mirror: {
          directory: 'mirror',
          depth: 20,
          maxMegabytes: 8,
          maxFiles: 9,
        },
      }),
    ).toMatchObject({
      refreshSeconds: 15,
      workingDirectory: '/srv/backend/mirror',
      depth: 20,
      maxMirrorBytes: 8 * 1024 * 1024,
      files: { maxFiles: 9 },
    });
    expect(() => settingsOf({ refreshSeconds: 0 })).toThrow(
      'carvel.gitops.refreshSeconds must be a positive number',
    );
    expect(() => settingsOf({ mirror: { depth: -1 } })).toThrow(
      'carvel.gitops.mirror.depth must be a positive number',
    );
  });
});

describe('mirrorDirectoryOf', () => {
  it('names a folder by a hash of repository and branch, never by the URL', () => {
    const settings = { workingDirectory: '/var/mirror' };
    const a = mirrorDirectoryOf(settings, {
      url: 'https://github.com/acme/../../etc.git',
      branch: 'main',
    });
    expect(a).toMatch(/^\/var\/mirror\/[0-9a-f]{24}\.git$/);
    expect(
      mirrorDirectoryOf(settings, {
        url: 'https://github.com/acme/../../etc.git',
        branch: 'release',
      }),
    ).not.toBe(a);
  });
});
