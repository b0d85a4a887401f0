/// <reference types="vitest/config" />
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// In dev mode Quinoa proxies this server through Quarkus (http://127.0.0.1:8888), so the SPA and the
// BFF share one origin and the session cookie just works. VITE_DEV_PORT moves it (Quinoa reads the
// same variable: quarkus.quinoa.dev-server.port).
export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1', port: Number(process.env.VITE_DEV_PORT ?? 5173), strictPort: true },
  build: { outDir: 'dist', sourcemap: false },
  test: {
    environment: 'jsdom',
    setupFiles: './src/test/setup.ts',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
