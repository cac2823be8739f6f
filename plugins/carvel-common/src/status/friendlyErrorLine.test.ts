import { friendlyErrorLine } from './friendlyErrorLine';

// Expected values are the output of kapp-controller's friendlyErrMsg (pkg/reconciler/status.go:136-144
// at e4b4822) run with Go 1.x and marshalled with encoding/json, as kapp-controller's client writes them.
describe('friendlyErrorLine: kapp-controller friendlyErrMsg, byte for byte', () => {
  it.each<[string, string, string]>([
    [
      'a long first line is cut after 80 bytes',
      'Reconcile failed: Expected to find at least one version, but did not (details: all=3 -> after-prereleases-filter=3 -> after-kapp-controller-version-check=3 -> after-constraints-filter=0)',
      'Reconcile failed: Expected to find at least one version, but did not (details: a...',
    ],
    [
      'a short first line with more lines gets "..."',
      "Reconcile failed: Fetching resources: Error: Syncing directory '0':\n  Syncing directory '.' with git contents:",
      "Reconcile failed: Fetching resources: Error: Syncing directory '0':...",
    ],
    [
      'a single short line is kept',
      'Reconcile failed: Error (see .status.usefulErrorMessage for details)',
      'Reconcile failed: Error (see .status.usefulErrorMessage for details)',
    ],
    ['a trailing newline counts as a second line', 'short\n', 'short...'],
    [
      'two-byte characters count twice: fewer than 80 characters are kept',
      'ytt: Error: Validating final data values: greeting: «Grüße aus Köln» must be at most 10 bytes',
      'ytt: Error: Validating final data values: greeting: «Grüße aus Köln» must b...',
    ],
    [
      'a cut just before a two-byte character keeps none of it',
      'Reconcile failed: Templating dir: ytt: Error: Validating final data values: « größe » must be > 0 — see schema.yaml:12',
      'Reconcile failed: Templating dir: ytt: Error: Validating final data values: « g...',
    ],
    [
      'a cut through a three-byte character leaves one U+FFFD per byte kept',
      'Reconcile failed: 部署失败：命名空间“hello-app”中的服务账户“hello-app-pkgi-sa”不存在，请先创建它',
      'Reconcile failed: 部署失败：命名空间“hello-app”中的服务账户\uFFFD\uFFFD...',
    ],
  ])('%s', (_, text, expected) => {
    expect(friendlyErrorLine(text)).toBe(expected);
  });
});
