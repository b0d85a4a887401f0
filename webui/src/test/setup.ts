import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';

import { requests, server } from './server';

// jsdom has no scrolling; navigation scrolls to the top.
window.scrollTo = () => {};

// A request no test answered fails the test: nothing reaches a real network.
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  requests.length = 0;
  window.history.replaceState(null, '', '/');
});
afterAll(() => server.close());
