import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Built into ../../apps/target (packaged into the jar the gateway serves); `npm run dev`
// proxies /api to a gateway started with ./kb up.
export default defineConfig({
  plugins: [react()],
  base: '/',
  build: { outDir: '../target/dist/static', emptyOutDir: false, sourcemap: true },
  server: { proxy: { '/api': 'http://localhost:8080' } },
});
