import { describe, expect, it } from 'vitest';
import { closestMatch, didYouMean } from '../../scenarios/suggestion.js';

describe('did you mean', () => {
  const keys = ['id', 'kind', 'arrivals', 'handle', 'patience', 'target'];

  it('suggests the key one or two edits away', () => {
    expect(didYouMean('patiense', keys)).toBe('(did you mean "patience"?)');
    expect(didYouMean('handel', keys)).toBe('(did you mean "handle"?)');
    expect(didYouMean('Target', keys)).toBe('(did you mean "target"?)');
  });

  it('suggests the full name for an abbreviation', () => {
    expect(closestMatch('expo', ['exponential', 'constant', 'erlang'])).toBe('exponential');
  });

  it('suggests nothing for an unrelated word', () => {
    expect(didYouMean('colour', keys)).toBeUndefined();
    expect(didYouMean('xy', keys)).toBeUndefined();
  });
});
