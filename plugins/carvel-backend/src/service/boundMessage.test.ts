import { boundMessage, MAX_MESSAGE_CHARS } from './boundMessage';

describe('boundMessage', () => {
  it('keeps short messages and absent ones as they are', () => {
    expect(boundMessage('ytt: Error')).toBe('ytt: Error');
    expect(boundMessage(undefined)).toBeUndefined();
    expect(boundMessage('x'.repeat(MAX_MESSAGE_CHARS))).toHaveLength(
      MAX_MESSAGE_CHARS,
    );
  });

  it('cuts a long message and says how much is missing', () => {
    expect(boundMessage('abcdefghij', 4)).toBe('abcd… (6 more characters)');
    const huge = boundMessage('e'.repeat(5_000_000))!;
    expect(huge.length).toBeLessThan(MAX_MESSAGE_CHARS + 40);
    expect(huge.endsWith('… (4991808 more characters)')).toBe(true);
  });
});
