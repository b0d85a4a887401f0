import { setupServer } from 'msw/node';

/** The BFF, as MSW plays it in Vitest: each test adds the answers it needs with server.use(...). */
export const server = setupServer();

/** Every request the app sent during the current test, in order. */
export const requests: Request[] = [];

server.events.on('request:start', ({ request }) => {
  requests.push(request);
});
