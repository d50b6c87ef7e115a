import { describe, expect, it } from 'vitest';
import { captureToken, readToken, TOKEN_STORAGE_KEY } from '../../src-renderer/api/token.js';

describe('access token', () => {
  it('moves ?token= from the address bar into sessionStorage', () => {
    window.history.replaceState(null, '', '/?token=s3cr3t-Token_1&x=1#top');
    expect(captureToken()).toBe('s3cr3t-Token_1');
    expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBe('s3cr3t-Token_1');
    expect(window.location.search).toBe('?x=1');
    expect(window.location.hash).toBe('#top');
    expect(window.location.href).not.toContain('s3cr3t');
  });

  it('leaves a clean URL when the token was the only parameter', () => {
    window.history.replaceState(null, '', '/?token=abc');
    captureToken();
    expect(window.location.search).toBe('');
    expect(window.location.pathname).toBe('/');
  });

  it('keeps the stored token across a reload without ?token=', () => {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, 'kept');
    window.history.replaceState(null, '', '/');
    expect(captureToken()).toBe('kept');
  });

  it('returns null when there is no token anywhere (and an empty ?token= does not count)', () => {
    window.history.replaceState(null, '', '/?token=');
    expect(captureToken()).toBeNull();
    expect(readToken()).toBeNull();
    expect(window.location.search).toBe('');
  });
});
