import { describe, expect, it } from 'vitest';
import { asError, errorText } from './errorText';

describe('errorText / asError', () => {
  it('reads an Error by its message and anything else as a string', () => {
    expect(errorText(new Error('boom'))).toBe('boom');
    expect(errorText('plain')).toBe('plain');
    expect(errorText(undefined)).toBe('undefined');
    expect(errorText({ toString: () => 'custom' })).toBe('custom');
  });
  it('keeps an Error as it is and wraps anything else', () => {
    const e = new TypeError('t');
    expect(asError(e)).toBe(e);
    expect(asError(42)).toBeInstanceOf(Error);
    expect(asError(42).message).toBe('42');
  });
});
