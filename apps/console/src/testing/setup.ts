import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

// Routes are lazy chunks and Cloudscape is large: the first render of a page can take a few seconds in jsdom.
configure({ asyncUtilTimeout: 8000 });
