import { describe, expect, it } from 'vitest';
import { ensureTools } from '../lib/system-tools.mjs';

const tools = {
  shell: { package: 'bash', binary: 'bash' },
  absent: { package: 'ses-bench-no-such-package', binary: 'ses-bench-no-such-binary' },
};

describe('the bench finding its Debian tools', () => {
  it('when a tool is installed, then its absolute path is found (system folders included)', () => {
    const found = ensureTools(['shell'], { mayInstall: false, tools });
    expect(found.missing).toEqual([]);
    expect(found.paths.shell).toMatch(/^\/.*\/bash$/);
    expect(found.install).toBeUndefined();
  });

  it('when a tool is missing and apt may not be used, then it is reported with the exact apt-get line and nothing is installed', () => {
    const found = ensureTools(['shell', 'absent'], { mayInstall: false, tools });
    expect(found.missing).toEqual(['absent']);
    expect(found.paths.absent).toBeUndefined();
    expect(found.install).toBe('apt-get install -y --no-install-recommends ses-bench-no-such-package');
  });
});
