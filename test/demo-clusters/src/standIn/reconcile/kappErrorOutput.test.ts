import {
  friendlyYamlString,
  kappErrorOutput,
  multiLineError,
} from './kappErrorOutput';

// go-cli-ui errors/multi_line_error.go:20-48 and error_piece.go:53-99 (vendored by kapp at a89576c)
describe('multiLineError', () => {
  it('breaks the first line at ": " before a capital, outside brackets, indenting each break', () => {
    expect(
      kappErrorOutput(
        'waiting on reconcile packageinstall/app (packaging.carvel.dev/v1alpha1) namespace: apps: ' +
          'Finished unsuccessfully (Reconcile failed:  (message: ytt: Error: boom))',
      ),
    ).toBe(
      'kapp: Error: waiting on reconcile packageinstall/app (packaging.carvel.dev/v1alpha1) namespace: apps:\n' +
        '  Finished unsuccessfully (Reconcile failed:  (message: ytt: Error: boom))',
    );
    expect(multiLineError('A: B: C')).toBe('A:\n  B:\n    C');
  });

  it('leaves later lines as they are, and an unclosed bracket keeps the rest of the line together', () => {
    expect(multiLineError('x: Y (message: Z: W\nNext: Line')).toBe(
      'x:\n  Y (message: Z: W\nNext: Line',
    );
  });

  it('drops what follows a closer with nothing open, as Go does', () => {
    expect(multiLineError('a) b: C')).toBe('a');
  });
});

// kapp-controller pkg/exec/cmd_run_result.go:13,53-60 at e4b4822
describe('friendlyYamlString', () => {
  it('trims and removes whitespace before newlines', () => {
    expect(friendlyYamlString('  a: \n\n b \n')).toBe('a:\n b');
  });
});
