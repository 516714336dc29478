import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Served by the gateway under /m/; built next to the site into the jar the gateway serves.
export default defineConfig({
  plugins: [react()],
  base: '/m/',
  build: { outDir: '../target/dist/static/m', emptyOutDir: true, sourcemap: true },
  server: { port: 5174, proxy: { '/api': 'http://localhost:8080', '/graphql': 'http://localhost:8080' } },
});
