import { describe, expect, it } from 'vitest';
import { queueCommand } from './useQueueKeys';

const key = (k: string, mods: Partial<{ shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) =>
  queueCommand({ key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('queue keyboard', () => {
  it('maps the documented keys', () => {
    expect(key('j')).toBe('down');
    expect(key('k')).toBe('up');
    expect(key('Enter')).toBe('open');
    expect(key('a')).toBe('approve');
    expect(key('A', { shiftKey: true })).toBe('bulk');
    expect(key('r')).toBe('reject');
    expect(key('t')).toBe('return');
    expect(key(' ')).toBe('toggle');
  });
  it('leaves browser and grid shortcuts alone', () => {
    expect(key('a', { ctrlKey: true })).toBeNull();
    expect(key('r', { metaKey: true })).toBeNull();
    expect(key('ArrowDown')).toBeNull();
    expect(key('x')).toBeNull();
  });
});
